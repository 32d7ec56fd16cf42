#!/usr/bin/env bash
# Installs schemathesis (PyPI) into a venv under the git-ignored .cache/, once per machine:
# the fuzz suite (scripts/fuzz/run-schemathesis.sh) runs it against the gateway's OpenAPI
# document. Returns at once when the pinned version is already there.
set -euo pipefail
cd "$(dirname "$0")/../.."

VERSION="${SCHEMATHESIS_VERSION:-4.32.5}"
VENV=".cache/schemathesis-venv"
STAMP="$VENV/.installed-$VERSION"

[ -f "$STAMP" ] && [ -x "$VENV/bin/st" ] && exit 0

if ! command -v python3 >/dev/null; then
  echo "python3 not found: install python3 and python3-venv (Debian: apt-get install python3-venv)" >&2
  exit 1
fi
echo "installing schemathesis $VERSION into $VENV (once per machine)…"
rm -rf "$VENV"
python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$VERSION"
touch "$STAMP"
echo "installed schemathesis $("$VENV/bin/st" --version 2>/dev/null | tail -1)"
