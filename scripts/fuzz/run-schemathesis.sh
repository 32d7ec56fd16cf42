#!/usr/bin/env bash
# Fuzzes the public API with schemathesis: the gateway's merged OpenAPI document, once per
# signed-in role (the roles run side by side), with every check (`--checks all`): no 5xx, every
# status, header, content type and body as documented, requests the schemas call valid
# accepted and invalid ones refused, 405 + Allow for undocumented methods. Business rules that
# answer 400 to well-formed requests are listed in schemathesis.toml. Exit 1 when any role's
# run found a failure.
#
#   scripts/fuzz/run-schemathesis.sh [gateway-url]          (default http://127.0.0.1:3000)
#
# FUZZ_TOKENS          "role=<access token> role=<access token> …"; without it, one anonymous run
# FUZZ_MAX_EXAMPLES    generated cases per operation (default 5: the bounded CI run; try 100)
# FUZZ_COVERAGE_ROLES  roles that also run the coverage phase (boundary values of every
#                      parameter; ~4× the cases) — default "admin", who may call everything
# FUZZ_CHECKS          schemathesis checks (default all)
# FUZZ_SEED            the seed (default 18: the same cases every run; schemathesis prints it)
#
# Not fuzzed: sign-in and reset-link requests (their per-address limits would lock the test
# machine's address out of the rest of the suite; test/security covers their input handling)
# and logout (it would end the session the run uses).
set -euo pipefail
cd "$(dirname "$0")/../.."

GATEWAY="${1:-${GATEWAY_URL:-http://127.0.0.1:3000}}"
"$(dirname "$0")/install-schemathesis.sh"
ST="$PWD/.cache/schemathesis-venv/bin/st"
CONFIG="$PWD/scripts/fuzz/schemathesis.toml"
TOKENS="${FUZZ_TOKENS:-anonymous=}"
COVERAGE_ROLES=" ${FUZZ_COVERAGE_ROLES-admin} "
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

fuzz_as() {
  local role="$1" token="$2"
  local args=(
    run "$GATEWAY/api/docs-json" --url "$GATEWAY"
    --checks "${FUZZ_CHECKS:-all}"
    --max-examples "${FUZZ_MAX_EXAMPLES:-5}"
    # One worker: schemathesis 4.32's coverage phase is not thread-safe on CPython 3.11.
    --workers 1
    --exclude-path-regex '^/api/auth/(login|logout|password/forgot)$'
    --suppress-health-check all --generation-database none
    --request-timeout 20 --no-color --output-truncate true
  )
  if [[ "$COVERAGE_ROLES" == *" $role "* ]]; then
    args+=(--phases examples,coverage,fuzzing)
  else
    args+=(--phases examples,fuzzing)
  fi
  [ -n "$token" ] && args+=(-H "Authorization: Bearer $token")
  args+=(--seed "${FUZZ_SEED:-18}")
  # From the temporary directory: schemathesis keeps state in ./.schemathesis, not in the repo.
  (cd "$OUT" && "$ST" --config-file "$CONFIG" "${args[@]}")
}

roles=()
for pair in $TOKENS; do
  role="${pair%%=*}"
  roles+=("$role")
  (
    set +e
    fuzz_as "$role" "${pair#*=}" >"$OUT/$role.log" 2>&1
    echo $? >"$OUT/$role.status"
  ) &
done
wait

status=0
for role in "${roles[@]}"; do
  echo "=== schemathesis as $role against $GATEWAY/api/docs-json"
  cat "$OUT/$role.log"
  if [ "$(cat "$OUT/$role.status")" = 0 ]; then
    echo "=== schemathesis as $role: passed"
  else
    echo "=== schemathesis as $role: FAILED (exit $(cat "$OUT/$role.status"))"
    status=1
  fi
done
exit $status
