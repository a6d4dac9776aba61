#!/usr/bin/python3
"""Writes seg-core/src/main/resources/org/voxseg/core/network/scripted_unet.ts: voxseg_unet.UNetProgram (the one
definition of voxseg's U-Net forward, the module `voxseg export` ships) scripted into TorchScript, code only: voxseg
hands it the architecture and the weights at run time (UNetProgram).

Why TorchScript: a training step or a window is then one native call instead of one per layer, and libtorch converts
to and from bfloat16 and float16 inside the program, which DJL cannot (its JNI has no code for the types).

The program is only scripted here, never run: voxseg runs it in libtorch 2.7.1. A test (UNetProgramTest)
scripts the module again and fails when the committed program differs.

Run with Debian's PyTorch 1.13 (the archive keeps the source, which newer libtorch compiles on load):
    /usr/bin/python3 seg-core/src/main/python/make_scripted_unet.py [output]
"""
import importlib.util
import os
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
RESOURCES = os.path.join(HERE, "..", "resources", "org", "voxseg", "core")
MODULE = os.path.join(RESOURCES, "network", "voxseg_unet.py")
OUTPUT = os.path.join(RESOURCES, "network", "scripted_unet.ts")


def main():
    spec = importlib.util.spec_from_file_location("voxseg_unet", MODULE)
    voxseg_unet = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(voxseg_unet)
    output = sys.argv[1] if len(sys.argv) > 1 else OUTPUT
    scripted = torch.jit.script(voxseg_unet.UNetProgram())
    os.makedirs(os.path.dirname(os.path.abspath(output)), exist_ok=True)
    scripted.save(output)
    print("wrote", os.path.normpath(output), os.path.getsize(output), "bytes")


if __name__ == "__main__":
    main()
