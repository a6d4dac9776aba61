#!/usr/bin/env bash
# Installs the optional tools some tests check voxseg against: Debian's python3-torch (PyTorch 1.13) for the
# TorchScript import and safetensors export cross-checks, python3-scipy and python3-nibabel for the lesion-wise
# metrics' reference. Without them those tests are reported as skipped, not
# passed; CI (.ci/run) runs this first so that they run there. Needs root or password-less sudo; elsewhere it says
# what it could not install and carries on.
set -euo pipefail
if /usr/bin/python3 -c "import torch, scipy, nibabel" 2>/dev/null; then
  exit 0
fi
if [ "$(id -u)" = 0 ]; then
  as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "install-test-tools: not root: python3-torch not installed; the PyTorch cross-checks will be skipped" >&2
  exit 0
fi
if ! { "${as_root[@]}" apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends python3-torch \
      python3-scipy python3-nibabel \
    >/dev/null; }; then
  echo "install-test-tools: apt-get could not install python3-torch; the PyTorch cross-checks will be skipped" >&2
  exit 0
fi
/usr/bin/python3 -c "import torch; print('install-test-tools: PyTorch', torch.__version__)"
