#!/usr/bin/env bash
# Files a FOIL request through the Daylight API with a personal API token.
#
#   1. Sign in to Daylight and create a token with the "write" scope at /me/tokens.
#   2. TOKEN=dl_... ./docs/file-request-with-token.sh        (DAYLIGHT_URL defaults to localhost:7070)
#
# Run it twice with the same IDEMPOTENCY_KEY and the second run files nothing: it answers 200 with
# the first filing. ApiTokensTest runs this script against a test portal, so it stays correct.
set -euo pipefail

: "${TOKEN:?Set TOKEN to a write token from /me/tokens (it starts with dl_)}"
DAYLIGHT_URL="${DAYLIGHT_URL:-http://localhost:7070}"
IDEMPOTENCY_KEY="${IDEMPOTENCY_KEY:-$(cat /proc/sys/kernel/random/uuid 2>/dev/null || uuidgen)}"

curl --silent --show-error --fail-with-body \
  -X POST "$DAYLIGHT_URL/api/v1/requests" \
  -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' \
  -H "Idempotency-Key: $IDEMPOTENCY_KEY" \
  --data @- <<'JSON'
{
  "agencies": ["doc"],
  "title": "DOC communications with ICE about release dates",
  "description": "All e-mails and messages between Department of Correction staff and ICE or HSI about the release dates of people in custody, January 2025 to date.",
  "recordsFrom": "2025-01-01",
  "format": "ELECTRONIC",
  "showName": false
}
JSON
echo
