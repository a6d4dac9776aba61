#!/usr/bin/python3
"""PyTorch reference for `voxseg bench network`: the same U-Net (Conv3d without bias + InstanceNorm3d(affine) +
LeakyReLU(0.01), two per level, strided first conv; ConvTranspose3d(k=2, s=2) up-sampling, concat(up, skip);
1x1x1 output conv), the same training step (forward, sigmoid Dice loss as MONAI's defaults, backward, Adam) or
inference pass, timed the same way (median after warm-up), with the process's peak memory.

The window mode is MONAI's sliding_window_inference (roi = patch, overlap 0.5, Gaussian sigma 0.125, one window
per call) over a random 4 x 240 x 240 x 155 volume, written out here because MONAI is not a Debian package.

Usage: /usr/bin/python3 bench/pytorch_reference.py --mode train|infer|window --patch 64 [--threads 2] [--json OUT]
       [--profile TRACE.json]
Needs Debian's python3-torch; used for comparison only, never at run time."""
import argparse
import json
import resource
import statistics
import time

import torch
from torch import nn


def stage(cin, cout, stride):
    return nn.Sequential(
        nn.Conv3d(cin, cout, 3, stride, 1, bias=False), nn.InstanceNorm3d(cout, affine=True), nn.LeakyReLU(0.01),
        nn.Conv3d(cout, cout, 3, 1, 1, bias=False), nn.InstanceNorm3d(cout, affine=True), nn.LeakyReLU(0.01))


class UNet(nn.Module):
    def __init__(self, cin, cout, filters):
        super().__init__()
        self.encoder = nn.ModuleList()
        for level, f in enumerate(filters):
            self.encoder.append(stage(cin, f, 1 if level == 0 else 2))
            cin = f
        self.up = nn.ModuleList(nn.ConvTranspose3d(filters[l + 1], filters[l], 2, 2) for l in range(len(filters) - 1))
        self.decoder = nn.ModuleList(stage(2 * filters[l], filters[l], 1) for l in range(len(filters) - 1))
        self.output = nn.Conv3d(filters[0], cout, 1)

    def forward(self, x):
        skips = []
        for block in self.encoder:
            x = block(x)
            skips.append(x)
        for level in range(len(self.decoder) - 1, -1, -1):
            x = self.decoder[level](torch.cat([self.up[level](x), skips[level]], 1))
        return self.output(x)


def dice_loss(logits, target, smooth=1e-5):
    p = torch.sigmoid(logits)
    axes = tuple(range(2, p.dim()))
    intersection = (p * target).sum(axes)
    return (1 - (2 * intersection + smooth) / (p.sum(axes) + target.sum(axes) + smooth)).mean()


def gaussian_map(roi, sigma_scale=0.125):
    importance = None
    for n in roi:
        x = torch.arange(-(n - 1) / 2.0, (n - 1) / 2.0 + 1)
        g = torch.exp(x ** 2 / (-2 * (sigma_scale * n) ** 2))
        importance = g if importance is None else importance.unsqueeze(-1) * g
    return importance.clamp(min=max(importance.min().item(), 1e-3))


def starts(size, roi, overlap):
    interval = roi if roi == size else max(int(roi * (1 - overlap)), 1)
    out, k = [], 0
    while True:
        start = k * interval
        out.append(start - max(start + roi - size, 0))
        if start + roi >= size:
            return out
        k += 1


def sliding_window(net, image, roi, overlap=0.5):
    """MONAI's sliding_window_inference for one image (1, C, *spatial), sw_batch_size 1, Gaussian blending."""
    spatial = image.shape[2:]
    pads = []
    for s, r in zip(reversed(spatial), reversed(roi)):
        diff = max(r - s, 0)
        pads += [diff // 2, diff - diff // 2]
    image = torch.nn.functional.pad(image, pads)
    padded = image.shape[2:]
    weights = gaussian_map(roi)
    out = None
    count = torch.zeros(padded)
    for a in starts(padded[0], roi[0], overlap):
        for b in starts(padded[1], roi[1], overlap):
            for c in starts(padded[2], roi[2], overlap):
                window = image[:, :, a:a + roi[0], b:b + roi[1], c:c + roi[2]]
                prediction = torch.sigmoid(net(window))
                if out is None:
                    out = torch.zeros((1, prediction.shape[1]) + tuple(padded))
                out[:, :, a:a + roi[0], b:b + roi[1], c:c + roi[2]] += prediction * weights
                count[a:a + roi[0], b:b + roi[1], c:c + roi[2]] += weights
    before = [pads[2 * (len(spatial) - 1 - d)] for d in range(len(spatial))]
    region = tuple(slice(p, p + s) for p, s in zip(before, spatial))
    return (out / count)[(slice(None), slice(None)) + region]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", choices=["train", "infer", "window"], default="train")
    parser.add_argument("--patch", type=int, default=64)
    parser.add_argument("--batch", type=int, default=1)
    parser.add_argument("--filters", default="16,32,64,128")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--json")
    parser.add_argument("--profile", help="after timing, profile one more run and write its Chrome trace here")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    filters = [int(f) for f in args.filters.split(",")]
    net = UNet(4, 3, filters)
    adam = torch.optim.Adam(net.parameters(), lr=1e-4)
    shape = (args.batch, 4, args.patch, args.patch, args.patch)

    volume = torch.randn((1, 4, 155, 240, 240)) if args.mode == "window" else None

    def step():
        if args.mode == "window":
            with torch.no_grad():
                net.eval()
                sliding_window(net, volume, (args.patch,) * 3)
            return
        x = torch.randn(shape)
        if args.mode == "infer":
            with torch.no_grad():
                net.eval()
                net(x)
            return
        net.train()
        target = (torch.rand((args.batch, 3) + shape[2:]) > 0.8).float()
        adam.zero_grad()
        dice_loss(net(x), target).backward()
        adam.step()

    for _ in range(args.warmup):
        step()
    samples = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        step()
        samples.append(time.perf_counter() - start)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    if args.profile:
        with torch.autograd.profiler.profile(record_shapes=True) as profile:
            step()
        profile.export_chrome_trace(args.profile)
    parameters = sum(p.numel() for p in net.parameters())
    results = {"tool": "pytorch " + torch.__version__, "mode": args.mode, "input": list(shape),
               "parameters": parameters, "threads": args.threads, "repeats": args.repeats,
               "median_s": statistics.median(samples), "min_s": min(samples), "rss_peak_bytes": peak}
    print(f"pytorch {torch.__version__} {args.mode} {shape}, {parameters / 1e6:.2f} M parameters: median "
          f"{results['median_s']:.3f} s (min {results['min_s']:.3f}), peak RSS {peak / 1e6:.0f} MB")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
