#!/usr/bin/env bash
# Follows this folder's README, "Real BraTS 2020 data", as written: its bash blocks run from a copy of the
# repository's layout, on synthetic cases laid out and named like the BraTS 2020 release (uncompressed .nii, case
# 355's label file W39_1998.09.19_Segm.nii, a validation folder without labels). Only the training is shortened:
# the copied brats2020_config.json keeps every key but trains a small network for one short epoch.
#
# Usage: examples/brats2020/follow_readme.sh [VOXSEG] (default: the launcher mvn package builds)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
launchers=("$root"/seg-cli/target/voxseg-*/voxseg-*/bin/voxseg)
launcher="$(realpath "${1:-${launchers[0]}}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
data="$work/examples/brats2020/data"
mkdir -p "$data"
sed -e 's/"filters": \[[^]]*\]/"filters": [4, 8, 16]/' -e 's/"epochs": [0-9]*/"epochs": 1/' \
    -e 's/"iterations_per_epoch": [0-9]*/"iterations_per_epoch": 2/' -e 's/"batch_size": [0-9]*/"batch_size": 1/' \
    -e 's/"patch_size": \[[^]]*\]/"patch_size": [32, 32, 32]/' -e 's/"validation_batches": [0-9]*/"validation_batches": 1/' \
    "$here/brats2020_config.json" > "$work/examples/brats2020/brats2020_config.json"

# Lays out COUNT synthetic cases as the release names them: FOLDER/<PREFIX>NNN/<PREFIX>NNN_<modality>.nii.
release() {
  local folder="$1" prefix="$2" seed="$3" labels="$4"; shift 4
  "$launcher" synth --out "$work/synth_$seed" --cases $# --shape 48,48,40 --seed "$seed" > /dev/null
  local n=0 number
  for number in "$@"; do
    local from="$work/synth_$seed/BraTS20_Synth_$(printf %03d $n)" id="$prefix$number"
    mkdir -p "$folder/$id"
    for part in flair t1 t1ce t2 seg; do
      [ "$part" = seg ] && [ "$labels" = no ] && continue
      gunzip -c "$from/BraTS20_Synth_$(printf %03d $n)_$part.nii.gz" > "$folder/$id/${id}_$part.nii"
    done
    n=$((n + 1))
  done
}
release "$data/MICCAI_BraTS2020_TrainingData" BraTS20_Training_ 1 yes 001 002 003 004 355
mv "$data/MICCAI_BraTS2020_TrainingData/BraTS20_Training_355/BraTS20_Training_355_seg.nii" \
   "$data/MICCAI_BraTS2020_TrainingData/BraTS20_Training_355/W39_1998.09.19_Segm.nii"
release "$data/MICCAI_BraTS2020_ValidationData" BraTS20_Validation_ 2 no 001 002

# The README's bash blocks, in order, with voxseg the launcher under test.
awk '/^## Real BraTS 2020 data/ { on = 1 } on && /^ *```bash/ { block = 1; next } on && /^ *```/ { block = 0 }
     block { sub(/^   /, ""); print }' "$here/README.md" > "$work/steps.sh"
[ -s "$work/steps.sh" ] || { echo "follow_readme: no bash block found in the README's section" >&2; exit 1; }
echo "following $(grep -c '^voxseg' "$work/steps.sh") command(s) of examples/brats2020/README.md in $work"
(cd "$work" && PATH="$(dirname "$launcher"):$PATH" bash -euo pipefail steps.sh)
for id in BraTS20_Validation_001 BraTS20_Validation_002; do
  [ -f "$work/predictions/$id.nii.gz" ] || { echo "follow_readme: no predictions/$id.nii.gz" >&2; exit 1; }
done
echo "follow_readme: every step ran; predictions/BraTS20_Validation_001.nii.gz and _002 written"
