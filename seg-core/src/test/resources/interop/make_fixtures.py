#!/usr/bin/python3
"""Writes the fixtures of voxseg's TorchScript and MONAI-bundle import tests with Debian's python3-torch (1.13) and
python3-nibabel, written by a second hand so that the tests compare voxseg against an independent reference:

- a MONAI-style 3-D U-Net in plain torch (MONAI's UNet without residual units: strided convolution, instance norm,
  PReLU; transposed convolutions up; a 1x1x1 head), traced to TorchScript, reading (N, C, i, j, k) tensors, saved
  as a MONAI bundle (monai_bundle/models/model.ts with configs/metadata.json and configs/inference.json);
- the same network wrapped to read (N, C, k, j, i) tensors (ckji_model.ts), so both axis orders give one answer;
- a 4-channel case (case/case_<channel>.nii.gz) and MONAI's answer for it (reference_probabilities.nii.gz): channel-
  wise non-zero z-score, sliding_window_inference with roi (16, 12, 8), overlap 0.5, Gaussian blending of the raw
  outputs, sigmoid afterwards, written as (i, j, k, output) in the case's geometry.

The sliding window follows MONAI 1.x's sliding_window_inference, dense_patch_slices and compute_importance_map.
Run from this folder: /usr/bin/python3 make_fixtures.py
"""
import json
import math
import os
import shutil

import nibabel as nib
import numpy as np
import torch
from torch import nn

CHANNELS = ["flair", "t1", "t1ce", "t2"]
OUTPUTS = ["TC", "WT", "ET"]
SHAPE = (23, 20, 14)
ROI = (16, 12, 8)
OVERLAP = 0.5
SIGMA_SCALE = 0.125
AFFINE = np.array([[1.2, 0, 0, -14.0], [0, 1.0, 0, -9.5], [0, 0, 2.0, 3.0], [0, 0, 0, 1]])


def conv(cin, cout, stride):
    """MONAI's Convolution block: conv, instance norm (affine), PReLU."""
    norm = nn.InstanceNorm3d(cout, affine=True)
    return nn.Sequential(nn.Conv3d(cin, cout, 3, stride=stride, padding=1), norm, nn.PReLU())


def up(cin, cout):
    """MONAI's up-sampling convolution: a transposed convolution doubling each size, norm, PReLU."""
    return nn.Sequential(nn.ConvTranspose3d(cin, cout, 3, stride=2, padding=1, output_padding=1),
                         nn.InstanceNorm3d(cout, affine=True), nn.PReLU())


class TinyUNet(nn.Module):
    """Two down-samplings (total stride 4), skip connections by concatenation."""

    def __init__(self):
        super().__init__()
        self.enc0 = conv(4, 8, 1)
        self.enc1 = conv(8, 12, 2)
        self.bottom = conv(12, 16, 2)
        self.up1 = up(16, 12)
        self.dec1 = conv(24, 12, 1)
        self.up0 = up(12, 8)
        self.dec0 = conv(16, 8, 1)
        self.head = nn.Conv3d(8, 3, 1)

    def forward(self, x):
        e0 = self.enc0(x)
        e1 = self.enc1(e0)
        b = self.bottom(e1)
        d1 = self.dec1(torch.cat([self.up1(b), e1], 1))
        d0 = self.dec0(torch.cat([self.up0(d1), e0], 1))
        return self.head(d0)


class KjiInput(nn.Module):
    """The same network reading and writing (N, C, k, j, i) tensors, as voxseg's own networks do."""

    def __init__(self, inner):
        super().__init__()
        self.inner = inner

    def forward(self, x):
        return self.inner(x.permute(0, 1, 4, 3, 2)).permute(0, 1, 4, 3, 2)


def randomise_norms(network, generator):
    """Instance-norm scales and shifts other than 1 and 0, so that a wrongly mapped channel shows."""
    for module in network.modules():
        if isinstance(module, nn.InstanceNorm3d):
            with torch.no_grad():
                module.weight.copy_(0.5 + torch.rand(module.weight.shape, generator=generator))
                module.bias.copy_(torch.randn(module.bias.shape, generator=generator) * 0.3)


def case_image(generator):
    """Four channels of different scales inside an off-centre ellipsoid, zero outside (the non-zero mask)."""
    i, j, k = np.meshgrid(*[np.arange(n) for n in SHAPE], indexing="ij")
    inside = ((i - 10) / 9.0) ** 2 + ((j - 11) / 8.0) ** 2 + ((k - 6) / 6.0) ** 2 <= 1
    noise = torch.rand((4,) + SHAPE, generator=generator).numpy()
    scales = np.array([300.0, 80.0, 1000.0, 45.0]).reshape(4, 1, 1, 1)
    blob = np.exp(-(((i - 14) / 4.0) ** 2 + ((j - 9) / 3.0) ** 2 + ((k - 7) / 2.0) ** 2))
    image = (noise + 2 * blob[None]) * scales + 5
    return (image * inside[None]).astype(np.float32)


def normalize_nonzero_channel_wise(image):
    """MONAI's NormalizeIntensity(nonzero=True, channel_wise=True): population std, masked voxels only."""
    out = image.copy()
    for c in range(image.shape[0]):
        mask = image[c] != 0
        values = image[c][mask].astype(np.float64)
        std = values.std() or 1.0
        out[c][mask] = ((values - values.mean()) / std).astype(np.float32)
    return out


def gaussian_importance(roi):
    """compute_importance_map(mode="gaussian", sigma_scale=0.125): separable, unnormalised, clamped below."""
    weights = None
    for n in roi:
        x = torch.arange(start=-(n - 1) / 2.0, end=(n - 1) / 2.0 + 1, dtype=torch.float)
        factor = torch.exp(x ** 2 / (-2 * (n * SIGMA_SCALE) ** 2))
        weights = factor if weights is None else weights.unsqueeze(-1) * factor
    return weights.clamp(min=max(weights.min().item(), 1e-3))


def window_starts(size, roi):
    """dense_patch_slices along one axis, with _get_scan_interval's interval."""
    interval = roi if size == roi else max(int(roi * (1 - OVERLAP)), 1)
    count = next((d for d in range(math.ceil(size / interval)) if d * interval + roi >= size), 0) + 1
    return [s * interval - max(s * interval + roi - size, 0) for s in range(count)]


def sliding_window(image, network):
    """sliding_window_inference over an image at least the roi's size, the raw outputs blended."""
    weights = gaussian_importance(ROI)
    outputs = torch.zeros((3,) + SHAPE)
    counts = torch.zeros(SHAPE)
    x = torch.from_numpy(image)[None]
    with torch.no_grad():
        for a in window_starts(SHAPE[0], ROI[0]):
            for b in window_starts(SHAPE[1], ROI[1]):
                for c in window_starts(SHAPE[2], ROI[2]):
                    box = (slice(a, a + ROI[0]), slice(b, b + ROI[1]), slice(c, c + ROI[2]))
                    prediction = network(x[(slice(None), slice(None)) + box])[0]
                    outputs[(slice(None),) + box] += prediction * weights
                    counts[box] += weights
    return outputs / counts


def write_bundle(traced_path):
    os.makedirs("monai_bundle/configs", exist_ok=True)
    os.makedirs("monai_bundle/models", exist_ok=True)
    shutil.move(traced_path, "monai_bundle/models/model.ts")
    metadata = {
        "version": "0.1.0",
        "monai_version": "1.3.0",
        "pytorch_version": torch.__version__,
        "name": "voxseg test bundle",
        "task": "tiny BraTS-like segmentation, for voxseg's import tests",
        "network_data_format": {
            "inputs": {"image": {"type": "image", "format": "magnitude", "modality": "MR",
                                 "num_channels": 4, "spatial_shape": list(ROI), "dtype": "float32",
                                 "value_range": [], "is_patch_data": True,
                                 "channel_def": {str(n): name for n, name in enumerate(CHANNELS)}}},
            "outputs": {"pred": {"type": "image", "format": "segmentation", "num_channels": 3,
                                 "spatial_shape": list(ROI), "dtype": "float32", "value_range": [0, 1],
                                 "is_patch_data": True,
                                 "channel_def": {str(n): name for n, name in enumerate(OUTPUTS)}}},
        },
    }
    inference = {
        "imports": ["$import glob", "$import os"],
        "bundle_root": ".",
        "output_dir": "$@bundle_root + '/eval'",
        "dataset_dir": "/workspace/data",
        "device": "$torch.device('cuda:0' if torch.cuda.is_available() else 'cpu')",
        "network_def": {"_target_": "UNet", "spatial_dims": 3, "in_channels": 4, "out_channels": 3,
                        "channels": [8, 12, 16], "strides": [2, 2]},
        "network": "$@network_def.to(@device)",
        "preprocessing": {
            "_target_": "Compose",
            "transforms": [
                {"_target_": "LoadImaged", "keys": "image"},
                {"_target_": "EnsureChannelFirstd", "keys": "image"},
                {"_target_": "Orientationd", "keys": "image", "axcodes": "RAS"},
                {"_target_": "NormalizeIntensityd", "keys": "image", "nonzero": True, "channel_wise": True},
                {"_target_": "EnsureTyped", "keys": "image"},
            ],
        },
        "inferer": {"_target_": "SlidingWindowInferer", "roi_size": list(ROI), "sw_batch_size": 1,
                    "overlap": OVERLAP, "mode": "gaussian"},
        "postprocessing": {
            "_target_": "Compose",
            "transforms": [
                {"_target_": "Activationsd", "keys": "pred", "sigmoid": True},
                {"_target_": "Invertd", "keys": "pred", "transform": "@preprocessing", "orig_keys": "image"},
                {"_target_": "AsDiscreted", "keys": "pred", "threshold": 0.5},
                {"_target_": "SaveImaged", "keys": "pred", "output_dir": "@output_dir"},
            ],
        },
    }
    with open("monai_bundle/configs/metadata.json", "w") as f:
        json.dump(metadata, f, indent=2)
    with open("monai_bundle/configs/inference.json", "w") as f:
        json.dump(inference, f, indent=2)


def main():
    torch.set_num_threads(2)
    generator = torch.Generator().manual_seed(20261130)
    torch.manual_seed(20261130)
    network = TinyUNet()
    randomise_norms(network, generator)
    network.eval()
    example = torch.zeros((1, 4) + ROI)
    with torch.no_grad():
        traced = torch.jit.trace(network, example)
        traced_kji = torch.jit.trace(KjiInput(network).eval(), example.permute(0, 1, 4, 3, 2).contiguous())
    traced.save("model.ts")
    traced_kji.save("ckji_model.ts")
    write_bundle("model.ts")

    image = case_image(generator)
    os.makedirs("case", exist_ok=True)
    for c, name in enumerate(CHANNELS):
        nib.save(nib.Nifti1Image(image[c], AFFINE), f"case/case_{name}.nii.gz")
    probabilities = torch.sigmoid(sliding_window(normalize_nonzero_channel_wise(image), network)).numpy()
    nib.save(nib.Nifti1Image(np.moveaxis(probabilities, 0, -1).astype(np.float32), AFFINE),
             "reference_probabilities.nii.gz")


if __name__ == "__main__":
    main()
