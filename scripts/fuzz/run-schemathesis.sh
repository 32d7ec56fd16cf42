#!/usr/bin/env bash
# Fuzzes the public API with schemathesis: the gateway's merged OpenAPI document, once per
# signed-in role, checking that no answer is a 5xx and every answer matches the document.
#
#   scripts/fuzz/run-schemathesis.sh [gateway-url]          (default http://127.0.0.1:3000)
#
# FUZZ_TOKENS        "role=<access token> role=<access token> …"; without it, one anonymous run
# FUZZ_MAX_EXAMPLES  test cases per operation and phase (default 5: the bounded CI run; try 100)
# FUZZ_SEED          replay a run (schemathesis prints the seed it used)
# FUZZ_WORKERS       concurrent requests (default 2)
#
# Not fuzzed: sign-in and reset-link requests (their per-address limits would lock the test
# machine's address out of the rest of the suite; test/security covers their input handling)
# and logout (it would end the session the run uses).
set -euo pipefail
cd "$(dirname "$0")/../.."

GATEWAY="${1:-${GATEWAY_URL:-http://127.0.0.1:3000}}"
"$(dirname "$0")/install-schemathesis.sh"
ST=".cache/schemathesis-venv/bin/st"
TOKENS="${FUZZ_TOKENS:-anonymous=}"

status=0
for pair in $TOKENS; do
  role="${pair%%=*}"
  token="${pair#*=}"
  auth=()
  [ -n "$token" ] && auth=(-H "Authorization: Bearer $token")
  echo "=== schemathesis as $role against $GATEWAY/api/docs-json"
  seed=()
  [ -n "${FUZZ_SEED:-}" ] && seed=(--seed "$FUZZ_SEED")
  if ! "$ST" run "$GATEWAY/api/docs-json" \
    --url "$GATEWAY" \
    "${auth[@]}" \
    "${seed[@]}" \
    --checks not_a_server_error,response_schema_conformance \
    --phases examples,coverage,fuzzing \
    --max-examples "${FUZZ_MAX_EXAMPLES:-5}" \
    --workers "${FUZZ_WORKERS:-2}" \
    --exclude-path-regex '^/api/auth/(login|logout|password/forgot)$' \
    --suppress-health-check all \
    --generation-database none \
    --request-timeout 20 \
    --no-color \
    --output-truncate true; then
    status=1
    echo "=== schemathesis as $role: FAILURES (above)"
  else
    echo "=== schemathesis as $role: passed"
  fi
done
exit $status
