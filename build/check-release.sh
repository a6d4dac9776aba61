#!/usr/bin/env bash
# Checks the release archive as a user meets it: unpacks seg-cli/target/voxseg-<version>.tar.gz into a temporary
# folder and runs bin/voxseg (--version, synth, info and three errors) from another working directory, directly and
# through a symbolic link on PATH; then checks the class-data archive (written once, verified before each use, a
# corrupted, truncated or unwritable one never failing a command) and Java version strings with suffixes. Needs
# `mvn package` first; exits 1 naming the step that failed. It also checks that every file the README links to is
# in the archive.
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
for file in bin/voxseg bin/voxseg.bat bin/voxseg_completion lib/voxseg.jar README.md LICENSE \
  docs/config.md docs/commands.md examples/brats2020/run.sh; do
  [ -e "$home/$file" ] || fail "$(basename "$archive") has no $file"
done
for file in $(grep -o '](\([^)#]*\)' "$home/README.md" | cut -c3- | grep -v -e '^$' -e '://' | sort -u); do
  [ -e "$home/$file" ] || fail "$(basename "$archive") has no $file, which its README links to"
done
bash -n "$home/bin/voxseg_completion" || fail "the completion script is not valid bash"
mkdir "$work/path"
export XDG_CACHE_HOME="$work/cache" # the class-data archives of this check only
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
# The class-data archive: the first run writes classes-KEY-CRC-SIZE.jsa, the launcher verifies it before each use.
archives() {
  find "$XDG_CACHE_HOME/voxseg" -name 'classes-*' 2>/dev/null | sort
}
one_verified_archive() { # the single archive, whose name holds its own checksum and size
  local files
  mapfile -t files < <(archives)
  [ "${#files[@]}" -eq 1 ] || fail "$1: the cache holds ${files[*]:-no archive}"
  [[ "${files[0]}" == *-"$(cksum < "${files[0]}" | tr ' ' '-')".jsa ]] \
    || fail "$1: ${files[0]} does not carry its checksum"
  echo "${files[0]}"
}
rm -rf "$XDG_CACHE_HOME"
"$home/bin/voxseg" --version > /dev/null || fail "--version writing the archive failed"
written=$(one_verified_archive "the first run")
"$home/bin/voxseg" --version > /dev/null || fail "--version with the archive failed"
[ "$(one_verified_archive "the second run")" = "$written" ] || fail "the second run replaced a sound archive"
damaged_run() { # $1 what was done to the archive: the next command must work, leave no crash log, rebuild it
  mkdir -p "$work/run"
  (cd "$work/run" && timeout 120 "$home/bin/voxseg" --version > "$work/out" 2> "$work/err") \
    || fail "--version after $1 exited $?: $(cat "$work/err")"
  grep -q '^voxseg ' "$work/out" || fail "--version after $1 printed: $(cat "$work/out")"
  [ -z "$(ls "$work/run")" ] || fail "--version after $1 left $(ls "$work/run")"
  one_verified_archive "the run after $1" > /dev/null
}
chmod u+w "$written"
dd if=/dev/zero of="$written" bs=4096 seek=$(($(stat -c %s "$written") / 8192)) count=1 conv=notrunc 2> /dev/null
damaged_run "4 KB of the archive were zeroed"
written=$(one_verified_archive "the rebuilt archive")
chmod u+w "$written"
truncate -s $(($(stat -c %s "$written") / 2)) "$written"
damaged_run "the archive was truncated"
written=$(one_verified_archive "the rebuilt archive")
mv "$written" "${written%-*-*.jsa}.jsa" # an earlier launcher's name, whose content cannot be verified
chmod u+w "${written%-*-*.jsa}.jsa"
dd if=/dev/urandom of="${written%-*-*.jsa}.jsa" bs=1024 seek=64 count=4 conv=notrunc 2> /dev/null
damaged_run "an unverifiable archive was damaged"
rm -rf "$XDG_CACHE_HOME"
# Writing the archive fails (a file size limit stands for a full disk): the finished command still succeeds.
(ulimit -f 1024 && "$home/bin/voxseg" --version > "$work/out" 2> "$work/err") \
  || fail "--version whose archive could not be written exited $?: $(cat "$work/err")"
grep -q '^voxseg ' "$work/out" || fail "--version whose archive could not be written printed: $(cat "$work/out")"
[ -z "$(archives)" ] || fail "an archive that could not be written was kept: $(archives)"
(ulimit -f 1024 && "$home/bin/voxseg" info "$work/missing.nii.gz" > /dev/null 2>&1) \
  && fail "info on a missing file exited 0 when its archive could not be written"
rm -rf "$XDG_CACHE_HOME"

# Java version strings with suffixes (21-ea, 22+36) are read by their leading number.
for suffixed in 21-ea 22+36; do
  fake="$work/jdk-$suffixed"
  mkdir -p "$fake/bin"
  real=$(readlink -f "$(command -v java)")
  printf '#!/bin/sh\nexec %s "$@"\n' "$real" > "$fake/bin/java"
  chmod +x "$fake/bin/java"
  echo "JAVA_VERSION=\"$suffixed\"" > "$fake/release"
  JAVA_HOME="$fake" VOXSEG_CDS=off "$home/bin/voxseg" --version > /dev/null 2> "$work/err" \
    || fail "Java $suffixed was refused: $(cat "$work/err")"
done
echo "check-release: $(basename "$archive") unpacks and runs from another folder and through a link on PATH"
