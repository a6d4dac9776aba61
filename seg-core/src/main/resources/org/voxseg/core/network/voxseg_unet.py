"""voxseg's 3-D U-Net in plain PyTorch: the one definition of its forward.

voxseg itself runs this module, scripted into TorchScript (`scripted_unet.ts`, by make_scripted_unet.py), for
training, validation and prediction; `voxseg export --format safetensors` ships it beside model.json (the
architecture), model.safetensors (the weights, named as this module's state_dict) and preprocessing.json (what to do
to a case before and after the network). Needs nothing but torch (1.13 or later).

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
from typing import Dict, List, Optional

import torch
import torch.nn.functional as F
from torch import nn

_DTYPES = {"F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16, "F64": torch.float64,
           "I64": torch.int64, "I32": torch.int32, "I8": torch.int8, "U8": torch.uint8, "BOOL": torch.bool}


class UNetProgram(nn.Module):
    """The U-Net's forward as a function of the architecture (set once by `configure`) and of the weights, named as
    in PyTorch (`encoder0.conv0.conv.weight`, `encoder0.conv0.norm.weight`, `up0.weight`, `output.bias`, ...).

    Three entry points share one forward:
    - `train_forward(x, weights)` computes from the weights it is given, so that autograd reaches them: voxseg's
      training step (the float32 master weights, deep-supervision outputs included, finest first) and its patch
      validation (`eval_forward`). With precision "bf16" or "fp16" (mixed precision) the activations are of that
      type, and the weights, normalisation's statistics, scale and shift, and the outputs stay float32.
    - `load(weights, precision, onednn)` keeps converted copies (channels-last, and bfloat16 when asked) for
      `forward(x)`, voxseg's sliding-window prediction, where every layer computes in the chosen type.
    """

    filters: List[int]
    strides: List[List[int]]
    kernels: List[List[int]]
    weights: Dict[str, torch.Tensor]

    def __init__(self):
        super().__init__()
        self.filters = [1]
        self.strides = [[1, 1, 1]]
        self.kernels = [[3, 3, 3]]
        self.convs_per_level = 2
        self.residual = False
        self.norm_kind = "instance"
        self.groups = 1
        self.activation = "leaky_relu"
        self.negative_slope = 0.01
        self.upsampling = "transposed"
        self.deep_supervision = False
        self.dropout = 0.0
        self.training_precision = "fp32"
        self.weights = {}
        self.inference_precision = "fp32"
        self.onednn = False

    @torch.jit.export
    def configure(self, filters: List[int], strides: List[List[int]], kernels: List[List[int]],
                  convs_per_level: int, residual: bool, norm: str, groups: int, activation: str,
                  negative_slope: float, upsampling: str, deep_supervision: bool, dropout: float,
                  training_precision: str) -> int:
        """Sets the architecture (strides and kernels per level along (z, y, x)) and the training precision."""
        self.filters = filters
        self.strides = strides
        self.kernels = kernels
        self.convs_per_level = convs_per_level
        self.residual = residual
        self.norm_kind = norm
        self.groups = groups
        self.activation = activation
        self.negative_slope = negative_slope
        self.upsampling = upsampling
        self.deep_supervision = deep_supervision
        self.dropout = dropout
        self.training_precision = training_precision
        return len(filters)

    @torch.jit.export
    def load(self, weights: Dict[str, torch.Tensor], precision: str, onednn: bool) -> int:
        """Keeps copies of `weights` for `forward`, in the channels-last format oneDNN's kernels prefer (a transposed
        convolution's weight, (in, out, k, k, k), stays as it is: oneDNN reads it so); with `onednn` (libtorch has
        it) `forward` calls oneDNN's convolution directly on a CPU."""
        dtype = _dtype(precision)
        converted: Dict[str, torch.Tensor] = {}
        for name, value in weights.items():
            value = value.to(dtype)
            if value.dim() == 5 and not _is_transposed(name):
                value = value.contiguous(memory_format=torch.channels_last_3d)
            converted[name] = value
        self.weights = converted
        self.inference_precision = precision
        # oneDNN computes float16 only on CPUs with AVX-512 FP16; libtorch's own kernels do it everywhere.
        self.onednn = onednn and precision != "fp16"
        return len(converted)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Raw float32 outputs for `x` from the loaded weights, every layer in the loaded precision."""
        dtype = _dtype(self.inference_precision)
        x = x.to(dtype).contiguous(memory_format=torch.channels_last_3d)
        return self.run(x, self.weights, dtype, False, True)[0].contiguous()

    @torch.jit.export
    def train_forward(self, x: torch.Tensor, weights: Dict[str, torch.Tensor]) -> List[torch.Tensor]:
        """Training-mode float32 outputs from `weights` (batch statistics, dropout, deep supervision).

        In the channels-last memory format, like prediction: there oneDNN computes the weights' gradients with its
        direct kernels. In the plain layout libtorch 2.7.1 takes oneDNN's GEMM-based weight gradient, which gave
        wrong and, with two threads, varying gradients on an AMD EPYC (docs/engine.md)."""
        x = x.contiguous(memory_format=torch.channels_last_3d)
        return self.run(x, weights, _dtype(self.training_precision), True, False)

    @torch.jit.export
    def eval_forward(self, x: torch.Tensor, weights: Dict[str, torch.Tensor]) -> List[torch.Tensor]:
        """Inference-mode float32 output from `weights`, in the training precision."""
        x = x.contiguous(memory_format=torch.channels_last_3d)
        return self.run(x, weights, _dtype(self.training_precision), False, False)

    def run(self, x: torch.Tensor, weights: Dict[str, torch.Tensor], dtype: torch.dtype, training: bool,
            inference: bool) -> List[torch.Tensor]:
        """The network's outputs, finest first, in float32: the U-Net's and, while training with deep supervision,
        the heads' of the coarser decoder levels. Convolutions compute in `dtype`; `inference` selects the held,
        converted weights' fast paths (oneDNN called directly, activations in place).

        In training and validation the output heads, which write the logits, compute in float32 where `dtype` is a
        reduced type: with them in bfloat16 the demo's enhancing-tumour channel never came apart from the tumour
        core's (held-out Dice 0.85 against float32's 0.995); with them in float32 bf16 training follows float32's
        epoch by epoch (docs/engine.md). They are 1x1x1 convolutions to a few channels, the cheapest there are."""
        logits = torch.float32 if _reduced(dtype) and not inference else dtype
        levels = len(self.filters)
        skips: List[torch.Tensor] = []
        for level in range(levels):
            x = self.stage(x, weights, "encoder" + str(level), self.kernels[level], self.strides[level], dtype,
                           training, inference)
            skips.append(x)
        supervision: List[torch.Tensor] = []
        for level in range(levels - 2, -1, -1):
            up = self.up(x, weights, level, self.strides[level + 1], dtype, inference)
            joined = torch.cat([up.to(dtype), skips[level].to(dtype)], 1)
            x = self.stage(joined, weights, "decoder" + str(level), self.kernels[level], [1, 1, 1], dtype, training,
                           inference)
            if training and self.deep_supervision and level > 0:
                head = "supervision" + str(level)
                supervision.insert(0, self.conv(x, weights[head + ".weight"], weights[head + ".bias"], [1, 1, 1],
                                                [0, 0, 0], logits, inference).to(torch.float32))
        output = self.conv(x, weights["output.weight"], weights["output.bias"], [1, 1, 1], [0, 0, 0], logits,
                           inference).to(torch.float32)
        return [output.contiguous()] + [head.contiguous() for head in supervision]

    def conv(self, x: torch.Tensor, weight: torch.Tensor, bias: Optional[torch.Tensor], stride: List[int],
             padding: List[int], dtype: torch.dtype, inference: bool) -> torch.Tensor:
        """A convolution in `dtype`. For inference on a CPU whose libtorch has oneDNN, straight to oneDNN (which has
        no autograd): conv3d's own choice sends small inputs (few channels, small sizes) to an im2col path 16 times
        slower."""
        if not inference and _reduced(dtype) and not x.is_cuda and min(x.shape[2], min(x.shape[3], x.shape[4])) < 4:
            # On a CPU libtorch's bfloat16 weight gradient was garbage (1e34, UNetProgramTest) where a side of the
            # feature map is 2; maps that small cost nothing in float32.
            dtype = torch.float32
        x = x.to(dtype)
        weight = weight.to(dtype)
        if bias is not None:
            bias = bias.to(dtype)
        if inference and self.onednn and not x.is_cuda:
            return torch.mkldnn_convolution(x, weight, bias, padding, stride, [1, 1, 1], 1)
        if not inference and x.shape[1] == 1 and not x.is_cuda:
            # One channel is both memory layouts, and libtorch then takes the plain one, whose weight gradient is
            # wrong (train_forward): a zero channel beside it keeps the layout channels-last and the result equal.
            x = torch.cat([x, torch.zeros_like(x)], 1).contiguous(memory_format=torch.channels_last_3d)
            weight = torch.cat([weight, torch.zeros_like(weight)], 1)
        return F.conv3d(x, weight, bias, stride, padding)

    def normalise(self, x: torch.Tensor, weights: Dict[str, torch.Tensor], prefix: str, training: bool,
                  inference: bool) -> torch.Tensor:
        """The configured normalisation, its statistics in float32 whatever the type of `x` (as torch.autocast
        does: in the reduced type their cancellation left the deeper layers' gradients off by up to 80%).

        Training on a CPU takes libtorch's batch norm, whose channels-last backward is fast where the group norm's
        took half of a training step: an instance norm is the batch norm of each sample alone, and a group norm is
        composed from its parts. The batch is cut with split, whose backward concatenates the samples' gradients
        in the channels-last layout; unbind's stacked them into the plain layout, which made batch norm's backward
        13 times slower and every convolution's backward copy its output gradient first. libtorch's CPU batch norm reads a bfloat16 `x` and keeps its statistics, scale
        and shift in float32, so mixed precision needs no conversion there; elsewhere `x` is converted first."""
        scale = weights[prefix + ".weight"]
        shift = weights[prefix + ".bias"]
        groups = x.shape[1] if self.norm_kind == "instance" else self.groups
        batch_normed = self.norm_kind == "batch" or groups == x.shape[1]
        if not inference and not (training and batch_normed and not x.is_cuda):
            x = x.to(torch.float32)
        if self.norm_kind == "batch":
            return F.batch_norm(x, weights[prefix + ".running_mean"], weights[prefix + ".running_var"], scale, shift,
                                training, 0.1, 1e-5)
        if training and not x.is_cuda:
            if groups == x.shape[1]:
                return torch.cat([F.batch_norm(sample, None, None, scale, shift, True, 0.0, 1e-5)
                                  for sample in torch.split(x, 1, 0)], 0)
            return _group_norm_from_parts(x, groups, scale, shift)
        if inference and x.shape[1] < 8:
            # libtorch's channels-last group norm takes 30 times the plain layout's time at 4 channels; from 8
            # channels on it is as fast. The next convolution turns the layout back. Not in training, where a
            # convolution's weight gradient must not see the plain layout (train_forward).
            x = x.contiguous()
        return F.group_norm(x, groups, scale, shift, 1e-5)

    def activate(self, x: torch.Tensor, inference: bool) -> torch.Tensor:
        """In place, as every caller hands over a tensor it made itself and no other operation keeps: one feature
        map fewer to allocate. Autograd differentiates ReLU and a leaky ReLU of positive slope from the output, so
        training may do it too; a leaky ReLU of slope 0 or less needs its input and is not done in place there."""
        if self.activation == "relu":
            return F.relu(x, inplace=True)
        return F.leaky_relu(x, self.negative_slope, inplace=inference or self.negative_slope > 0)

    def conv_norm_act(self, x: torch.Tensor, weights: Dict[str, torch.Tensor], prefix: str, kernel: List[int],
                      stride: List[int], activate: bool, dtype: torch.dtype, training: bool,
                      inference: bool) -> torch.Tensor:
        """Convolution without bias ("same" padding), normalisation, dropout while training, activation."""
        padding = [kernel[0] // 2, kernel[1] // 2, kernel[2] // 2]
        x = self.conv(x, weights[prefix + ".conv.weight"], None, stride, padding, dtype, inference)
        x = self.normalise(x, weights, prefix + ".norm", training, inference)
        if training and self.dropout > 0:
            x = F.dropout(x, self.dropout, True)
        return self.activate(x, inference) if activate else x

    def stage(self, x: torch.Tensor, weights: Dict[str, torch.Tensor], prefix: str, kernel: List[int],
              stride: List[int], dtype: torch.dtype, training: bool, inference: bool) -> torch.Tensor:
        """One level: a stack of convolutions (the first strided), or a residual unit whose sum with the input
        (projected by a strided 1x1x1 convolution and normalisation when shapes differ) is then activated."""
        y = x
        for c in range(self.convs_per_level):
            last_of_unit = self.residual and c == self.convs_per_level - 1
            y = self.conv_norm_act(y, weights, prefix + ".conv" + str(c), kernel, stride if c == 0 else [1, 1, 1],
                                   not last_of_unit, dtype, training, inference)
        if not self.residual:
            return y
        shortcut = x
        if prefix + ".skip.weight" in weights:
            shortcut = self.conv(x, weights[prefix + ".skip.weight"], None, stride, [0, 0, 0], dtype, inference)
            shortcut = self.normalise(shortcut, weights, prefix + ".skip_norm", training, inference)
        return self.activate(y + shortcut.to(y.dtype), inference)

    def up(self, x: torch.Tensor, weights: Dict[str, torch.Tensor], level: int, factor: List[int],
           dtype: torch.dtype, inference: bool) -> torch.Tensor:
        """A transposed convolution (kernel = stride = factor), or a 1x1x1 convolution then nearest or trilinear
        (align_corners=False) up-sampling."""
        prefix = "up" + str(level)
        if self.upsampling == "transposed":
            return F.conv_transpose3d(x.to(dtype), weights[prefix + ".weight"].to(dtype),
                                      weights[prefix + ".bias"].to(dtype), factor)
        y = self.conv(x, weights[prefix + ".project.weight"], weights[prefix + ".project.bias"], [1, 1, 1], [0, 0, 0],
                      dtype, inference)
        scale = [float(factor[0]), float(factor[1]), float(factor[2])]
        if self.upsampling == "nearest":
            return F.interpolate(y, scale_factor=scale, mode="nearest")
        return F.interpolate(y, scale_factor=scale, mode="trilinear", align_corners=False)


def _dtype(precision: str) -> torch.dtype:
    if precision == "bf16":
        return torch.bfloat16
    if precision == "fp16":
        return torch.float16
    return torch.float32


def _reduced(dtype: torch.dtype) -> bool:
    return dtype == torch.bfloat16 or dtype == torch.float16


def _group_norm_from_parts(x: torch.Tensor, groups: int, scale: torch.Tensor, shift: torch.Tensor) -> torch.Tensor:
    """F.group_norm of a float32 `x` as its mean, variance, scale and shift, which autograd differentiates in a few
    element-wise passes that keep the channels-last layout."""
    n, c, d, h, w = x.shape[0], x.shape[1], x.shape[2], x.shape[3], x.shape[4]
    grouped = x.view([n, groups, c // groups, d, h, w])
    variance, mean = torch.var_mean(grouped, [2, 3, 4, 5], unbiased=False, keepdim=True)
    factor = scale.view([1, groups, c // groups, 1, 1, 1]) * torch.rsqrt(variance + 1e-5)
    offset = shift.view([1, groups, c // groups, 1, 1, 1]) - mean * factor
    return (grouped * factor + offset).view([n, c, d, h, w])


def _is_transposed(name: str) -> bool:
    return name.startswith("up") and name.endswith(".weight") and not name.endswith("project.weight")


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
    return [int(v) for v in reversed(xyz)]


def parameter_shapes(config):
    """The weights of the architecture model.json's "model" describes: name -> (shape, is a buffer), in order."""
    filters = config["filters"]
    levels = len(filters)
    strides = config.get("strides") or [[1, 1, 1]] + [[2, 2, 2]] * (levels - 1)
    kernels = config.get("kernel_sizes") or [[3, 3, 3]] * levels
    convs = config.get("convs_per_level", 2)
    residual = config.get("residual", False)
    batch_norm = config.get("norm", "instance") == "batch"
    shapes = {}

    def norm(prefix, channels):
        shapes[prefix + ".weight"] = ([channels], False)
        shapes[prefix + ".bias"] = ([channels], False)
        if batch_norm:
            shapes[prefix + ".running_mean"] = ([channels], True)
            shapes[prefix + ".running_var"] = ([channels], True)

    def stage(prefix, cin, cout, kernel, stride):
        for c in range(convs):
            shapes[f"{prefix}.conv{c}.conv.weight"] = ([cout, cin if c == 0 else cout] + _zyx(kernel), False)
            norm(f"{prefix}.conv{c}.norm", cout)
        if residual and (cin != cout or list(stride) != [1, 1, 1]):
            shapes[f"{prefix}.skip.weight"] = ([cout, cin, 1, 1, 1], False)
            norm(f"{prefix}.skip_norm", cout)

    channels = config["in_channels"]
    for level in range(levels):
        stage(f"encoder{level}", channels, filters[level], kernels[level], strides[level])
        channels = filters[level]
    for level in range(levels - 2, -1, -1):
        if config.get("upsampling", "transposed") == "transposed":
            shapes[f"up{level}.weight"] = ([filters[level + 1], filters[level]] + _zyx(strides[level + 1]), False)
            shapes[f"up{level}.bias"] = ([filters[level]], False)
        else:
            shapes[f"up{level}.project.weight"] = ([filters[level], filters[level + 1], 1, 1, 1], False)
            shapes[f"up{level}.project.bias"] = ([filters[level]], False)
        stage(f"decoder{level}", 2 * filters[level], filters[level], kernels[level], [1, 1, 1])
    shapes["output.weight"] = ([config["out_channels"], filters[0], 1, 1, 1], False)
    shapes["output.bias"] = ([config["out_channels"]], False)
    return shapes


class VoxsegUNet(nn.Module):
    """voxseg's 3-D U-Net (model.json's "model") as a module whose state_dict is model.safetensors' names; its
    forward is UNetProgram's."""

    def __init__(self, config):
        super().__init__()
        filters = config["filters"]
        levels = len(filters)
        strides = config.get("strides") or [[1, 1, 1]] + [[2, 2, 2]] * (levels - 1)
        kernels = config.get("kernel_sizes") or [[3, 3, 3]] * levels
        self.program = UNetProgram()
        self.program.configure(list(filters), [_zyx(s) for s in strides], [_zyx(k) for k in kernels],
                               config.get("convs_per_level", 2), config.get("residual", False),
                               config.get("norm", "instance"), config.get("groups", 1),
                               config.get("activation", "leaky_relu"), config.get("negative_slope", 0.01),
                               config.get("upsampling", "transposed"), False, 0.0, "fp32")
        for name, (shape, buffer) in parameter_shapes(config).items():
            holder = self
            *path, leaf = name.split(".")
            for part in path:
                if not hasattr(holder, part):
                    holder.add_module(part, nn.Module())
                holder = getattr(holder, part)
            value = torch.ones(shape) if leaf == "running_var" else torch.zeros(shape)
            if buffer:
                holder.register_buffer(leaf, value)
            else:
                holder.register_parameter(leaf, nn.Parameter(value))

    def forward(self, x):
        weights = dict(self.named_parameters())
        weights.update(self.named_buffers())
        outputs = self.program.run(x, weights, torch.float32, self.training, False)
        return outputs[0]


def load(folder):
    """The exported network in `folder` (model.json and model.safetensors), in eval mode."""
    with open(os.path.join(folder, "model.json")) as f:
        description = json.load(f)
    net = VoxsegUNet(description["model"])
    weights = read_safetensors(os.path.join(folder, "model.safetensors"))
    missing, unexpected = net.load_state_dict(weights, strict=False)
    if missing or unexpected:
        raise ValueError(f"model.safetensors does not fit model.json: missing {missing}, unexpected {unexpected}")
    return net.eval()
