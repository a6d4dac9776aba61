#!/usr/bin/python3
"""Writes spacing_vectors.json, the vectors of voxseg's SpacingResampleTest, with Debian's python3-torch (1.13):
MONAI 1.4's Spacing and its inverse (as Invertd applies it) written out by a second hand, for small volumes.

Followed from MONAI 1.4.0: monai/data/utils.py (zoom_affine, compute_shape_offset, AFFINE_TOL),
monai/transforms/spatial/array.py (Spacing.__call__, SpatialResample.inverse), monai/transforms/spatial/functional.py
(spatial_resample, its PyTorch branch), monai/networks/utils.py (normalize_transform, to_norm_affine),
monai/networks/layers/spatial_transforms.py (AffineTransform.forward: theta normalised with align_corners=False,
reversed to (k, j, i), then affine_grid and grid_sample with the transform's align_corners) and
monai/transforms/post/dictionary.py (Invertd: nearest_interp=True gives mode "nearest", align_corners False).
Nearest sampling rounds halfway positions to even, but PyTorch computes them through normalised coordinates and
can tip them either way, so the nearest cases avoid positions exactly halfway between voxels.
Volumes are (C, i, j, k); the JSON holds them flattened with i fastest (voxseg's order).
Run from this folder: /usr/bin/python3 make_spacing_vectors.py
"""
import json

import numpy as np
import torch


def zoom_affine(affine, pixdim):
    """zoom_affine(diagonal=False): the affine's rotation kept, its columns scaled to pixdim."""
    rzs = affine[:-1, :-1]
    zs = np.linalg.cholesky(rzs.T @ rzs).T
    rotation = rzs @ np.linalg.inv(zs)
    s = np.sign(np.diag(zs)) * np.abs(np.asarray(pixdim, dtype=float))
    new = np.eye(4)
    new[:-1, :-1] = rotation @ np.diag(s)
    return new


def compute_shape_offset(shape, in_affine, out_affine, scale_extent):
    shape = np.array(shape, dtype=float)
    in_coords = [(-0.5, dim - 0.5) if scale_extent else (0.0, dim - 1.0) for dim in shape]
    corners = np.asarray(np.meshgrid(*in_coords, indexing="ij")).reshape((3, -1))
    corners = np.concatenate((corners, np.ones_like(corners[:1])))
    corners_out = np.linalg.solve(out_affine, in_affine) @ corners
    corners = in_affine @ corners
    all_dist = corners_out[:-1].copy()
    corners_out = corners_out[:-1] / corners_out[-1]
    extent = np.ptp(corners_out, axis=1)
    out_shape = np.round(extent) if scale_extent else np.round(extent + 1.0)
    offset = None
    for i in range(corners.shape[1]):
        min_corner = np.min(all_dist - all_dist[:, i:i + 1], 1)
        if np.allclose(min_corner, 0.0, rtol=1e-3):
            offset = corners[:-1, i]
            break
    if offset is None:
        offset = in_affine[:-1, :-1] @ (shape / 2.0) + in_affine[:-1, -1] - out_affine[:-1, :-1] @ (out_shape / 2.0)
    if scale_extent:
        in_offset = np.append(0.5 * (shape / out_shape - 1.0), 1.0)
        offset = np.abs((in_affine @ in_offset / in_offset[-1])[:-1]) * np.sign(offset)
    return out_shape.astype(int), offset


def normalize_transform(shape, align_corners):
    shape = torch.tensor(shape, dtype=torch.float64)
    norm = shape.clone()
    if align_corners:
        norm[norm <= 1.0] = 2.0
        norm = torch.diag(torch.cat((2.0 / (norm - 1.0), torch.ones(1, dtype=torch.float64))))
        norm[:-1, -1] = -1.0
    else:
        norm[norm <= 0.0] = 2.0
        norm = torch.diag(torch.cat((2.0 / norm, torch.ones(1, dtype=torch.float64))))
        norm[:-1, -1] = 1.0 / shape - 1.0
    return norm


def spatial_resample(image, src_affine, dst_affine, size, mode, align_corners):
    """spatial_resample's PyTorch branch: AffineTransform(normalized=False, padding_mode border, reverse_indexing)."""
    xform = torch.as_tensor(np.linalg.solve(src_affine, dst_affine), dtype=torch.float64)
    if np.allclose(xform, np.eye(4), atol=1e-3) and list(size) == list(image.shape[1:]):
        return image.clone()
    src_size = list(image.shape[1:])
    theta = normalize_transform(src_size, False) @ xform @ torch.inverse(normalize_transform(list(size), False))
    rev = [2, 1, 0]
    theta[:3] = theta[rev]
    theta[:, :3] = theta[:, rev]
    grid = torch.nn.functional.affine_grid(theta[None, :3], [1, image.shape[0]] + list(size),
                                           align_corners=align_corners)
    out = torch.nn.functional.grid_sample(image[None].to(torch.float64), grid, mode=mode, padding_mode="border",
                                          align_corners=align_corners)
    return out[0].float()


def spacing(image, affine, pixdim, scale_extent, mode, align_corners):
    new_affine = zoom_affine(affine, pixdim)
    shape, offset = compute_shape_offset(image.shape[1:], affine, new_affine, scale_extent)
    new_affine[:3, -1] = offset
    return spatial_resample(image, affine, new_affine, shape, mode, align_corners), new_affine


def flat(volume):
    """(C, i, j, k) flattened with i fastest, then j, k, channel."""
    return [round(float(v), 7) for v in volume.numpy().transpose(0, 3, 2, 1).reshape(-1)]


CASES = [
    # name, shape, affine, pixdim, scale_extent, mode, align_corners, nearest_interp
    ("ras_bilinear", (9, 8, 6), np.diag([1.2, 0.9, 2.5, 1.0]), (1.5, 1.5, 2.0), False, "bilinear", False, False),
    ("lps_origin", (7, 9, 5), np.array([[-0.8, 0, 0, 40.0], [0, -1.1, 0, 25.0], [0, 0, 3.0, -12.0], [0, 0, 0, 1]]),
     (1.0, 1.5, 1.4), False, "bilinear", False, False),
    ("inverted_nearest", (9, 8, 6), np.diag([1.2, 0.9, 2.5, 1.0]), (1.5, 1.1, 1.9), False, "bilinear", False, True),
    ("scale_extent", (8, 7, 6), np.array([[1.3, 0, 0, -5.0], [0, 0.7, 0, 3.0], [0, 0, 2.2, 4.0], [0, 0, 0, 1]]),
     (2.0, 1.0, 1.5), True, "bilinear", True, False),
    ("align_corners", (8, 7, 6), np.array([[1.3, 0, 0, 5.0], [0, 0.7, 0, 3.0], [0, 0, 2.2, 4.0], [0, 0, 0, 1]]),
     (2.0, 1.0, 1.5), False, "bilinear", True, False),
    ("nearest_mode", (9, 8, 6), np.diag([1.2, 0.9, 2.5, 1.0]), (1.75, 1.3, 1.9), False, "nearest", False, True),
]


def main():
    torch.set_num_threads(1)
    generator = torch.Generator().manual_seed(20261207)
    vectors = []
    for name, shape, affine, pixdim, scale_extent, mode, align_corners, nearest_interp in CASES:
        image = torch.rand((2,) + shape, generator=generator) * 100
        resampled, new_affine = spacing(image, affine, pixdim, scale_extent, mode, align_corners)
        inverse_mode = "nearest" if nearest_interp else mode
        inverse_align = False if nearest_interp else align_corners
        inverted = spatial_resample(resampled, new_affine, affine, shape, inverse_mode, inverse_align)
        vectors.append({
            "name": name, "shape": list(shape), "affine": affine[:3].tolist(), "pixdim": list(pixdim),
            "scale_extent": scale_extent, "mode": mode, "align_corners": align_corners,
            "nearest_interp": nearest_interp, "image": flat(image),
            "resampled_shape": list(resampled.shape[1:]), "resampled_affine": new_affine[:3].tolist(),
            "resampled": flat(resampled), "inverted": flat(inverted)})
    with open("spacing_vectors.json", "w") as f:
        json.dump(vectors, f)


if __name__ == "__main__":
    main()
