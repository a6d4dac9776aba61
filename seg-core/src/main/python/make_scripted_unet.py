#!/usr/bin/python3
"""Writes seg-core/src/main/resources/org/voxseg/core/inference/scripted_unet.ts: voxseg's U-Net forward as one
TorchScript program, generic over every architecture model.json describes. voxseg hands it the weights at run time
(ScriptedNetwork), under the PyTorch names of `voxseg export`, so the file holds code only, no weights.

Why: DJL cannot convert a tensor to or from bfloat16 (its JNI has no code for the type and aborts), but inside
TorchScript libtorch does it itself. The program converts the weights once and each window on the way in, computes
in bfloat16 (oneDNN's AVX-512 BF16 kernels) or float32, in the channels-last memory format those kernels prefer,
and returns float32. It is also one native call per window instead of one per layer.

The program is only scripted here, never run: voxseg runs it in libtorch 2.7.1, whose CPU kernels include the
bfloat16 transposed convolution that PyTorch 1.13 lacks.

Run with Debian's PyTorch 1.13 (the archive keeps the source, which newer libtorch compiles on load):
    /usr/bin/python3 seg-core/src/main/python/make_scripted_unet.py
"""
import os
from typing import Dict, List, Optional

import torch
import torch.nn.functional as F

OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "org", "voxseg", "core",
                      "inference", "scripted_unet.ts")

# Codes in config: norm 0 instance, 1 group, 2 batch; upsampling 0 transposed, 1 nearest, 2 trilinear.


class ScriptedUNet(torch.nn.Module):
    """config: [levels, convs_per_level, residual, norm, groups, relu (1) or leaky (0), upsampling,
    filters per level, then (z, y, x) strides per level, then (z, y, x) kernels per level]."""

    weights: Dict[str, torch.Tensor]
    config: List[int]

    def __init__(self):
        super().__init__()
        self.weights = {}
        self.config = [0]
        self.negative_slope = 0.01
        self.bf16 = False
        self.onednn = False

    @torch.jit.export
    def load(self, weights: Dict[str, torch.Tensor], config: List[int], negative_slope: float, bf16: bool,
             onednn: bool) -> int:
        dtype = torch.bfloat16 if bf16 else torch.float32
        converted: Dict[str, torch.Tensor] = {}
        for name, value in weights.items():
            value = value.to(dtype)
            transposed = name.startswith("up") and name.endswith(".weight") and not name.endswith("project.weight")
            if value.dim() == 5 and not transposed:
                # A transposed convolution's weight (in, out, k, k, k) stays as it is: oneDNN reads it so.
                value = value.contiguous(memory_format=torch.channels_last_3d)
            converted[name] = value
        self.weights = converted
        self.config = config
        self.negative_slope = negative_slope
        self.bf16 = bf16
        self.onednn = onednn
        return len(converted)

    def level(self, index: int, offset: int) -> List[int]:
        levels = self.config[0]
        start = 7 + levels + offset * 3 * levels + 3 * index
        return self.config[start:start + 3]

    def norm(self, x: torch.Tensor, prefix: str) -> torch.Tensor:
        kind = self.config[3]
        if kind == 2:
            return F.batch_norm(x, self.weights[prefix + ".running_mean"], self.weights[prefix + ".running_var"],
                                self.weights[prefix + ".weight"], self.weights[prefix + ".bias"], False, 0.1, 1e-5)
        groups = x.shape[1] if kind == 0 else self.config[4]
        if x.shape[1] < 8:
            # libtorch's channels-last group norm takes 30 times the plain layout's time at 4 channels (1 ms against
            # 31 ms on 64^3); from 8 channels on it is as fast. The next convolution turns the layout back.
            x = x.contiguous()
        return F.group_norm(x, groups, self.weights[prefix + ".weight"], self.weights[prefix + ".bias"], 1e-5)

    def activate(self, x: torch.Tensor) -> torch.Tensor:
        """In place: every caller hands over a tensor it made itself, and one allocation fewer per layer is one
        feature map fewer for the allocator to find."""
        if self.config[5] == 1:
            return F.relu(x, inplace=True)
        return F.leaky_relu(x, self.negative_slope, inplace=True)

    def conv(self, x: torch.Tensor, weight: torch.Tensor, bias: Optional[torch.Tensor], stride: List[int],
             padding: List[int]) -> torch.Tensor:
        """On a CPU with a libtorch built with oneDNN, straight to oneDNN: conv3d's own choice sends small inputs (few
        channels, or small spatial sizes) to libtorch's im2col convolution instead, 16 times slower for 4 to 16
        channels on 64^3."""
        if self.onednn and not x.is_cuda:
            return torch.mkldnn_convolution(x, weight, bias, padding, stride, [1, 1, 1], 1)
        return F.conv3d(x, weight, bias, stride, padding)

    def conv_norm_act(self, x: torch.Tensor, prefix: str, kernel: List[int], stride: List[int],
                      activate: bool) -> torch.Tensor:
        padding = [kernel[0] // 2, kernel[1] // 2, kernel[2] // 2]
        x = self.conv(x, self.weights[prefix + ".conv.weight"], None, stride, padding)
        x = self.norm(x, prefix + ".norm")
        return self.activate(x) if activate else x

    def stage(self, x: torch.Tensor, prefix: str, kernel: List[int], stride: List[int]) -> torch.Tensor:
        convs = self.config[1]
        residual = self.config[2] == 1
        y = x
        for c in range(convs):
            last_of_unit = residual and c == convs - 1
            y = self.conv_norm_act(y, prefix + ".conv" + str(c), kernel, stride if c == 0 else [1, 1, 1],
                                   not last_of_unit)
        if not residual:
            return y
        shortcut = x
        if prefix + ".skip.weight" in self.weights:
            shortcut = self.conv(x, self.weights[prefix + ".skip.weight"], None, stride, [0, 0, 0])
            shortcut = self.norm(shortcut, prefix + ".skip_norm")
        return self.activate(y + shortcut)

    def up(self, x: torch.Tensor, level: int, factor: List[int]) -> torch.Tensor:
        prefix = "up" + str(level)
        kind = self.config[6]
        if kind == 0:
            return F.conv_transpose3d(x, self.weights[prefix + ".weight"], self.weights[prefix + ".bias"], factor)
        y = self.conv(x, self.weights[prefix + ".project.weight"], self.weights[prefix + ".project.bias"], [1, 1, 1],
                      [0, 0, 0])
        scale = [float(factor[0]), float(factor[1]), float(factor[2])]
        if kind == 1:
            return F.interpolate(y, scale_factor=scale, mode="nearest")
        return F.interpolate(y, scale_factor=scale, mode="trilinear", align_corners=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        levels = self.config[0]
        dtype = torch.bfloat16 if self.bf16 else torch.float32
        x = x.to(dtype).contiguous(memory_format=torch.channels_last_3d)
        skips: List[torch.Tensor] = []
        for level in range(levels):
            x = self.stage(x, "encoder" + str(level), self.level(level, 1), self.level(level, 0))
            skips.append(x)
        for level in range(levels - 2, -1, -1):
            up = self.up(x, level, self.level(level + 1, 0))
            x = self.stage(torch.cat([up, skips[level]], 1), "decoder" + str(level), self.level(level, 1),
                           [1, 1, 1])
        x = self.conv(x, self.weights["output.weight"], self.weights["output.bias"], [1, 1, 1], [0, 0, 0])
        return x.to(torch.float32).contiguous()


def main():
    scripted = torch.jit.script(ScriptedUNet())
    os.makedirs(os.path.dirname(OUTPUT), exist_ok=True)
    scripted.save(OUTPUT)
    print("wrote", os.path.normpath(OUTPUT), os.path.getsize(OUTPUT), "bytes")


if __name__ == "__main__":
    main()
