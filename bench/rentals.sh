#!/usr/bin/env bash
# Benchmark of the rental engine: durable rental creation and rental reads against the
# GET /healthz baseline, measured in the same run on a fresh data directory. See bench/README.md.
#
#   bench/rentals.sh [--duration 15] [--warmup 10] [--runs 3] [--connections 32] [--threads 2]
#                    [--pool-size 3000] [--jar target/smsverifyo.jar]
#
# Needs target/smsverifyo.jar (./mvnw package -DskipTests), wrk and curl. Builds and installs nothing.
# --jar runs another build (kept beside target/lib), to compare two versions on the same machine.
# JAVA_OPTS is passed to the server's JVM. Exit codes: 0 ok, 1 a failed check, 2 a missing tool.
set -euo pipefail

DURATION=15
WARMUP=10
RUNS=3
CONNECTIONS=32
THREADS=2
POOL_SIZE=3000 # numbers per country; capacity = pool x 10 services x 12 countries open rentals
JAR=""
SERVICES=10
COUNTRIES=12

usage() {
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
}

while [ $# -gt 0 ]; do
    case "$1" in
        --duration) DURATION="$2"; shift 2 ;;
        --warmup) WARMUP="$2"; shift 2 ;;
        --runs) RUNS="$2"; shift 2 ;;
        --connections) CONNECTIONS="$2"; shift 2 ;;
        --threads) THREADS="$2"; shift 2 ;;
        --pool-size) POOL_SIZE="$2"; shift 2 ;;
        --jar) JAR="$2"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    esac
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="${JAR:-$ROOT/target/smsverifyo.jar}"
export BENCH_LUA="$ROOT/bench/lua"

fail() {
    echo "bench: $*" >&2
    exit 1
}

if [ ! -f "$JAR" ]; then
    echo "bench: $JAR is missing; build it first with:  ./mvnw package -DskipTests" >&2
    exit 2
fi
if ! command -v wrk > /dev/null; then
    echo "bench: wrk is not installed; install it with:  apt-get install -y wrk" >&2
    exit 2
fi
for tool in curl java; do
    if ! command -v "$tool" > /dev/null; then
        echo "bench: $tool is not installed" >&2
        exit 2
    fi
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/smsverifyo-bench.XXXXXX")"
SERVER_PID=""

stop_server() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2> /dev/null; then
        kill -TERM "$SERVER_PID"
        for _ in $(seq 1 300); do
            kill -0 "$SERVER_PID" 2> /dev/null || break
            sleep 0.1
        done
        if kill -0 "$SERVER_PID" 2> /dev/null; then
            echo "bench: the server did not stop within 30 s of SIGTERM; killing it" >&2
            kill -KILL "$SERVER_PID" 2> /dev/null || true
        fi
        wait "$SERVER_PID" 2> /dev/null || true
    fi
    SERVER_PID=""
}

cleanup() {
    stop_server
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------
# Start the server on a free port (port 0; it prints the one it got) with a fresh data directory.

echo "== $(date -u '+%Y-%m-%dT%H:%M:%SZ')  $(nproc) cores  load:$(uptime | sed 's/.*load average://')"
echo "== starting $JAR (pool of $POOL_SIZE numbers per country, no simulated SMS)"
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
java ${JAVA_OPTS:-} -jar "$JAR" serve --host 127.0.0.1 --port 0 --data-dir "$WORK/data" \
    --sim-success 0 --sim-pool-size "$POOL_SIZE" > "$WORK/server.out" 2>&1 &
SERVER_PID=$!

OWNER_KEY=""
BASE=""
for _ in $(seq 1 600); do
    if ! kill -0 "$SERVER_PID" 2> /dev/null; then
        cat "$WORK/server.out" >&2
        fail "the server exited during start-up"
    fi
    OWNER_KEY="$(grep -oE 'sms_live_[0-9A-Za-z]{36}' "$WORK/server.out" | head -n 1 || true)"
    BASE="$(grep -oE 'listening on http://[0-9.]+:[0-9]+' "$WORK/server.out" | head -n 1 | sed 's/listening on //' || true)"
    [ -n "$OWNER_KEY" ] && [ -n "$BASE" ] && break
    sleep 0.1
done
[ -n "$OWNER_KEY" ] && [ -n "$BASE" ] || fail "no owner key or address on the server's output within 60 s"
echo "== server at $BASE (pid $SERVER_PID)"

# call METHOD PATH KEY [BODY]: prints the body, fails loudly unless the status is 2xx.
call() {
    local method="$1" path="$2" key="$3" body="${4:-}"
    local args=(-sS -o "$WORK/response" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $key")
    if [ -n "$body" ]; then
        args+=(-H 'Content-Type: application/json' --data "$body")
    fi
    local status
    status="$(curl "${args[@]}" "$BASE$path")"
    case "$status" in
        2??) cat "$WORK/response" ;;
        *) fail "$method $path answered $status: $(cat "$WORK/response")" ;;
    esac
}

json_string() { # json_string FIELD < JSON: the first string value of FIELD (nothing if absent or null)
    { grep -oE "\"$1\":\"[^\"]*\"" || true; } | head -n 1 | sed -E "s/\"$1\":\"([^\"]*)\"/\\1/"
}

ACCOUNT_ID="$(call GET /v1/account "$OWNER_KEY" | json_string id)"
[ -n "$ACCOUNT_ID" ] || fail "no account id"
call POST "/v1/accounts/$ACCOUNT_ID/credits" "$OWNER_KEY" '{"amount_usd": 10000000, "note": "benchmark"}' > /dev/null
BENCH_KEY="$(call POST /v1/keys "$OWNER_KEY" \
    '{"name": "benchmark", "scopes": ["rentals"], "rate_limit_per_minute": 1000000}' | json_string key)"
[ -n "$BENCH_KEY" ] || fail "no bench key"
echo "== owner account $ACCOUNT_ID credited 10,000,000 USD; bench key created (1,000,000 rentals/min)"

# ---------------------------------------------------------------------------------------------
# Scenarios. Each wrk run ends with one "BENCH ..." line (bench/lua/report.lua).

RUN_TAG="b$(date +%s)"

# measure NAME SECONDS SCRIPT PATH [ARGS...]: runs wrk, checks for errors, appends to results.
measure() {
    local name="$1" seconds="$2" script="$3" path="$4"
    shift 4
    local out="$WORK/wrk.out"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s -s "$BENCH_LUA/$script" "$BASE$path" -- "$@" \
        > "$out" 2>&1 || { cat "$out" >&2; fail "wrk failed on $name"; }
    local line
    line="$(grep '^BENCH ' "$out" || true)"
    [ -n "$line" ] || { cat "$out" >&2; fail "no result from wrk on $name"; }
    local non2xx socket
    non2xx="$(sed -E 's/.* non2xx=([0-9]+).*/\1/' <<< "$line")"
    socket="$(sed -E 's/.* socket=([0-9]+).*/\1/' <<< "$line")"
    if [ "$non2xx" != 0 ] || [ "$socket" != 0 ]; then
        cat "$out" >&2
        tail -n 20 "$WORK/server.out" >&2
        fail "$name: $non2xx responses outside 2xx and $socket socket errors; the figures do not count" \
            "(409 no_numbers_available? raise --pool-size)"
    fi
    echo "$name $line" >> "$WORK/results"
}

writer_figures() { # "commits writes" of the group-commit writer so far, from /metrics
    curl -sS "$BASE/metrics" | awk '/^smsverifyo_db_commits_total/ { c = $2 } /^smsverifyo_db_writes_total/ { w = $2 }
        END { printf "%d %d\n", c, w }'
}


collect_ids() { # collect_ids N: the newest N rentals' ids into $WORK/ids, one per line (N = 0: all of them)
    local want="$1" cursor="" page
    : > "$WORK/ids"
    while [ "$want" = 0 ] || [ "$(wc -l < "$WORK/ids")" -lt "$want" ]; do
        page="$(call GET "/v1/rentals?limit=200${cursor:+&cursor=$cursor}" "$BENCH_KEY")"
        { grep -oE '"id":"rnt_[0-9A-Z]+"' <<< "$page" || true; } | sed -E 's/"id":"(rnt_[0-9A-Z]+)"/\1/' >> "$WORK/ids"
        cursor="$(json_string next_cursor <<< "$page")"
        [ -n "$cursor" ] || break
    done
    [ -s "$WORK/ids" ] || fail "no rentals to read"
}

echo "== warm-up: ${WARMUP} s of each scenario (JIT), not counted"
: > "$WORK/results"
measure warmup-healthz "$WARMUP" healthz.lua /healthz
measure warmup-create "$WARMUP" create.lua /v1/rentals "$BENCH_KEY" "$RUN_TAG-warmup"
collect_ids 5000
measure warmup-get "$WARMUP" get.lua /v1/rentals "$BENCH_KEY" "$WORK/ids"
mv "$WORK/results" "$WORK/warmup"

for run in $(seq 1 "$RUNS"); do
    echo "== run $run of $RUNS: ${DURATION} s each at $CONNECTIONS connections, $THREADS wrk threads  load:$(uptime | sed 's/.*load average://')"
    measure healthz "$DURATION" healthz.lua /healthz
    read -r commits_before writes_before <<< "$(writer_figures)"
    measure create "$DURATION" create.lua /v1/rentals "$BENCH_KEY" "$RUN_TAG-$run"
    read -r commits_after writes_after <<< "$(writer_figures)"
    echo "create-writer commits=$((commits_after - commits_before)) writes=$((writes_after - writes_before))" \
        >> "$WORK/results"
    collect_ids 5000
    measure get "$DURATION" get.lua /v1/rentals "$BENCH_KEY" "$WORK/ids"
    grep -E "^(healthz|create|get|create-writer) " "$WORK/results" | tail -n 4 | sed 's/^/   /'
done

# ---------------------------------------------------------------------------------------------
# The capacity and the money must still add up: every creation was a 201, so count them.

created() { awk '$1 ~ /create$/ { sub("requests=", "", $3); n += $3 } END { print n + 0 }' "$@"; }
CREATED="$(created "$WORK/results")"
ALL_CREATED="$(created "$WORK/results" "$WORK/warmup")"
CAPACITY=$((POOL_SIZE * SERVICES * COUNTRIES))
echo "== $CREATED rentals created in the measured runs, $ALL_CREATED with the warm-up (capacity $CAPACITY)"
collect_ids 0
LISTED="$(wc -l < "$WORK/ids")"
# wrk stops with up to one request per connection in flight: created, but not counted by wrk.
IN_FLIGHT=$((CONNECTIONS * (RUNS + 1)))
if [ "$LISTED" -lt "$ALL_CREATED" ] || [ "$LISTED" -gt $((ALL_CREATED + IN_FLIGHT)) ]; then
    fail "wrk counted $ALL_CREATED rentals created (201) but the server lists $LISTED (expected up to $IN_FLIGHT more)"
fi
echo "== the server lists $LISTED rentals: every 201 counted is one rental (+$((LISTED - ALL_CREATED)) cut off in flight)"

stop_server
echo "== server stopped (SIGTERM)"

# ---------------------------------------------------------------------------------------------
# The table: medians over the runs.

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
field() { # field SCENARIO NAME: that figure of every run, one per line
    grep "^$1 " "$WORK/results" | sed -E "s/.* $2=([0-9.]+).*/\\1/"
}

printf '\n%-28s %12s %10s %10s\n' "median of $RUNS runs" "requests/s" "p50 ms" "p99 ms"
for scenario in healthz create get; do
    label="$scenario"
    case "$scenario" in
        healthz) label="GET /healthz" ;;
        create) label="POST /v1/rentals" ;;
        get) label="GET /v1/rentals/{id}" ;;
    esac
    rps="$(field "$scenario" rps | median)"
    p50="$(field "$scenario" p50 | median)"
    p99="$(field "$scenario" p99 | median)"
    printf '%-28s %12.0f %10.2f %10.2f\n' "$label" "$rps" "$(awk "BEGIN { print $p50 / 1000 }")" \
        "$(awk "BEGIN { print $p99 / 1000 }")"
    eval "RPS_$scenario=$rps"
    eval "P99_$scenario=$p99"
done
BATCH="$(awk '$1 == "create-writer" { sub("commits=", "", $2); sub("writes=", "", $3); c += $2; w += $3 }
    END { if (c > 0) printf "%.1f", w / c; else print "?" }' "$WORK/results")"
printf '\nwhile creating: %s writes per commit on average (group commit)\n' "$BATCH"
printf 'ratios to GET /healthz (requests/s): POST /v1/rentals %.2f, GET /v1/rentals/{id} %.2f\n' \
    "$(awk "BEGIN { print $RPS_create / $RPS_healthz }")" "$(awk "BEGIN { print $RPS_get / $RPS_healthz }")"

# shellcheck disable=SC2154 # set by eval above
verdict="$(awk "BEGIN { print ($RPS_create >= 2500 && $P99_create < 50000) ? \"met\" : \"NOT met\" }")"
echo "target (>= 2,500 rental creations/s with p99 < 50 ms on 2 cores): $verdict"
echo "load after: $(uptime | sed 's/.*load average://')"
