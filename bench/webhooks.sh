#!/usr/bin/env bash
# Webhook load test: 1,000 codes in a burst to 3 endpoints (healthy, slow, failing) of a real
# `serve` on loopback. Reports code-stored → delivered latency at the healthy endpoint (median,
# p99) and checks that no message is lost there. Everything stays on 127.0.0.1 and stops by itself.
#
# Usage: bench/webhooks.sh [CODES] [healthy-only]
#   CODES defaults to 1000; "healthy-only" registers only the healthy endpoint (the baseline).
#   Builds the jar if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
CODES="${1:-1000}"
MODE="${2:-all}"

if [ ! -f target/smsverifyo.jar ]; then
  ./mvnw -q -DskipTests package
fi

WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# Webhooks may reach the loopback receivers of this test; the simulator only supplies numbers and credit.
java -jar target/smsverifyo.jar serve --port 0 --data-dir "$WORK/data" --sim-success 0 \
  --sim-pool-size "$((CODES + 100))" --webhook-allow-cidr 127.0.0.0/8 >"$WORK/serve.out" 2>"$WORK/serve.err" &
SERVER_PID=$!

for _ in $(seq 1 300); do
  if grep -q "listening on" "$WORK/serve.out" && grep -q "sms_live_" "$WORK/serve.out"; then break; fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then cat "$WORK/serve.err" >&2; exit 1; fi
  sleep 0.1
done
BASE_URL="$(grep -o 'http://[0-9.]*:[0-9]*' "$WORK/serve.out" | head -1)"
OWNER_KEY="$(grep -o 'sms_live_[A-Za-z0-9]*' "$WORK/serve.out" | head -1)"
echo "server: $BASE_URL (pid $SERVER_PID), $(nproc) cores"

STATUS=0
timeout 600 java -cp "target/lib/*" bench/WebhookBench.java "$BASE_URL" "$OWNER_KEY" "$CODES" "$MODE" || STATUS=$?
echo "server log: $(cat "$WORK"/data/logs/*.log 2>/dev/null | grep -c ' ERROR ' || true) ERROR lines, $(cat "$WORK"/data/logs/*.log 2>/dev/null | grep -c ' WARN ' || true) WARN lines"
exit "$STATUS"
