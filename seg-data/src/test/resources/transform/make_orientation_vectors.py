#!/usr/bin/python3
"""Writes orientation_vectors.json, the vectors of voxseg's ReorientTest, with Debian's python3-nibabel: MONAI 1.4's
Orientation (monai/transforms/spatial/array.py Orientation.__call__ and monai/transforms/spatial/functional.py
orientation), which takes nibabel's io_orientation of the affine, axcodes2ornt of the target codes and their
ornt_transform, then permutes and flips the array and composes the affine with inv_ornt_aff.
Volumes are (i, j, k); the JSON holds them flattened with i fastest (voxseg's order).
Run from this folder: /usr/bin/python3 make_orientation_vectors.py
"""
import json

import nibabel.orientations as nio
import numpy as np

CASES = [
    ("lps_to_ras", (4, 3, 2), np.array([[-0.8, 0, 0, 40.0], [0, -1.1, 0, 25.0], [0, 0, 3.0, -12.0], [0, 0, 0, 1]]),
     "RAS"),
    ("pil_to_ras", (4, 3, 5), np.array([[0, 0, -2.0, 10.0], [-1.5, 0, 0, 4.0], [0, -0.7, 0, 2.0], [0, 0, 0, 1]]),
     "RAS"),
    ("ras_to_lps", (3, 4, 2), np.diag([1.2, 0.9, 2.5, 1.0]), "LPS"),
]


def main():
    rng = np.random.default_rng(20261207)
    vectors = []
    for name, shape, affine, codes in CASES:
        image = rng.random(shape).astype(np.float32) * 100
        transform = nio.ornt_transform(nio.io_orientation(affine), nio.axcodes2ornt(codes))
        reoriented = nio.apply_orientation(image, transform)
        new_affine = affine @ nio.inv_ornt_aff(transform, shape)
        vectors.append({"name": name, "shape": list(shape), "affine": affine[:3].tolist(), "codes": codes,
                        "image": image.transpose(2, 1, 0).reshape(-1).tolist(),
                        "reoriented_shape": list(reoriented.shape), "reoriented_affine": new_affine[:3].tolist(),
                        "reoriented": reoriented.transpose(2, 1, 0).reshape(-1).tolist()})
    with open("orientation_vectors.json", "w") as f:
        json.dump(vectors, f)


if __name__ == "__main__":
    main()
