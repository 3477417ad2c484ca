#!/usr/bin/env bash
# Benchmark of the Rentals view: 100,000 rows in the real view while 1,000 rental updates a second
# arrive for 30 s; reports the FX thread's longest stall, the frame gaps and the heap. See
# bench/README-ui.md.
#
#   bench/ui-rentals.sh [--headless] [--display :N] [--rows 100000] [--rate 1000] [--seconds 30]
#                       [--warmup 5] [--new-share 0.02] [--scroll true] [--no-baseline]
#
# First a baseline in the same run: the same view and rows with no updates (--rate 0), then the
# load; the last lines give the load's figures as ratios to the baseline's.
# Runs under its own Xvfb (software rendering, as on a desktop without a GPU; a free display unless
# --display names one), or with --headless under Monocle (no window system at all). Compiles the test classes if needed (Maven,
# offline when it can). JAVA_OPTS goes to the benchmark's JVM. Exit codes: 0 ok, 1 failed, 2 missing tool.
set -euo pipefail

HEADLESS=0
DISPLAY_NUMBER=""
BASELINE=1
ARGS=()
while [ $# -gt 0 ]; do
    case "$1" in
        --headless) HEADLESS=1; shift ;;
        --no-baseline) BASELINE=0; shift ;;
        --display) DISPLAY_NUMBER="$2"; shift 2 ;;
        --rows|--rate|--seconds|--warmup|--new-share|--scroll) ARGS+=("$1" "$2"); shift 2 ;;
        -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if ! command -v java > /dev/null; then
    echo "bench: java is not installed" >&2
    exit 2
fi
if [ "$HEADLESS" = 0 ] && ! command -v Xvfb > /dev/null; then
    echo "bench: Xvfb is not installed; install it (apt-get install -y xvfb) or run with --headless" >&2
    exit 2
fi

CLASSPATH_FILE="target/ui-bench.classpath"
./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile="$CLASSPATH_FILE" -Dmdep.includeScope=test \
    || ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile="$CLASSPATH_FILE" -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat "$CLASSPATH_FILE")"
MAIN=com.smsverifyo.ui.bench.RentalsViewBench
# JAVA_OPTS is split on purpose: it holds several options.
# shellcheck disable=SC2086
JVM=(java -Xmx2g ${JAVA_OPTS:-} -Dprism.order=sw -cp "$CP")

OUT="$(mktemp)"
run_all() {
    if [ "$BASELINE" = 1 ]; then
        echo "== baseline: the same rows, no updates"
        "${JVM[@]}" "$MAIN" "${ARGS[@]}" --rate 0 | tee -a "$OUT"
        echo "== load"
    fi
    "${JVM[@]}" "$MAIN" "${ARGS[@]}" | tee -a "$OUT"
    if [ "$BASELINE" = 1 ]; then
        # RESULT lines: the baseline's first, the load's second; ratios of the frame figures.
        awk '/^RESULT/ { n++; for (i = 2; i <= NF; i++) { split($i, kv, "="); v[n, kv[1]] = kv[2] } }
             END {
               if (n < 2) { print "no baseline to compare with"; exit }
               printf "ratios load/baseline: frame gap p50 %.2f, p99 %.2f; FX CPU per frame p50 %.2f, p99 %.2f; heap peak %.2f\n",
                 r(v[2, "p50_ms"], v[1, "p50_ms"]), r(v[2, "p99_ms"], v[1, "p99_ms"]),
                 r(v[2, "cpu_p50_ms"], v[1, "cpu_p50_ms"]), r(v[2, "cpu_p99_ms"], v[1, "cpu_p99_ms"]),
                 r(v[2, "heap_peak_mb"], v[1, "heap_peak_mb"])
             }
             function r(a, b) { return b > 0 ? a / b : 0 }' "$OUT"
    fi
    rm -f "$OUT"
}

if [ "$HEADLESS" = 1 ]; then
    echo "Rentals view benchmark, Monocle headless"
    JVM+=(-Dglass.platform=Monocle -Dmonocle.platform=Headless -Dheadless.geometry=1440x900-32 -Dprism.text=t2k)
    run_all
else
    DISPLAY_FILE="$(mktemp)"
    if [ -n "$DISPLAY_NUMBER" ]; then
        Xvfb "$DISPLAY_NUMBER" -screen 0 1440x900x24 > /dev/null 2>&1 &
    else
        # Xvfb picks a free display and writes its number to the file.
        Xvfb -displayfd 3 -screen 0 1440x900x24 3> "$DISPLAY_FILE" 2> /dev/null &
    fi
    XVFB=$!
    trap 'kill "$XVFB" 2> /dev/null || true; rm -f "$DISPLAY_FILE"' EXIT
    for _ in $(seq 1 50); do
        if [ -n "$DISPLAY_NUMBER" ] || [ -s "$DISPLAY_FILE" ]; then
            break
        fi
        sleep 0.1
    done
    sleep 0.5
    if ! kill -0 "$XVFB" 2> /dev/null; then
        echo "bench: Xvfb could not start${DISPLAY_NUMBER:+ on $DISPLAY_NUMBER (in use?)}" >&2
        exit 1
    fi
    DISPLAY_NUMBER="${DISPLAY_NUMBER:-:$(head -n 1 "$DISPLAY_FILE")}"
    echo "Rentals view benchmark, Xvfb $DISPLAY_NUMBER, software rendering"
    export DISPLAY="$DISPLAY_NUMBER"
    run_all
fi
