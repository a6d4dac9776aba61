#!/usr/bin/python3
"""nibabel doing what `voxseg info --json FILE` does, for whole-process timing against it (bench/nifti_io.sh
--whole-process): read the header and the voxels (float32, scaling applied), count NaNs, take the finite minimum,
maximum and sum, and print one JSON object with the header's fields.

Usage: /usr/bin/python3 bench/nifti_info_reference.py FILE.nii.gz
Needs Debian's python3-nibabel; used for comparison only, never at run time."""
import json
import sys

import nibabel as nib
import numpy as np


def main():
    image = nib.load(sys.argv[1])
    header = image.header
    data = image.get_fdata(dtype=np.float32)
    finite = data[np.isfinite(data)]
    slope, inter = header.get_slope_inter()
    print(json.dumps({
        "file": sys.argv[1],
        "nifti_version": 2 if isinstance(header, nib.Nifti2Header) else 1,
        "shape": [int(n) for n in image.shape],
        "datatype": str(header.get_data_dtype()),
        "pixdim": [float(p) for p in header["pixdim"]],
        "scl_slope": None if slope is None else float(slope),
        "scl_inter": None if inter is None else float(inter),
        "qform_code": int(header["qform_code"]),
        "sform_code": int(header["sform_code"]),
        "affine": image.affine.tolist(),
        "nan_count": int(np.isnan(data).sum()),
        "finite_min": float(finite.min()) if finite.size else None,
        "finite_max": float(finite.max()) if finite.size else None,
        "finite_sum": float(finite.sum(dtype=np.float64)),
    }))


if __name__ == "__main__":
    main()
