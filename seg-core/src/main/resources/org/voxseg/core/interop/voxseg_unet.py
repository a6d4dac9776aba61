"""A network trained by voxseg, in plain PyTorch.

Written by `voxseg export --format safetensors`, beside model.json (the architecture), model.safetensors (the
weights, named as this module's state_dict) and preprocessing.json (what to do to a case before and after the
network). Needs nothing but torch (1.13 or later).

Tensors are (N, C, k, j, i): voxseg keeps the file's i axis fastest, so a nibabel array of shape (i, j, k) goes in
as torch.from_numpy(array.transpose(2, 1, 0)) per channel. The network returns raw outputs (logits); apply the
activation preprocessing.json names (sigmoid for nested regions, softmax for classes).

    import torch, voxseg_unet
    net = voxseg_unet.load("exported")              # eval mode, float32, on the CPU
    with torch.no_grad():
        logits = net(torch.zeros(1, 4, 128, 128, 128))

To make TorchScript (for voxseg import, libtorch or Triton) or ONNX:

    traced = torch.jit.trace(net, torch.zeros(1, 4, 128, 128, 128))
    traced.save("model.ts")
    torch.onnx.export(net, torch.zeros(1, 4, 128, 128, 128), "model.onnx", opset_version=17)
"""
import json
import os
import struct

import torch
import torch.nn.functional as F
from torch import nn

_DTYPES = {"F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16, "F64": torch.float64,
           "I64": torch.int64, "I32": torch.int32, "I8": torch.int8, "U8": torch.uint8, "BOOL": torch.bool}


def read_safetensors(path):
    """The tensors of a .safetensors file by name (the format is 8 bytes of header length, a JSON header, data)."""
    with open(path, "rb") as f:
        (length,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(length))
        data = bytearray(f.read())
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        start, end = entry["data_offsets"]
        dtype = _DTYPES[entry["dtype"]]
        size = torch.empty(0, dtype=dtype).element_size()
        flat = torch.frombuffer(data, dtype=dtype, count=(end - start) // size, offset=start)
        tensors[name] = flat.reshape(entry["shape"]).clone()
    return tensors


def _zyx(xyz):
    """A voxseg (x, y, z) triple in PyTorch's (D, H, W) = (z, y, x) order."""
    return tuple(reversed(xyz))


class _Norm(nn.Module):
    """voxseg's normalisation: instance norm (GroupNorm with a group per channel), group norm or batch norm."""

    @staticmethod
    def make(config, channels):
        norm = config.get("norm", "instance")
        if norm == "instance":
            return nn.GroupNorm(channels, channels, eps=1e-5)
        if norm == "group":
            return nn.GroupNorm(config["groups"], channels, eps=1e-5)
        return nn.BatchNorm3d(channels, eps=1e-5)


def _activate(config, x):
    if config.get("activation", "leaky_relu") == "relu":
        return F.relu(x)
    return F.leaky_relu(x, config.get("negative_slope", 0.01))


class ConvNormAct(nn.Module):
    """Convolution without bias ("same" padding), normalisation, and (unless told not to) the activation."""

    def __init__(self, config, cin, cout, kernel, stride, activate):
        super().__init__()
        self.config = config
        self.activate = activate
        self.conv = nn.Conv3d(cin, cout, _zyx(kernel), _zyx(stride), padding=tuple(k // 2 for k in _zyx(kernel)),
                              bias=False)
        self.norm = _Norm.make(config, cout)

    def forward(self, x):
        x = self.norm(self.conv(x))
        return _activate(self.config, x) if self.activate else x


class ConvStage(nn.Module):
    """One U-Net level: a stack of ConvNormAct (the first strided), or a residual unit with a projected shortcut."""

    def __init__(self, config, cin, cout, kernel, stride):
        super().__init__()
        self.config = config
        self.residual = config.get("residual", False)
        convs = config.get("convs_per_level", 2)
        self.count = convs
        for c in range(convs):
            last_of_unit = self.residual and c == convs - 1
            self.add_module(f"conv{c}", ConvNormAct(config, cin if c == 0 else cout, cout, kernel,
                                                    stride if c == 0 else [1, 1, 1], not last_of_unit))
        self.has_projection = self.residual and (cin != cout or stride != [1, 1, 1])
        if self.has_projection:
            self.skip = nn.Conv3d(cin, cout, 1, _zyx(stride), bias=False)
            self.skip_norm = _Norm.make(config, cout)

    def forward(self, x):
        y = x
        for c in range(self.count):
            y = getattr(self, f"conv{c}")(y)
        if not self.residual:
            return y
        shortcut = self.skip_norm(self.skip(x)) if self.has_projection else x
        return _activate(self.config, y + shortcut)


class InterpolatingUp(nn.Module):
    """A 1x1x1 convolution, then nearest or trilinear up-sampling (align_corners=False)."""

    def __init__(self, cin, cout, factor, mode):
        super().__init__()
        self.project = nn.Conv3d(cin, cout, 1)
        self.factor = _zyx(factor)
        self.mode = mode

    def forward(self, x):
        y = self.project(x)
        if self.mode == "nearest":
            return F.interpolate(y, scale_factor=self.factor, mode="nearest")
        return F.interpolate(y, scale_factor=self.factor, mode="trilinear", align_corners=False)


class VoxsegUNet(nn.Module):
    """voxseg's 3-D U-Net (model.json's "model"): encoder levels, up-sampling, concatenated skips, a 1x1x1 head."""

    def __init__(self, config):
        super().__init__()
        filters = config["filters"]
        levels = len(filters)
        strides = config.get("strides") or [[1, 1, 1]] + [[2, 2, 2]] * (levels - 1)
        kernels = config.get("kernel_sizes") or [[3, 3, 3]] * levels
        self.levels = levels
        channels = config["in_channels"]
        for level in range(levels):
            self.add_module(f"encoder{level}", ConvStage(config, channels, filters[level], kernels[level],
                                                         strides[level]))
            channels = filters[level]
        upsampling = config.get("upsampling", "transposed")
        for level in range(levels - 2, -1, -1):
            factor = strides[level + 1]
            if upsampling == "transposed":
                up = nn.ConvTranspose3d(filters[level + 1], filters[level], _zyx(factor), _zyx(factor))
            else:
                up = InterpolatingUp(filters[level + 1], filters[level], factor, upsampling)
            self.add_module(f"up{level}", up)
            self.add_module(f"decoder{level}", ConvStage(config, 2 * filters[level], filters[level],
                                                         kernels[level], [1, 1, 1]))
        self.output = nn.Conv3d(filters[0], config["out_channels"], 1)

    def forward(self, x):
        skips = []
        for level in range(self.levels):
            x = getattr(self, f"encoder{level}")(x)
            skips.append(x)
        for level in range(self.levels - 2, -1, -1):
            up = getattr(self, f"up{level}")(x)
            x = getattr(self, f"decoder{level}")(torch.cat([up, skips[level]], 1))
        return self.output(x)


def load(folder):
    """The exported network in `folder` (model.json and model.safetensors), in eval mode."""
    with open(os.path.join(folder, "model.json")) as f:
        description = json.load(f)
    net = VoxsegUNet(description["model"])
    weights = read_safetensors(os.path.join(folder, "model.safetensors"))
    missing, unexpected = net.load_state_dict(weights, strict=False)
    missing = [name for name in missing if not name.endswith("num_batches_tracked")]
    if missing or unexpected:
        raise ValueError(f"model.safetensors does not fit model.json: missing {missing}, unexpected {unexpected}")
    return net.eval()
