#!/usr/bin/env bash
# Runs the app image that packaging/build.sh built, as a user would:
#   1. `SMSVerifyo serve --port 0` starts, prints its address, and answers GET /healthz and GET /docs;
#   2. the desktop app starts (under Xvfb when there is no display), shows its main window, connects
#      to its embedded engine, opens every page and quits (the hidden --smoke tour), without a
#      module-access fault: JavaFX is a named module only in this runtime, so this is the one place
#      where a missing --add-exports/--add-opens shows up.
# Usage: packaging/check.sh [app image directory]   (default target/packaging/SMSVerifyo)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
image=${1:-$root/target/packaging/SMSVerifyo}
launcher=$image/bin/SMSVerifyo
[ -x "$launcher" ] || { echo "[check] no app image at $image: run packaging/build.sh first" >&2; exit 1; }

work=$(mktemp -d)
server_pid=
cleanup() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

say() { echo "[check] $*"; }
fail() {
    echo "[check] FAILED: $*" >&2
    for log in "$work"/*.log; do
        [ -f "$log" ] && { echo "---- $(basename "$log") (last 40 lines)" >&2; tail -n 40 "$log" >&2; }
    done
    exit 1
}
# Module-access faults: the named-module problems this check exists for.
access_faults() { grep -E 'IllegalAccessError|InaccessibleObjectException|IllegalAccessException|does not (export|open)' "$1" || true; }

# ---- 1. the headless server ----------------------------------------------------------------------
"$launcher" serve --port 0 --data-dir "$work/server" >"$work/serve.log" 2>&1 &
server_pid=$!
address=
for _ in $(seq 1 120); do
    address=$(grep -oE 'listening on http://[0-9.]+:[0-9]+' "$work/serve.log" | head -n 1 | sed 's/listening on //' || true)
    [ -n "$address" ] && break
    kill -0 "$server_pid" 2>/dev/null || fail "serve exited before it listened"
    sleep 0.5
done
[ -n "$address" ] || fail "serve printed no 'listening on http://…' within 60 s"
health=$(curl -fsS --max-time 10 "$address/healthz") || fail "GET $address/healthz failed"
echo "$health" | grep -q '"status":"ok"' || fail "GET /healthz answered $health"
# Read the page whole first: grep -q stops at the first match, and curl writing into a closed pipe
# fails the pipeline under pipefail.
docs=$(curl -fsS --max-time 10 "$address/docs") || fail "GET $address/docs failed"
grep -q 'swagger-ui' <<< "$docs" || fail "GET /docs is not the API reference"
curl -fsS --max-time 10 -o /dev/null "$address/docs/swagger-ui/swagger-ui-bundle.js" \
    || fail "Swagger UI is not served from its jar (jdk.zipfs missing from the runtime?)"
say "serve: $address/healthz → $health; /docs and Swagger UI served"
kill "$server_pid"
wait "$server_pid" 2>/dev/null || true
server_pid=
[ -z "$(access_faults "$work/serve.log")" ] || fail "module-access fault in serve: $(access_faults "$work/serve.log")"

# ---- 2. the desktop app --------------------------------------------------------------------------
desktop=("$launcher" --data-dir "$work/desk")
if [ -z "${DISPLAY:-}" ]; then
    command -v xvfb-run >/dev/null 2>&1 \
        || fail "no display and no xvfb-run for the desktop check: sudo apt-get install -y xvfb xauth"
    desktop=(xvfb-run -a -s "-screen 0 1600x1000x24" "${desktop[@]}")
fi
SMSVERIFYO_SMOKE=true timeout 180 "${desktop[@]}" >"$work/desktop.log" 2>&1 \
    || fail "the desktop app exited with status $? (see desktop.log)"
grep -q '^main window shown$' "$work/desktop.log" || fail "the desktop app never showed its main window"
grep -q '^smoke tour done$' "$work/desktop.log" || fail "the desktop app did not finish its tour of the pages"
faults=$(access_faults "$work/desktop.log")
[ -z "$faults" ] || fail "module-access fault in the desktop app: $faults"
pages=$(grep -c '^page shown: ' "$work/desktop.log" || true)
say "desktop: main window shown, $pages pages and a notification shown, no module-access fault"
others=$(grep -E '^Exception in thread|^Caused by' "$work/desktop.log" | sort | uniq -c || true)
if [ -n "$others" ]; then
    # Not a packaging fault (the same happens from the plain jar), but worth seeing.
    say "warning: the app logged exceptions that are not module-access faults:"
    echo "$others" | sed 's/^/[check]   /'
fi
say "OK"
