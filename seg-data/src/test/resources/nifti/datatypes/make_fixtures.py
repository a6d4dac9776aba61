#!/usr/bin/python3
"""Writes small NIfTI files with nibabel (Debian python3-nibabel 5.0) for voxseg's reader tests, and
expected.json with nibabel's own decoding of each. Run from this folder: /usr/bin/python3 make_fixtures.py"""
import json
import nibabel as nib
import numpy as np

SHAPE = (3, 4, 5)
AFFINE = np.array([[-1.5, 0.1, 0, 20], [0, 1.2, -0.3, -10], [0.05, 0.2, 2.5, 5], [0, 0, 0, 1]])
EXTREMES = {
    "uint8": [0, 255], "int8": [-128, 127], "int16": [-32768, 32767], "uint16": [0, 32768, 40000, 65535],
    "int32": [-2**31, 2**31 - 1], "uint32": [0, 2**32 - 1, 3_000_000_000], "int64": [-2**40, 2**40],
    "float32": [-1e30, 3.25e-5, 1e30], "float64": [-1e300 / 1e280, 0.1],
}


def volume(dtype):
    n = int(np.prod(SHAPE))
    ramp = (np.arange(n) * 7 % 101).astype(np.float64)
    values = np.array(ramp, dtype=dtype)
    values[: len(EXTREMES[dtype])] = EXTREMES[dtype]
    return values.reshape(SHAPE, order="F")


def save(img, name, entries, extra=None):
    nib.save(img, name)
    back = nib.load(name)
    data = np.asarray(back.get_fdata(dtype=np.float64)).astype(np.float32)
    entry = {
        "file": name,
        "byte_order": back.header.endianness,
        "datatype": int(back.header["datatype"]),
        "vox_offset": int(back.dataobj.offset),
        "shape": list(back.shape),
        "affine": back.affine.tolist(),
        "values": [float(v) for v in data.reshape(-1, order="F")],
    }
    entry.update(extra or {})
    entries.append(entry)


entries = []
for dtype in EXTREMES:
    for order, tag in (("<", "le"), (">", "be")):
        header = nib.Nifti1Header(endianness=order)
        header.set_data_dtype(dtype)
        img = nib.Nifti1Image(volume(dtype), AFFINE, header=header)
        img.header.set_slope_inter(1, 0)
        save(img, f"{dtype}_{tag}.nii", entries)

# Scaled int16, gzip, with a header extension pushing vox_offset past 352.
header = nib.Nifti1Header()
header.set_data_dtype("int16")
img = nib.Nifti1Image(volume("int16"), AFFINE, header=header)
img.header.set_slope_inter(0.5, -3.0)
img.header.extensions.append(nib.nifti1.Nifti1Extension(6, b"voxseg test extension: comment text " * 3))
save(img, "int16_scaled_ext.nii.gz", entries, {"scl_slope": 0.5, "scl_inter": -3.0})

# NIfTI-2, big-endian, 4-D float32.
header = nib.Nifti2Header(endianness=">")
header.set_data_dtype("float32")
data4d = np.stack([volume("float32"), -volume("float32")], axis=3)
save(nib.Nifti2Image(data4d, AFFINE, header=header), "nifti2_be_4d.nii", entries)

with open("expected.json", "w") as f:
    json.dump(entries, f, indent=1)
