#!/usr/bin/env python3
"""BraTS 2023's lesion-wise Dice and HD95 of two masks, written for voxseg's tests from the challenge's published
description (github.com/rachitsaluja/BraTS-2023-Metrics, README and its per-challenge parameters), with scipy
instead of cc3d and voxseg's HD95 (MONAI's: 95th percentile of the distances between the masks' face-connected
surface voxels, the larger direction) instead of the surface-distance package's.

1. Reference lesions: dilate the reference mask DILATION times by the 18-neighbourhood, take the 26-connected
   components of the dilated mask, and make each component's reference voxels one lesion.
2. Predicted components: the 26-connected components of the prediction.
3. Each lesion is matched by the predicted components that touch the lesion dilated as in 1; its Dice and HD95 are
   those of the lesion against the union of those components (no component: Dice 0, HD95 374).
4. Predicted components that touch no lesion are false positives (Dice 0, HD95 374).
5. Lesions of at most MIN_VOLUME mm^3 are left out; the scores are the means over the rest and the false positives
   (Dice 1 and HD95 0 when there is nothing to average).

Usage: lesion_wise_reference.py PREDICTION.nii.gz REFERENCE.nii.gz DILATION MIN_VOLUME; prints one JSON object.
"""
import json
import sys

import nibabel as nib
import numpy as np
from scipy import ndimage

MISSED = 374.0


def surface(mask):
    eroded = ndimage.binary_erosion(mask, structure=ndimage.generate_binary_structure(3, 1), border_value=0)
    return mask & ~eroded


def hd95(a, b, spacing):
    sa, sb = surface(a), surface(b)
    to_b = ndimage.distance_transform_edt(~sb, sampling=spacing)[sa]
    to_a = ndimage.distance_transform_edt(~sa, sampling=spacing)[sb]
    return max(np.percentile(to_b, 95), np.percentile(to_a, 95))


def dilate(mask, iterations):
    if iterations == 0:
        return mask.copy()
    return ndimage.binary_dilation(mask, structure=ndimage.generate_binary_structure(3, 2), iterations=iterations)


def main(prediction_file, reference_file, dilation, min_volume):
    prediction_image = nib.load(prediction_file)
    prediction = np.asarray(prediction_image.dataobj) > 0
    reference = np.asarray(nib.load(reference_file).dataobj) > 0
    spacing = [float(z) for z in prediction_image.header.get_zooms()[:3]]
    full = ndimage.generate_binary_structure(3, 3)
    lesion_labels, lesions = ndimage.label(dilate(reference, dilation), structure=full)
    predicted_labels, _ = ndimage.label(prediction, structure=full)
    matched_any = set()
    dice_sum, distance_sum, detected, missed = 0.0, 0.0, 0, 0
    for lesion in range(1, lesions + 1):
        own = reference & (lesion_labels == lesion)
        touching = set(np.unique(predicted_labels[dilate(own, dilation) & prediction]).tolist()) - {0}
        matched_any |= touching
        if own.sum() * spacing[0] * spacing[1] * spacing[2] <= min_volume:
            continue
        match = np.isin(predicted_labels, list(touching)) & prediction
        dice_sum += 2.0 * (match & own).sum() / (match.sum() + own.sum())
        distance_sum += hd95(match, own, spacing) if touching else MISSED
        detected += 1 if touching else 0
        missed += 0 if touching else 1
    false_positives = len(set(np.unique(predicted_labels).tolist()) - {0} - matched_any)
    scored = detected + missed + false_positives
    result = {"dice": 1.0, "hd95": 0.0} if scored == 0 else {
        "dice": dice_sum / scored, "hd95": (distance_sum + MISSED * false_positives) / scored}
    result.update(detected=detected, missed=missed, false_positives=false_positives)
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]))
