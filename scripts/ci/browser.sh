#!/usr/bin/env bash
# Installs what the `browser` tests need: Debian's chromium (never `playwright install`, which downloads
# its own browser build from a host CI cannot reach). Idempotent; .ci/run calls it before the tests.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "scripts/ci/browser.sh: chromium is missing and installing it needs root (apt-get install chromium)" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
/usr/bin/chromium --version 2>/dev/null || true
