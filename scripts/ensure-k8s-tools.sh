#!/usr/bin/env bash
# Installs the offline deployment validators of test/integration/deployment into the
# git-ignored .cache/ (once per machine, quiet when present):
#   .cache/bin/kustomize          built with `go install` from the Go module proxy
#   .cache/k8s-venv/bin/kubernetes-validate   from PyPI; carries the Kubernetes schemas
#   .cache/bin/compose-check      tools/compose-check: Docker Compose's own loader (compose-go)
set -euo pipefail
cd "$(dirname "$0")/.."

KUSTOMIZE_VERSION=v5.8.0       # needs Go ≥ 1.24 (this machine: see `go version`)
KUBERNETES_VALIDATE_VERSION=1.37.0
BIN="$PWD/.cache/bin"
VENV="$PWD/.cache/k8s-venv"

if ! "$BIN/kustomize" version 2>/dev/null | grep -q "$KUSTOMIZE_VERSION"; then
  command -v go >/dev/null || { echo "go is needed to build kustomize" >&2; exit 1; }
  echo "building kustomize $KUSTOMIZE_VERSION into .cache/bin (once per machine)…"
  mkdir -p "$BIN"
  GOTOOLCHAIN=local GOBIN="$BIN" go install "sigs.k8s.io/kustomize/kustomize/v5@$KUSTOMIZE_VERSION"
fi

if ! "$VENV/bin/kubernetes-validate" --version 2>/dev/null | grep -q "$KUBERNETES_VALIDATE_VERSION"; then
  echo "installing kubernetes-validate $KUBERNETES_VALIDATE_VERSION into .cache/k8s-venv (once per machine)…"
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check \
    "kubernetes-validate==$KUBERNETES_VALIDATE_VERSION"
fi

if [ ! -x "$BIN/compose-check" ] || [ tools/compose-check/main.go -nt "$BIN/compose-check" ] \
  || [ tools/compose-check/go.mod -nt "$BIN/compose-check" ]; then
  echo "building tools/compose-check into .cache/bin (once per machine)…"
  mkdir -p "$BIN"
  (cd tools/compose-check && GOTOOLCHAIN=local go build -buildvcs=false -o "$BIN/compose-check" .)
fi
