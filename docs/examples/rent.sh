#!/usr/bin/env bash
# Rent a number, wait for the SMS code, then finish the rental (or cancel it for a full refund).
#
# bash + curl only (no jq).
#   SMSVERIFYO_URL=http://127.0.0.1:8080 SMSVERIFYO_KEY=sms_live_... bash rent.sh
# Optional: SMSVERIFYO_SERVICE (whatsapp), SMSVERIFYO_COUNTRY (US), SMSVERIFYO_MAX_PRICE (0.80),
# SMSVERIFYO_WAIT (seconds to wait for the code, 120), SMSVERIFYO_POLL (seconds between polls, 3).
set -euo pipefail

URL=${SMSVERIFYO_URL%/}
KEY=${SMSVERIFYO_KEY:-}
[ -n "$URL" ] && [ -n "$KEY" ] || { echo "Set SMSVERIFYO_URL and SMSVERIFYO_KEY." >&2; exit 1; }
WAIT=${SMSVERIFYO_WAIT:-120}
POLL=${SMSVERIFYO_POLL:-3}
ATTEMPTS=5
headers=$(mktemp)
trap 'rm -f "$headers"' EXIT

# field NAME JSON: the first "NAME": value of a response (the rental's own fields come before its messages).
field() {
    printf '%s' "$2" | grep -o "\"$1\":\(\"[^\"]*\"\|[^,}]*\)" | head -n 1 | sed -e "s/^\"$1\"://" -e 's/^"//' -e 's/"$//'
}

# call METHOD PATH [BODY] [IDEMPOTENCY_KEY]: prints the response body. 429 waits Retry-After; 5xx and
# network errors retry with the same Idempotency-Key (a retry never rents or charges twice); any other
# error stops with the problem's code and detail.
call() {
    local method=$1 path=$2 body=${3:-} key=${4:-} attempt response status args
    for attempt in $(seq 1 "$ATTEMPTS"); do
        args=(-sS -X "$method" "$URL$path" -H "Authorization: Bearer $KEY" -D "$headers" -w '\n%{http_code}')
        [ -n "$body" ] && args+=(-H "Content-Type: application/json" -d "$body")
        [ -n "$key" ] && args+=(-H "Idempotency-Key: $key")
        if ! response=$(curl "${args[@]}"); then
            [ "$attempt" -lt "$ATTEMPTS" ] || { echo "error: cannot reach $URL" >&2; exit 1; }
            sleep "$attempt"; continue
        fi
        status=${response##*$'\n'}
        response=${response%$'\n'*}
        if [ "$status" -lt 400 ]; then
            printf '%s' "$response"; return 0
        elif [ "$status" = 429 ] && [ "$attempt" -lt "$ATTEMPTS" ]; then
            local wait
            wait=$(sed -n 's/^[Rr]etry-[Aa]fter: *\([0-9]*\).*/\1/p' "$headers")
            echo "Rate limited; retrying in ${wait:-1} s" >&2
            sleep "${wait:-1}"
        elif [ "$status" -ge 500 ] && [ "$attempt" -lt "$ATTEMPTS" ]; then
            sleep "$attempt"
        else
            # application/problem+json: {"type", "title", "status", "detail", "code", …}
            echo "error: $status $(field code "$response"): $(field detail "$response")" >&2
            exit 1
        fi
    done
}

order=$(printf '{"service":"%s","country":"%s","max_price_usd":%s}' \
    "${SMSVERIFYO_SERVICE:-whatsapp}" "${SMSVERIFYO_COUNTRY:-US}" "${SMSVERIFYO_MAX_PRICE:-0.80}")
rental=$(call POST /v1/rentals "$order" "rent-$(date +%s)-$RANDOM$RANDOM")
id=$(field id "$rental")
echo "Rented $(field phone_number "$rental") ($id) for $(field price_usd "$rental") USD"

deadline=$(( $(date +%s) + ${WAIT%.*} ))
status=$(field status "$rental")
while [ "$status" = waiting ] && [ "$(date +%s)" -lt "$deadline" ]; do
    sleep "$POLL"
    rental=$(call GET "/v1/rentals/$id")
    status=$(field status "$rental")
done

case "$status" in
    received)
        echo "Code: $(field code "$rental")"
        rental=$(call POST "/v1/rentals/$id/finish" "" "finish-$id")
        echo "Finished: $(field status "$rental")"
        ;;
    waiting)
        rental=$(call POST "/v1/rentals/$id/cancel" "" "cancel-$id")
        echo "No code in $WAIT s: $(field status "$rental"), refunded $(field refunded_usd "$rental") USD"
        ;;
    *)
        echo "Rental ended: $status, refunded $(field refunded_usd "$rental") USD"
        ;;
esac
