#!/usr/bin/python3
"""Writes the hostile TorchScript models of voxseg's import tests with Debian's python3-torch (1.13), reading
(N, 4, i, j, k) tensors and answering 3 output channels as the fixture bundle's model does:

- nan_model.ts: every output is NaN, so a prediction with it would be all background;
- endless_model.ts: never returns on the import's trial window (zeros): it loops while its input is finite.

Run from this folder: /usr/bin/python3 make_hostile_fixtures.py
"""
import torch
from torch import nn


class NanOutputs(nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x[:, :3] * float("nan")


class Endless(nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = x
        while bool(torch.isfinite(y).all()):
            y = y + 0
        return y[:, :3]


torch.jit.script(NanOutputs()).save("nan_model.ts")
torch.jit.script(Endless()).save("endless_model.ts")
