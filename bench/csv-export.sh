#!/usr/bin/env bash
# CSV export benchmark (not a test): fills a fresh data directory with ROWS ledger entries, serves it
# with a small heap, exports the whole ledger over HTTP with Accept: text/csv, and reports rows/s and
# the server's heap while it streamed. Bounded memory is the point: the CSV is far larger than the heap.
#
#   bench/csv-export.sh                 # 1,000,000 rows, -Xmx128m
#   ROWS=200000 HEAP=64m bench/csv-export.sh
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${ROWS:-1000000}
HEAP=${HEAP:-128m}
PORT=${PORT:-18089}
WORK=$(mktemp -d)
SERVER=""
SAMPLER=""
cleanup() {
  [ -n "$SAMPLER" ] && kill "$SAMPLER" 2>/dev/null || true
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== build"
./mvnw -q -DskipTests package
./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null

echo "== fill $ROWS ledger rows"
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  com.smsverifyo.bench.CsvExportBench "$WORK/data" "$ROWS"
KEY=$(cat "$WORK/data/bench-owner.key")
echo "database: $(du -h "$WORK/data/smsverifyo.db" | cut -f1)"

echo "== serve with -Xmx$HEAP"
java -Xmx"$HEAP" -jar target/smsverifyo.jar serve --data-dir "$WORK/data" --port "$PORT" --simulator false \
  >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done

heap_used() {
  curl -fsS "http://127.0.0.1:$PORT/metrics" \
    | awk '/^jvm_memory_used_bytes\{area="heap"/ { sum += $NF } END { printf "%d\n", sum }'
}
echo "heap used before export: $(( $(heap_used) / 1048576 )) MiB"

# Sample the heap every 100 ms while the export runs.
( while true; do heap_used >>"$WORK/heap.samples" 2>/dev/null || true; sleep 0.1; done ) &
SAMPLER=$!

echo "== export"
LINES=$(curl -fsS -H "Authorization: Bearer $KEY" -H "Accept: text/csv" -D "$WORK/headers" \
  -w '%{stderr}%{size_download} %{time_starttransfer} %{time_total}\n' \
  "http://127.0.0.1:$PORT/v1/ledger" 2>"$WORK/curl.stats" | wc -l)
kill "$SAMPLER" 2>/dev/null || true
SAMPLER=""

read -r BYTES FIRST_BYTE SECONDS_TAKEN < <(tail -1 "$WORK/curl.stats")
EXPORTED=$((LINES - 1))
PEAK=$(sort -n "$WORK/heap.samples" | tail -1)
SAMPLES=$(wc -l <"$WORK/heap.samples")
grep -i -E '^(content-type|content-disposition|transfer-encoding):' "$WORK/headers" | tr -d '\r'
printf 'rows exported:  %d (expected %d)\n' "$EXPORTED" "$ROWS"
printf 'CSV size:       %.1f MiB\n' "$(echo "$BYTES / 1048576" | bc -l)"
printf 'time:           %.2f s (first byte after %.3f s)\n' "$SECONDS_TAKEN" "$FIRST_BYTE"
printf 'throughput:     %.0f rows/s, %.1f MiB/s\n' "$(echo "$EXPORTED / $SECONDS_TAKEN" | bc -l)" \
  "$(echo "$BYTES / 1048576 / $SECONDS_TAKEN" | bc -l)"
printf 'server heap:    max -Xmx%s, peak used while exporting %.1f MiB (%d samples)\n' "$HEAP" \
  "$(echo "$PEAK / 1048576" | bc -l)" "$SAMPLES"
echo "== jcmd GC.heap_info after the export"
jcmd "$SERVER" GC.heap_info | sed 's/^/  /'
[ "$EXPORTED" -eq "$ROWS" ] || { echo "FAIL: exported $EXPORTED of $ROWS rows"; exit 1; }
