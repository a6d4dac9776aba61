#!/usr/bin/env python3
"""The GPU check of voxseg's U-Net program with Python PyTorch alone (no Java, no DJL): for a machine with a CUDA
GPU and a Python torch, where DJL's CUDA libtorch cannot be had.

Loads the committed program (seg-core's scripted_unet.ts, scripted from voxseg_unet.py), gives it the reference
network (4 -> 3 channels, filters 16-32-64-128, instance norm, transposed up-sampling) with seeded weights, and runs
one training step (forward, mean-square loss, backward) and one prediction window at PATCH^3, in fp32, bf16 and fp16,
on the device and on the CPU from the same weights and input. It prints the agreement of outputs and gradients with
the CPU's fp32 (relative L2), the median step and window times, the peak GPU memory, and the same step run by the
plain PyTorch module (voxseg_unet.VoxsegUNet, eager, with torch.autocast for bf16 and fp16). Exit 1 when fp32 on the
device is more than 1e-3 away from the CPU's, or bf16 or fp16 more than 5e-2; the last line is the summary.

    python3 bench/gpu_program_check.py                       # cuda:0, 128^3, about 2 minutes on one GPU
    /usr/bin/python3 bench/gpu_program_check.py --device cpu --patch 32     # the dry run (CI, Debian's PyTorch)

On the CPU the reduced types are skipped where voxseg refuses them (fp16) or the torch lacks kernels (PyTorch 1.13 has
no bfloat16 transposed convolution on the CPU); a skipped precision is said so, never counted as passed.
"""
import argparse
import importlib.util
import os
import statistics
import sys
import time

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
NETWORK = os.path.join(HERE, "..", "seg-core", "src", "main", "resources", "org", "voxseg", "core", "network")
MODEL = {"in_channels": 4, "out_channels": 3, "filters": [16, 32, 64, 128], "norm": "instance",
         "upsampling": "transposed"}
TOLERANCE = {"fp32": 1e-3, "bf16": 5e-2, "fp16": 5e-2}
DTYPES = {"fp32": torch.float32, "bf16": torch.bfloat16, "fp16": torch.float16}


def module():
    spec = importlib.util.spec_from_file_location("voxseg_unet", os.path.join(NETWORK, "voxseg_unet.py"))
    voxseg_unet = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(voxseg_unet)
    return voxseg_unet


def program(device, precision):
    scripted = torch.jit.load(os.path.join(NETWORK, "scripted_unet.ts"), map_location=device)
    levels = len(MODEL["filters"])
    scripted.configure(MODEL["filters"], [[1, 1, 1]] + [[2, 2, 2]] * (levels - 1), [[3, 3, 3]] * levels, 2, False,
                       MODEL["norm"], 1, "leaky_relu", 0.01, MODEL["upsampling"], False, 0.0, precision)
    return scripted


def synchronize(device):
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def timed(device, action, repeats):
    """The result of the last of `repeats` runs of `action` after one warm-up, and the median time."""
    action()
    times = []
    for _ in range(repeats):
        synchronize(device)
        start = time.perf_counter()
        result = action()
        synchronize(device)
        times.append(time.perf_counter() - start)
    return result, statistics.median(times)


def relative(a, b):
    a, b = a.detach().double().cpu().flatten(), b.detach().double().cpu().flatten()
    return float((a - b).norm() / b.norm())


def train_step(scripted, weights, x, target):
    leaves = {name: value.detach().clone().requires_grad_(not name.endswith(("running_mean", "running_var")))
              for name, value in weights.items()}
    output = scripted.train_forward(x, leaves)[0]
    ((output - target) ** 2).mean().backward()
    gradients = torch.cat([leaves[name].grad.flatten() for name in sorted(leaves) if leaves[name].grad is not None])
    return output.detach(), gradients


def window(scripted, weights, x, precision, device):
    scripted.load(weights, precision, device.type == "cpu" and torch.backends.mkldnn.is_available())
    with torch.no_grad():
        return scripted.forward(x)


def eager_step(net, x, target, precision, device):
    net.zero_grad(set_to_none=True)
    if precision == "fp32":
        output = net(x)
    else:
        with torch.autocast(device.type, dtype=DTYPES[precision]):
            output = net(x)
    ((output.float() - target) ** 2).mean().backward()


def supported(device, precision):
    """None if `precision` runs on `device` here, else why not."""
    if device.type == "cuda":
        return None if precision != "bf16" or torch.cuda.is_bf16_supported() else "this GPU has no bfloat16"
    if precision == "fp16":
        return "voxseg refuses fp16 on a CPU"
    if precision == "bf16" and tuple(int(v) for v in torch.__version__.split(".")[:2]) < (2, 0):
        return f"PyTorch {torch.__version__} has no bfloat16 transposed convolution on the CPU"
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--device", default="cuda:0", help="cuda:N, or cpu for the dry run (default cuda:0)")
    parser.add_argument("--patch", type=int, default=128, help="cubic patch and window size (default 128)")
    parser.add_argument("--repeats", type=int, default=3, help="timed runs after one warm-up (default 3)")
    parser.add_argument("--threads", type=int, default=2, help="CPU threads (default 2)")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    device = torch.device(args.device)
    if device.type == "cuda" and not torch.cuda.is_available():
        print(f"gpu_program_check: torch {torch.__version__} sees no CUDA GPU; use --device cpu for the dry run")
        return 2
    voxseg_unet = module()
    torch.manual_seed(0)
    net = voxseg_unet.VoxsegUNet(MODEL)
    for name, value in net.named_parameters():
        with torch.no_grad():
            value.copy_(torch.randn_like(value) * (0.1 if value.dim() > 1 else 0.01) + (1 if "norm.weight" in name
                                                                                         else 0))
    weights = dict(net.named_parameters())
    weights.update(net.named_buffers())
    weights = {name: value.detach() for name, value in weights.items()}
    shape = (2, MODEL["in_channels"], args.patch, args.patch, args.patch)
    x = torch.randn(shape)
    target = (torch.rand(2, MODEL["out_channels"], args.patch, args.patch, args.patch) > 0.8).float()

    cpu = torch.device("cpu")
    reference_output, reference_gradients = train_step(program(cpu, "fp32"), weights, x, target)
    reference_window = window(program(cpu, "fp32"), weights, x[:1], "fp32", cpu)
    print(f"torch {torch.__version__}, device {device}"
          + (f" ({torch.cuda.get_device_name(device)})" if device.type == "cuda" else "")
          + f", reference network, batch 2 of {args.patch}^3, {args.repeats} timed runs")
    failures, skipped = [], []
    on_device = {name: value.to(device) for name, value in weights.items()}
    x_device, target_device = x.to(device), target.to(device)
    eager = net.to(device).train()
    for precision in ("fp32", "bf16", "fp16"):
        reason = supported(device, precision)
        if reason:
            print(f"  {precision}: skipped, {reason}")
            skipped.append(precision)
            continue
        if device.type == "cuda":
            torch.cuda.reset_peak_memory_stats(device)
        scripted = program(device, precision)
        (output, gradients), step_s = timed(device, lambda: train_step(scripted, on_device, x_device, target_device),
                                            args.repeats)
        step_memory = (f"{torch.cuda.max_memory_allocated(device) / 1e6:.0f} MB" if device.type == "cuda"
                       else "n/a")
        predicted, window_s = timed(device, lambda: window(scripted, on_device, x_device[:1], precision, device),
                                    args.repeats)
        _, eager_s = timed(device, lambda: eager_step(eager, x_device, target_device, precision, device),
                           args.repeats)
        agreement = max(relative(output, reference_output), relative(gradients, reference_gradients),
                        relative(predicted, reference_window))
        ok = agreement <= TOLERANCE[precision]
        if not ok:
            failures.append(precision)
        print(f"  {precision}: step {step_s:.3f} s (eager module {eager_s:.3f} s), window {window_s:.3f} s, "
              f"peak GPU memory {step_memory}; outputs, gradients and window within {agreement:.1e} of "
              f"the CPU's fp32 ({'ok' if ok else 'FAILED'}, bound {TOLERANCE[precision]:g})")
    checked = 3 - len(skipped)
    summary = (f"gpu_program_check: {checked - len(failures)} of {checked} precisions agree on {device}"
               + (f", {', '.join(skipped)} skipped" if skipped else "")
               + (f"; FAILED: {', '.join(failures)}" if failures else ""))
    print(summary)
    return 1 if failures or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
