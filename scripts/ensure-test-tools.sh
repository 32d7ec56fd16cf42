#!/usr/bin/env bash
# Installs what the test suite needs beyond Node, Java, Maven and Go: schemathesis (PyPI,
# into .cache/) for the fuzz suite,
# Debian's Chromium for the portal's browser tests (playwright-core drives it; browser
# downloads are impossible here), and the offline Kubernetes validators (ensure-k8s-tools.sh).
# Quiet and quick when everything is already present.
set -euo pipefail

# schemathesis for the fuzz suite: a venv under .cache/ (no root needed, skipped when present).
"$(dirname "$0")/fuzz/install-schemathesis.sh"

# kustomize and kubernetes-validate for the k8s validation (into .cache/, no root needed).
bash "$(dirname "$0")/ensure-k8s-tools.sh"

missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "missing for the tests: ${missing[*]} — install them (Debian: apt-get install ${missing[*]}) or set CHROMIUM_PATH" >&2
  exit 1
fi
echo "installing ${missing[*]} with apt-get (once per machine)…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "installed ${missing[*]}"
