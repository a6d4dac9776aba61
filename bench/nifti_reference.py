#!/usr/bin/python3
"""nibabel reference for `voxseg bench nifti`: times reading FILE (to float32, scaling applied, as voxseg reads)
and writing it back as int16 .nii.gz (nibabel's default gzip level, as voxseg writes), as medians over repeats.

Usage: /usr/bin/python3 bench/nifti_reference.py FILE.nii.gz [--repeats 7] [--warmup 2] [--json OUT]
Needs Debian's python3-nibabel; used for comparison only, never at run time."""
import argparse
import json
import os
import statistics
import tempfile
import time

import nibabel as nib
import numpy as np


def timed(action, warmup, repeats):
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return samples


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--json")
    args = parser.parse_args()

    read = timed(lambda: nib.load(args.file).get_fdata(dtype=np.float32), args.warmup, args.repeats)
    img = nib.load(args.file)
    data = np.asanyarray(img.dataobj).astype(np.int16)
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "out.nii.gz")
        write = timed(lambda: nib.save(nib.Nifti1Image(data, img.affine, img.header), out), args.warmup,
                      args.repeats)
    results = {"tool": "nibabel " + nib.__version__, "shape": list(img.shape), "repeats": args.repeats,
               "write_median_s": statistics.median(write), "write_min_s": min(write),
               "read_median_s": statistics.median(read), "read_min_s": min(read)}
    print(f"nibabel {nib.__version__}: write median {results['write_median_s']:.3f} s, "
          f"read median {results['read_median_s']:.3f} s, {args.repeats} runs each")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
