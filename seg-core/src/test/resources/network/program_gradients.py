#!/usr/bin/python3
"""PyTorch's own gradients for UNetProgramTest: runs voxseg_unet.UNetProgram eagerly in float64 (PyTorch's reference
kernels, no oneDNN) on the weights, input and output weights of a .safetensors file, takes the loss
sum_k sum(output_k * weight_k) over the training outputs, and writes the gradient of every weight named in the
names file, in that order, as little-endian float32.

With "bf16" last, every convolution's input, weight, bias and output, and their gradients, are rounded to bfloat16
(converted there and back, which autograd records), everything else computed in float64: mixed precision with ideal
kernels, how close to float32's gradients bfloat16's can be.

usage: program_gradients.py voxseg_unet.py MODEL.json TENSORS.safetensors NAMES.txt GRADIENTS.f32 [bf16]"""
import importlib.util
import json
import sys

import torch

module_file, model_file, tensors_file, names_file, output_file = sys.argv[1:6]
rounding = sys.argv[6:] == ["bf16"]
spec = importlib.util.spec_from_file_location("voxseg_unet", module_file)
voxseg_unet = importlib.util.module_from_spec(spec)
spec.loader.exec_module(voxseg_unet)
torch.set_num_threads(2)

with open(model_file) as f:
    model = json.load(f)
tensors = {name: value.double() for name, value in voxseg_unet.read_safetensors(tensors_file).items()}
with open(names_file) as f:
    names = f.read().split()

program = voxseg_unet.UNetProgram()
levels = len(model["filters"])
strides = model.get("strides") or [[1, 1, 1]] + [[2, 2, 2]] * (levels - 1)
kernels = model.get("kernel_sizes") or [[3, 3, 3]] * levels
program.configure(list(model["filters"]), [voxseg_unet._zyx(s) for s in strides],
                  [voxseg_unet._zyx(k) for k in kernels], model.get("convs_per_level", 2),
                  model.get("residual", False), model.get("norm", "instance"), model.get("groups", 1),
                  model.get("activation", "leaky_relu"), model.get("negative_slope", 0.01),
                  model.get("upsampling", "transposed"), model.get("deep_supervision", False), 0.0, "fp32")
if rounding:
    def rounded(t):
        return None if t is None else t.to(torch.bfloat16).to(torch.float64)

    conv3d, conv_transpose3d = torch.nn.functional.conv3d, torch.nn.functional.conv_transpose3d
    torch.nn.functional.conv3d = lambda x, w, b, *rest: rounded(conv3d(rounded(x), rounded(w), rounded(b), *rest))
    torch.nn.functional.conv_transpose3d = lambda x, w, b, *rest: rounded(
        conv_transpose3d(rounded(x), rounded(w), rounded(b), *rest))
weights = {name: value for name, value in tensors.items() if name != "input" and not name.startswith("output_weight")}
for name in names:
    weights[name].requires_grad_(True)
outputs = program.run(tensors["input"], weights, torch.float64, True, False)
loss = sum((output * tensors["output_weight" + str(k)]).sum() for k, output in enumerate(outputs))
loss.backward()
with open(output_file, "wb") as f:
    for name in names:
        f.write(weights[name].grad.float().contiguous().numpy().astype("<f4").tobytes())
