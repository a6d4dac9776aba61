#!/usr/bin/python3
"""Writes the fixtures of voxseg's MonaiBundlePredictionTest with Debian's python3-torch (1.13) and python3-nibabel:
two small bundles shaped like the model zoo's spleen_ct_segmentation and brats_mri_segmentation (their transforms,
keys and output names; tiny networks with seeded weights), cases that need resampling, one stored LPS, and the
probabilities MONAI 1.4 computes for them, its transforms written out here by a second hand:

- Orientationd: nibabel's io_orientation / ornt_transform / apply_orientation / inv_ornt_aff (as MONAI's
  orientation functional); Spacingd and Invertd: make_spacing_vectors.py's zoom_affine, compute_shape_offset and
  spatial_resample (seg-data/src/test/resources/transform), imported from there;
- ScaleIntensityRanged (clip), NormalizeIntensityd (nonzero, channel_wise: population std over the masked voxels);
- SlidingWindowInferer with its defaults (constant weights) and the bundles' overlap, raw outputs averaged
  (monai/inferers/utils.py sliding_window_inference, dense_patch_slices with _get_scan_interval);
- Activationsd (softmax or sigmoid), then Invertd with nearest_interp false: probabilities resampled back
  bilinearly, then oriented back.

A note on NormalizeIntensityd(nonzero) after Spacingd: where a resampled voxel falls exactly on a stored one whose
neighbour is the background, MONAI's value is 0 or a tiny non-zero number as the rounding of grid_sample's normalised
coordinates falls, and that decides whether the voxel is in the mask (a jump of mean/std); the first voxel of each
axis is such a voxel. The BraTS-shaped case has spacings (1.23, 0.93, 1.13), whose resampled voxels fall exactly on
stored ones only there, and its background is at least two voxels wide at every edge, as a brain MRI's is.

The probabilities are written as (i, j, k, channel) in each case's geometry, channels in the model's order.
Run from this folder: /usr/bin/python3 make_bundle_fixtures.py
"""
import json
import math
import os
import shutil
import sys

import nibabel as nib
import nibabel.orientations as nio
import numpy as np
import torch
from torch import nn

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../../seg-data/src/test/"
                                                                              "resources/transform"))
from make_spacing_vectors import spacing, spatial_resample  # noqa: E402

BRATS_LAMBDA = ("$lambda x: torch.where(x[[2]] > 0, 4, torch.where(x[[0]] > 0, 1, torch.where(x[[1]] > 0, 2, "
                "0)))")


class SmallNet(nn.Module):
    """Convolution, instance norm, PReLU, a 1x1x1 head: enough to make every voxel's answer depend on its window."""

    def __init__(self, inputs, outputs):
        super().__init__()
        self.body = nn.Sequential(nn.Conv3d(inputs, 6, 3, padding=1), nn.InstanceNorm3d(6, affine=True), nn.PReLU(),
                                  nn.Conv3d(6, 6, 3, padding=1), nn.PReLU(), nn.Conv3d(6, outputs, 1))

    def forward(self, x):
        return self.body(x)


def window_starts(size, roi, overlap):
    interval = roi if size == roi else max(int(roi * (1 - overlap)), 1)
    count = next((d for d in range(math.ceil(size / interval)) if d * interval + roi >= size), 0) + 1
    return [s * interval - max(s * interval + roi - size, 0) for s in range(count)]


def sliding_window(image, network, roi, overlap, outputs):
    """sliding_window_inference, constant weights, over an image padded to the roi as MONAI pads it."""
    shape = image.shape[1:]
    pads = [max(r - n, 0) for n, r in zip(shape, roi)]
    padded = torch.nn.functional.pad(image, [p for d in reversed(range(3)) for p in (pads[d] // 2,
                                                                                     pads[d] - pads[d] // 2)])
    size = padded.shape[1:]
    total = torch.zeros((outputs,) + tuple(size))
    counts = torch.zeros(tuple(size))
    with torch.no_grad():
        for a in window_starts(size[0], roi[0], overlap):
            for b in window_starts(size[1], roi[1], overlap):
                for c in window_starts(size[2], roi[2], overlap):
                    box = (slice(a, a + roi[0]), slice(b, b + roi[1]), slice(c, c + roi[2]))
                    total[(slice(None),) + box] += network(padded[(slice(None),) + box][None])[0]
                    counts[box] += 1
    blended = total / counts
    return blended[:, pads[0] // 2:pads[0] // 2 + shape[0], pads[1] // 2:pads[1] // 2 + shape[1],
                   pads[2] // 2:pads[2] // 2 + shape[2]]


def orient(image, affine, codes):
    """Orientationd: the array (C, i, j, k) and affine reoriented to codes, and the nibabel transform used."""
    transform = nio.ornt_transform(nio.io_orientation(affine), nio.axcodes2ornt(codes))
    data = np.stack([nio.apply_orientation(channel, transform) for channel in image.numpy()])
    return torch.from_numpy(np.ascontiguousarray(data)), affine @ nio.inv_ornt_aff(transform, image.shape[1:])


def orient_back(image, affine, oriented_affine):
    """Invertd of Orientationd: the transform from the oriented array back to the original axes."""
    back = nio.ornt_transform(nio.io_orientation(oriented_affine), nio.io_orientation(affine))
    return np.stack([nio.apply_orientation(channel, back) for channel in image.numpy()])


def scale_range(image, a_min, a_max):
    return torch.clamp((image - a_min) / (a_max - a_min), 0, 1)


def normalize_nonzero_channel_wise(image):
    out = image.clone()
    for c in range(image.shape[0]):
        mask = image[c] != 0
        values = image[c][mask].double()
        std = values.std(unbiased=False).item() or 1.0
        out[c][mask] = ((values - values.mean()) / std).float()
    return out


def predict(bundle, image, affine):
    """MONAI's answer for one case: probabilities on the case's own grid, (C, i, j, k)."""
    oriented, oriented_affine = orient(image, affine, "RAS")
    resampled, resampled_affine = spacing(oriented, oriented_affine, bundle["pixdim"], False, "bilinear", False)
    resampled = bundle["intensity"](resampled)
    raw = sliding_window(resampled, bundle["network"], bundle["roi"], bundle["overlap"], bundle["outputs"])
    probabilities = torch.softmax(raw, 0) if bundle["activation"] == "softmax" else torch.sigmoid(raw)
    back = spatial_resample(probabilities, resampled_affine, oriented_affine, oriented.shape[1:], "bilinear", False)
    return orient_back(back, affine, oriented_affine)


def write_bundle(folder, name, network, example, inputs, outputs, preprocessing, inferer, postprocessing):
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder + "/configs")
    os.makedirs(folder + "/models")
    with torch.no_grad():
        torch.jit.trace(network, example).save(folder + "/models/model.ts")
    metadata = {"version": "0.1.0", "monai_version": "1.4.0", "name": name,
                "network_data_format": {
                    "inputs": {"image": {"type": "image", "num_channels": len(inputs),
                                         "channel_def": {str(n): c for n, c in enumerate(inputs)}}},
                    "outputs": {"pred": {"type": "image", "num_channels": len(outputs),
                                         "channel_def": {str(n): c for n, c in enumerate(outputs)}}}}}
    inference = {"imports": ["$import glob", "$import os"], "bundle_root": ".",
                 "output_dir": "$@bundle_root + '/eval'",
                 "device": "$torch.device('cuda:0' if torch.cuda.is_available() else 'cpu')",
                 "preprocessing": {"_target_": "Compose", "transforms": preprocessing},
                 "inferer": inferer,
                 "postprocessing": {"_target_": "Compose", "transforms": postprocessing}}
    with open(folder + "/configs/metadata.json", "w") as f:
        json.dump(metadata, f, indent=2)
    with open(folder + "/configs/inference.json", "w") as f:
        json.dump(inference, f, indent=2)


def invertd():
    return {"_target_": "Invertd", "keys": "pred", "transform": "@preprocessing", "orig_keys": "image",
            "meta_keys": "pred_meta_dict", "nearest_interp": False, "to_tensor": True}


def spleen(generator):
    network = SmallNet(1, 2).eval()
    bundle = {"pixdim": [1.5, 1.5, 2.0], "roi": [12, 12, 8], "overlap": 0.5, "outputs": 2, "activation": "softmax",
              "network": network, "intensity": lambda x: scale_range(x, -57, 164)}
    write_bundle("spleen_bundle", "spleen_ct_segmentation-shaped fixture", network, torch.zeros(1, 1, 12, 12, 8),
                 ["image"], ["background", "spleen"],
                 [{"_target_": "LoadImaged", "keys": "image"}, {"_target_": "EnsureChannelFirstd", "keys": "image"},
                  {"_target_": "Orientationd", "keys": "image", "axcodes": "RAS"},
                  {"_target_": "Spacingd", "keys": "image", "pixdim": bundle["pixdim"], "mode": "bilinear"},
                  {"_target_": "ScaleIntensityRanged", "keys": "image", "a_min": -57, "a_max": 164, "b_min": 0.0,
                   "b_max": 1.0, "clip": True},
                  {"_target_": "EnsureTyped", "keys": "image"}],
                 {"_target_": "SlidingWindowInferer", "roi_size": bundle["roi"], "sw_batch_size": 4,
                  "overlap": bundle["overlap"]},
                 [{"_target_": "Activationsd", "keys": "pred", "softmax": True}, invertd(),
                  {"_target_": "AsDiscreted", "keys": "pred", "argmax": True},
                  {"_target_": "SaveImaged", "keys": "pred", "output_dir": "@output_dir"}])
    cases = {"ct_ras": np.array([[0.9, 0, 0, -10.0], [0, 1.0, 0, 5.0], [0, 0, 2.5, 30.0], [0, 0, 0, 1]]),
             "ct_lps": np.array([[-0.9, 0, 0, 12.0], [0, -1.0, 0, 8.0], [0, 0, 2.5, -20.0], [0, 0, 0, 1]])}
    shape = (24, 21, 9)
    i, j, k = np.meshgrid(*[np.arange(n) for n in shape], indexing="ij")
    organ = np.exp(-(((i - 14) / 5.0) ** 2 + ((j - 9) / 4.0) ** 2 + ((k - 4) / 2.5) ** 2))
    for case, affine in cases.items():
        noise = torch.rand(shape, generator=generator).numpy()
        image = (-200 + 350 * organ + 60 * noise).astype(np.float32)
        os.makedirs("spleen_cases/" + case, exist_ok=True)
        nib.save(nib.Nifti1Image(image, affine), f"spleen_cases/{case}/{case}_image.nii.gz")
        probabilities = predict(bundle, torch.from_numpy(image)[None], affine)
        nib.save(nib.Nifti1Image(np.moveaxis(probabilities, 0, -1).astype(np.float32), affine),
                 f"spleen_cases/{case}_reference.nii.gz")


def brats(generator):
    network = SmallNet(4, 3).eval()
    bundle = {"pixdim": [1.0, 1.0, 1.0], "roi": [16, 12, 8], "overlap": 0.5, "outputs": 3, "activation": "sigmoid",
              "network": network, "intensity": normalize_nonzero_channel_wise}
    write_bundle("brats_bundle", "brats_mri_segmentation-shaped fixture", network, torch.zeros(1, 4, 16, 12, 8),
                 ["T1c", "T1", "T2", "FLAIR"], ["Tumor core", "Whole tumor", "Enhancing tumor"],
                 [{"_target_": "LoadImaged", "keys": "image"}, {"_target_": "EnsureChannelFirstd", "keys": "image"},
                  {"_target_": "Orientationd", "keys": "image", "axcodes": "RAS"},
                  {"_target_": "Spacingd", "keys": "image", "pixdim": bundle["pixdim"], "mode": "bilinear"},
                  {"_target_": "NormalizeIntensityd", "keys": "image", "nonzero": True, "channel_wise": True}],
                 {"_target_": "SlidingWindowInferer", "roi_size": bundle["roi"], "sw_batch_size": 1,
                  "overlap": bundle["overlap"]},
                 [{"_target_": "Activationsd", "keys": "pred", "sigmoid": True}, invertd(),
                  {"_target_": "AsDiscreted", "keys": "pred", "threshold": 0.5},
                  {"_target_": "Lambdad", "keys": "pred", "func": BRATS_LAMBDA},
                  {"_target_": "SaveImaged", "keys": "pred", "output_dir": "@output_dir", "resample": False}])
    # Spacings whose resampled voxels never fall exactly on stored ones (see the note in main).
    affine = np.array([[-1.23, 0, 0, 30.0], [0, -0.93, 0, 20.0], [0, 0, 1.13, -5.0], [0, 0, 0, 1]])
    shape = (18, 20, 12)
    i, j, k = np.meshgrid(*[np.arange(n) for n in shape], indexing="ij")
    inside = ((i - 9) / 6.5) ** 2 + ((j - 10) / 7.0) ** 2 + ((k - 6) / 3.5) ** 2 <= 1
    blob = np.exp(-(((i - 11) / 3.0) ** 2 + ((j - 8) / 3.0) ** 2 + ((k - 6) / 2.0) ** 2))
    scales = np.array([900.0, 300.0, 500.0, 60.0]).reshape(4, 1, 1, 1)
    image = ((torch.rand((4,) + shape, generator=generator).numpy() + 2 * blob[None]) * scales + 5) * inside[None]
    image = image.astype(np.float32)
    os.makedirs("brats_cases/mri_lps", exist_ok=True)
    for c, name in enumerate(["t1c", "t1", "t2", "flair"]):
        nib.save(nib.Nifti1Image(image[c], affine), f"brats_cases/mri_lps/mri_lps_{name}.nii.gz")
    probabilities = predict(bundle, torch.from_numpy(image), affine)
    nib.save(nib.Nifti1Image(np.moveaxis(probabilities, 0, -1).astype(np.float32), affine),
             "brats_cases/mri_lps_reference.nii.gz")


def main():
    torch.set_num_threads(1)
    torch.manual_seed(20261207)
    generator = torch.Generator().manual_seed(20261207)
    spleen(generator)
    brats(generator)


if __name__ == "__main__":
    main()
