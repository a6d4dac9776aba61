#!/usr/bin/python3
"""An independent definition of voxseg's U-Net in PyTorch's own layers (nn.Conv3d, nn.InstanceNorm3d, nn.GroupNorm,
nn.BatchNorm3d, nn.ConvTranspose3d, nn.Upsample, nn.LeakyReLU), for UNetProgramTest: built from a model.json, loaded
with the weights of a .safetensors file by their PyTorch names, run in float64 in training mode on its "input", and
its outputs (the network's, then the deep-supervision heads' finest first) written as little-endian float32.

It follows the architecture as docs/modules.md describes it, not voxseg_unet.py: per level a stage of convolution (no
bias, "same" padding, the first strided), normalisation and activation, or for residual networks units whose last
activation follows the sum with the input (projected by a strided 1x1x1 convolution and normalisation when shapes
differ); decoders up-sample, concatenate (up-sampled, skip) and run a stage; a 1x1x1 output convolution with bias.

usage: plain_unet.py MODEL.json TENSORS.safetensors OUTPUTS.f32"""
import json
import struct
import sys

import torch
from torch import nn

model_file, tensors_file, output_file = sys.argv[1:4]
torch.set_num_threads(2)
with open(model_file) as f:
    model = json.load(f)


def read_safetensors(path):
    with open(path, "rb") as f:
        length = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(length))
        data = f.read()
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        start, end = entry["data_offsets"]
        assert entry["dtype"] == "F32", entry["dtype"]
        values = torch.frombuffer(bytearray(data[start:end]), dtype=torch.float32)
        tensors[name] = values.reshape(entry["shape"]).clone()
    return tensors


def zyx(xyz):
    return [xyz[2], xyz[1], xyz[0]]


levels = len(model["filters"])
filters = model["filters"]
strides = [zyx(s) for s in model["strides"]]
kernels = [zyx(k) for k in model["kernel_sizes"]]


def norm(channels):
    kind = model["norm"]
    if kind == "instance":
        return nn.InstanceNorm3d(channels, affine=True)
    if kind == "group":
        return nn.GroupNorm(model["groups"], channels)
    return nn.BatchNorm3d(channels)


def activation():
    return nn.ReLU() if model["activation"] == "relu" else nn.LeakyReLU(model["negative_slope"])


class ConvNormAct(nn.Module):
    def __init__(self, cin, cout, kernel, stride, activate):
        super().__init__()
        self.conv = nn.Conv3d(cin, cout, kernel, stride, [k // 2 for k in kernel], bias=False)
        self.norm = norm(cout)
        self.act = activation() if activate else nn.Identity()

    def forward(self, x):
        return self.act(self.norm(self.conv(x)))


class Stage(nn.Module):
    def __init__(self, cin, cout, kernel, stride):
        super().__init__()
        self.residual = model["residual"]
        count = model["convs_per_level"]
        for c in range(count):
            setattr(self, "conv" + str(c), ConvNormAct(cin if c == 0 else cout, cout, kernel,
                                                       stride if c == 0 else [1, 1, 1],
                                                       not (self.residual and c == count - 1)))
        self.count = count
        self.project = self.residual and (cin != cout or stride != [1, 1, 1])
        if self.project:
            self.skip = nn.Conv3d(cin, cout, 1, stride, bias=False)
            self.skip_norm = norm(cout)
        self.act = activation()

    def forward(self, x):
        y = x
        for c in range(self.count):
            y = getattr(self, "conv" + str(c))(y)
        if not self.residual:
            return y
        shortcut = self.skip_norm(self.skip(x)) if self.project else x
        return self.act(y + shortcut)


class Interpolating(nn.Module):
    def __init__(self, cin, cout, factor, mode):
        super().__init__()
        self.project = nn.Conv3d(cin, cout, 1)
        self.upsample = nn.Upsample(scale_factor=tuple(float(f) for f in factor), mode=mode,
                                    **({} if mode == "nearest" else {"align_corners": False}))

    def forward(self, x):
        return self.upsample(self.project(x))


class UNet(nn.Module):
    def __init__(self):
        super().__init__()
        cin = model["in_channels"]
        for level in range(levels):
            setattr(self, "encoder" + str(level), Stage(cin, filters[level], kernels[level], strides[level]))
            cin = filters[level]
        for level in range(levels - 1):
            factor = strides[level + 1]
            if model["upsampling"] == "transposed":
                up = nn.ConvTranspose3d(filters[level + 1], filters[level], factor, factor)
            else:
                up = Interpolating(filters[level + 1], filters[level], factor, model["upsampling"])
            setattr(self, "up" + str(level), up)
            setattr(self, "decoder" + str(level), Stage(2 * filters[level], filters[level], kernels[level], [1, 1, 1]))
        self.output = nn.Conv3d(filters[0], model["out_channels"], 1)
        if model["deep_supervision"]:
            for level in range(1, levels - 1):
                setattr(self, "supervision" + str(level), nn.Conv3d(filters[level], model["out_channels"], 1))

    def forward(self, x):
        skips = []
        for level in range(levels):
            x = getattr(self, "encoder" + str(level))(x)
            skips.append(x)
        heads = []
        for level in range(levels - 2, -1, -1):
            x = torch.cat([getattr(self, "up" + str(level))(x), skips[level]], 1)
            x = getattr(self, "decoder" + str(level))(x)
            if model["deep_supervision"] and level > 0:
                heads.insert(0, getattr(self, "supervision" + str(level))(x))
        return [self.output(x)] + heads


tensors = read_safetensors(tensors_file)
network = UNet().double().train()
state = {name: value.double() for name, value in tensors.items() if name != "input"}
missing, unexpected = network.load_state_dict(state, strict=False)
missing = [name for name in missing if not name.endswith("num_batches_tracked")]
assert not missing and not unexpected, (missing, unexpected)
with torch.no_grad():
    outputs = network(tensors["input"].double())
with open(output_file, "wb") as f:
    for output in outputs:
        f.write(output.float().contiguous().numpy().astype("<f4").tobytes())
