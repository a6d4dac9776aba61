#!/usr/bin/env bash
# Checks the release archive as a user meets it: unpacks seg-cli/target/voxseg-<version>.tar.gz into a temporary
# folder and runs bin/voxseg (--version, synth, info and three errors) from another working directory, directly and
# through a symbolic link on PATH. Needs `mvn package` first; exits 1 naming the step that failed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
archives=("$root"/seg-cli/target/voxseg-*.tar.gz)
archive=${archives[0]}
[ -f "$archive" ] || { echo "check-release: no release archive in seg-cli/target; run mvn package" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() {
  echo "check-release: $*" >&2
  exit 1
}

tar -xzf "$archive" -C "$work"
homes=("$work"/voxseg-*)
home=${homes[0]}
for file in bin/voxseg bin/voxseg.bat bin/voxseg_completion lib/voxseg.jar README.md LICENSE examples/brats2020/run.sh; do
  [ -e "$home/$file" ] || fail "$(basename "$archive") has no $file"
done
bash -n "$home/bin/voxseg_completion" || fail "the completion script is not valid bash"
mkdir "$work/path"
ln -s "$home/bin/voxseg" "$work/path/voxseg"
cd /

version=$("$work/path/voxseg" --version) || fail "--version through a symbolic link failed"
grep -q '^voxseg ' <<<"$version" || fail "--version printed: $version"
grep -q '^native memory: freed tensors reused' <<<"$version" || fail "--version does not reuse freed memory: $version"
version=$("$home/bin/voxseg" train --version) || fail "train --version failed"
grep -q '^native memory: freed tensors reused' <<<"$version" || fail "train does not reuse memory: $version"
version=$(VOXSEG_MALLOC=system "$home/bin/voxseg" predict --version) || fail "VOXSEG_MALLOC=system failed"
grep -q '^native memory: freed tensors returned' <<<"$version" || fail "VOXSEG_MALLOC=system still reused: $version"
if VOXSEG_MALLOC=always "$home/bin/voxseg" --version 2> "$work/err"; then
  fail "the launcher ran with VOXSEG_MALLOC=always"
fi
grep -q 'VOXSEG_MALLOC' "$work/err" || fail "VOXSEG_MALLOC=always gave: $(cat "$work/err")"
"$work/path/voxseg" synth --out "$work/data" --cases 1 --shape 32,32,24 > /dev/null || fail "synth failed"
seg="$work/data/BraTS20_Synth_000/BraTS20_Synth_000_seg.nii.gz"
info=$(PATH="$work/path:$PATH" voxseg info "$seg" --json) || fail "info through PATH failed"
grep -q '"nifti_version"' <<<"$info" || fail "info printed: $info"
if "$home/bin/voxseg" info "$work/missing.nii.gz" 2> "$work/err"; then
  fail "info on a missing file exited 0"
fi
[ "$(wc -l < "$work/err")" -eq 1 ] || fail "a missing file gave more than one line: $(cat "$work/err")"
if JAVA_HOME=/nonexistent "$home/bin/voxseg" --version 2> "$work/err"; then
  fail "the launcher ran with JAVA_HOME pointing nowhere"
fi
grep -q 'no Java found' "$work/err" || fail "JAVA_HOME pointing nowhere gave: $(cat "$work/err")"
echo "check-release: $(basename "$archive") unpacks and runs from another folder and through a link on PATH"
