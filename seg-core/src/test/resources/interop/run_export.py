#!/usr/bin/python3
"""Runs a voxseg export in PyTorch for SafetensorsExportTest: loads it with its own voxseg_unet.py, predicts the
tensor "input" of a .safetensors file and writes the raw outputs as little-endian float32; with a fourth argument,
also traces the module to that TorchScript file (the round trip back into voxseg import).

usage: run_export.py EXPORT_FOLDER INPUT.safetensors OUTPUT.f32 [TRACED.ts]"""
import sys

import torch

folder, inputs, outputs = sys.argv[1:4]
sys.path.insert(0, folder)
import voxseg_unet  # noqa: E402  (the module the export wrote)

torch.set_num_threads(2)
net = voxseg_unet.load(folder)
x = voxseg_unet.read_safetensors(inputs)["input"]
with torch.no_grad():
    y = net(x)
    if len(sys.argv) > 4:
        torch.jit.trace(net, x).save(sys.argv[4])
y.contiguous().numpy().astype("<f4").tofile(outputs)
