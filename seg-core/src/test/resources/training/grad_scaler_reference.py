#!/usr/bin/python3
"""What PyTorch's own torch.cuda.amp.GradScaler does, on the CPU, for LossScalerTest: a parameter of four values
trained by SGD through GradScaler(init_scale=65536, growth_factor=2, backoff_factor=0.5, growth_interval=3) over
steps whose loss is sum(w * c) with planted gradients c, among them an infinity, a NaN and values that overflow
float32 once scaled. Writes, per step, c, the unscaled gradient, whether the optimiser stepped, the scale after
update and GradScaler's growth tracker, as JSON.

GradScaler's state machine (unscale_, step, update, per-optimizer state) is PyTorch's code as installed. On PyTorch
builds whose two AMP kernels have no CPU implementation (1.13: torch._amp_foreach_non_finite_check_and_unscale_ and
torch._amp_update_scale_ are CUDA-only), those two kernels are replaced by Python with the CUDA kernels' semantics
and the assertion that the scale lives on a CUDA device is lifted; the output says so.

usage: grad_scaler_reference.py OUTPUT.json"""
import json
import math
import sys
import warnings

import torch

warnings.simplefilter("ignore")
torch.set_num_threads(1)
INF = float("inf")
PLANTED = [
    [0.5, -1.0, 2.0, 0.25],
    [0.5, -1.0, 2.0, 0.25],
    [0.5, -1.0, 2.0, 0.25],
    [0.5, -1.0, 2.0, 0.25],
    [0.5, INF, 2.0, 0.25],
    [0.5, -1.0, 2.0, 0.25],
    [0.5, -1.0, float("nan"), 0.25],
    [3e34, -1.0, 2.0, 0.25],
    [0.5, -1.0, 2.0, 0.25],
    [0.5, -1.0, 2.0, 0.25],
    [0.5, -1.0, 2.0, 0.25],
    [1e-3, -1e-3, 2e-3, 1e-7],
    [0.5, -1.0, 2.0, 0.25],
]


def unscale_on_cpu(grads, found_inf, inv_scale):
    """torch._amp_foreach_non_finite_check_and_unscale_: found_inf = 1 if any value is not finite; grads *= inv."""
    for g in grads:
        if not torch.isfinite(g).all():
            found_inf.fill_(1.0)
        g.mul_(inv_scale)


def update_scale_on_cpu(scale, growth_tracker, found_inf, growth_factor, backoff_factor, growth_interval):
    """torch._amp_update_scale_, as its CUDA kernel computes it."""
    if found_inf.item() > 0:
        scale.mul_(backoff_factor)
        growth_tracker.fill_(0)
    else:
        successful = growth_tracker.item() + 1
        if successful == growth_interval:
            grown = torch.tensor(scale.item() * growth_factor, dtype=torch.float32)
            if math.isfinite(grown.item()):
                scale.fill_(grown.item())
            growth_tracker.fill_(0)
        else:
            growth_tracker.fill_(successful)
    return scale


def kernels_run_on_cpu():
    try:
        torch._amp_update_scale_(torch.ones(1), torch.zeros(1, dtype=torch.int32), torch.zeros(1), 2.0, 0.5, 3)
        return True
    except (RuntimeError, NotImplementedError):
        return False


def replicate_on_any_device(replicator, master_tensor):
    """_MultiDeviceReplicator.__init__ without its assertion that the tensor is on a CUDA device."""
    replicator.master = master_tensor
    replicator._per_device_tensors = {}


native = kernels_run_on_cpu()
if not native:
    torch._amp_foreach_non_finite_check_and_unscale_ = unscale_on_cpu
    torch._amp_update_scale_ = update_scale_on_cpu
    torch.cuda.amp.grad_scaler._MultiDeviceReplicator.__init__ = replicate_on_any_device

# GradScaler disables itself where CUDA is absent; its logic is device-neutral, so it is built as if CUDA were there.
cuda_is_available = torch.cuda.is_available
torch.cuda.is_available = lambda: True
scaler = torch.cuda.amp.GradScaler(init_scale=65536.0, growth_factor=2.0, backoff_factor=0.5, growth_interval=3)
torch.cuda.is_available = cuda_is_available
scaler._lazy_init_scale_growth_tracker(torch.device("cpu"))
w = torch.nn.Parameter(torch.ones(4))
optimizer = torch.optim.SGD([w], lr=1.0)
steps = []
for planted in PLANTED:
    optimizer.zero_grad()
    c = torch.tensor(planted, dtype=torch.float32)
    loss = (w * c).sum()
    (loss * scaler._scale).backward()
    before = w.detach().clone()
    scaler.step(optimizer)
    gradient = w.grad.detach().clone()
    scaler.update()
    stepped = not torch.equal(before, w.detach())
    steps.append({"planted": [str(v) for v in planted], "unscaled": [str(v) for v in gradient.tolist()],
                  "stepped": stepped, "scale": scaler.get_scale(), "growth_tracker": scaler._get_growth_tracker()})
with open(sys.argv[1], "w") as f:
    json.dump({"torch": torch.__version__, "cpu_kernels": "native" if native else "python", "steps": steps}, f)
