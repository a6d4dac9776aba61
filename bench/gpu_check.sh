#!/usr/bin/env bash
# The GPU check (docs/number-types-and-gpu.md), for a machine with an NVIDIA GPU and libtorch 2.7.1 for CUDA 12.8:
# trains the reference network 20 steps on the CPU and on the GPU from the same weights and batches, prints both
# loss curves, their largest relative difference and the step times, then predicts one BraTS-size case in fp32 and
# fp16 on the GPU (time, label agreement). Exit 1 when the curves differ by more than 1e-2 or fp16 labels disagree
# with fp32's on more than 0.1% of voxels; the last line is the summary. Builds nothing: run
# `mvn -B -ntp -DskipTests package` first.
# Usage: bench/gpu_check.sh [gpu|gpu:N|cpu] [more options of `voxseg bench devices`]   (cpu: a dry run on the CPU)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=seg-cli/target/voxseg.jar
if [ ! -f "$jar" ]; then
  echo "gpu_check: $jar is missing; build it first: mvn -B -ntp -DskipTests package" >&2
  exit 2
fi
device=${1:-gpu}
[ $# -gt 0 ] && shift
if [ "$device" != cpu ] && [ -z "${PYTORCH_LIBRARY_PATH:-}" ] && [ "${PYTORCH_FLAVOR:-cpu}" = cpu ]; then
  echo "gpu_check: no CUDA libtorch: set PYTORCH_LIBRARY_PATH=<libtorch 2.7.1+cu128>/lib PYTORCH_FLAVOR=cu128" \
    "PYTORCH_VERSION=2.7.1, or PYTORCH_FLAVOR=cu128 DJL_OFFLINE=false for DJL to download it" \
    "(docs/number-types-and-gpu.md)" >&2
  exit 2
fi
# 8 minutes at most.
exec timeout 480 java ${JAVA_OPTS:-} -jar "$jar" bench devices --device "$device" "$@"
