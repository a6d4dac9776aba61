#!/usr/bin/env bash
# The main job end to end on the bundled example, on a CPU laptop with nothing but JDK 17 and Maven:
# build voxseg, write a small synthetic BraTS-like dataset (10 training cases, 3 held-out test cases),
# train the demo U-Net (which decides its postprocessing on its validation case), segment the held-out cases to
# .nii.gz with and without that postprocessing and print the Dice and HD95 per region of both.
# Everything goes to examples/brats2020/demo/ (delete it to start over; a second run resumes training).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../.."
mvn -B -q -ntp -DskipTests package
# The release as `mvn package` lays it out under seg-cli/target/, run through its launcher.
launchers=(seg-cli/target/voxseg-*/voxseg-*/bin/voxseg)
voxseg=${launchers[0]}
threads="${VOXSEG_THREADS:-$(nproc)}"
demo="$here/demo"
[ -d "$demo/train" ] || $voxseg synth --out "$demo/train" --cases 10 --seed 1
[ -d "$demo/test" ] || $voxseg synth --out "$demo/test" --cases 3 --seed 2
$voxseg train --config "$here/demo_config.json" --output-dir "$demo/run" --threads "$threads"
$voxseg predict --model "$demo/run" --input "$demo/test" --output "$demo/predictions" --threads "$threads"
mkdir -p "$demo/predictions_raw"
$voxseg predict --model "$demo/run" --input "$demo/test" --output "$demo/predictions_raw" --threads "$threads" \
  --no-postprocessing --quiet
echo "held-out cases without postprocessing:"
$voxseg evaluate --model "$demo/run" --prediction "$demo/predictions_raw" --reference "$demo/test" \
  --output "$demo/predictions_raw/scores.csv"
echo "held-out cases with the postprocessing decided on validation:"
$voxseg evaluate --model "$demo/run" --prediction "$demo/predictions" --reference "$demo/test" \
  --output "$demo/predictions/scores.csv" --per-case
# The demo's bar: a whole-tumour Dice of at least 0.8 on the held-out cases.
awk -F, '$1 == "WT" && $2 == "dice" { printf "held-out whole-tumour Dice %.3f (needs >= 0.8)\n", $3; exit !($3 >= 0.8) }' \
  "$demo/predictions/scores_summary.csv"
