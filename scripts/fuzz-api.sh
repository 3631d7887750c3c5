#!/usr/bin/env bash
# Fuzzes the HTTP API with schemathesis against /openapi.json of a running
# mfa-server, then checks that /health still answers.
#
#   scripts/fuzz-api.sh --url http://127.0.0.1:PORT [--max-examples N]
#
# Every operation, every check except positive_data_acceptance and
# negative_data_rejection, which documented rules make meaningless
# (Docs/API.md, "Fuzzing"). The server should run with limits raised
# (MFA_LIMIT_*), or most answers are 429. Needs schemathesis in .venv
# (scripts/test pins it). Exit status 1 on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
url=""
max_examples=50
while [ $# -gt 0 ]; do
    case "$1" in
        --url) url="$2"; shift 2 ;;
        --max-examples) max_examples="$2"; shift 2 ;;
        *) echo "fuzz-api: unknown argument $1" >&2; exit 2 ;;
    esac
done
[ -n "$url" ] || { echo "fuzz-api: --url is required" >&2; exit 2; }

# A fixed seed makes a CI failure reproducible with the same command.
.venv/bin/schemathesis run "$url/openapi.json" \
    --checks all --exclude-checks positive_data_acceptance,negative_data_rejection \
    --max-examples "$max_examples" --seed 1 --suppress-health-check all
status=$(curl --silent --output /dev/null --write-out '%{http_code}' "$url/health")
[ "$status" = "200" ] || { echo "fuzz-api: /health answered $status after the run" >&2; exit 1; }
echo "fuzz-api: /health answers 200 after the run"
