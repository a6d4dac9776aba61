#!/usr/bin/env bash
# The main job on the bundled example. Today (the foundation stage) it builds voxseg and inspects a real brain
# volume with `voxseg info`; the synth -> train -> predict -> evaluate pipeline replaces this once the
# command-line issue lands (see README.md beside this file).
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -ntp -DskipTests package
voxseg="java -jar seg-cli/target/voxseg.jar"
$voxseg --version
$voxseg info seg-data/src/test/resources/nifti/ch2bet.nii.gz
