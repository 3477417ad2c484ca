#!/usr/bin/env python3
"""Rent a number, wait for the SMS code, then finish the rental (or cancel it for a full refund).

Python 3.8+, standard library only.
    SMSVERIFYO_URL=http://127.0.0.1:8080 SMSVERIFYO_KEY=sms_live_... python3 rent.py
Optional: SMSVERIFYO_SERVICE (whatsapp), SMSVERIFYO_COUNTRY (US), SMSVERIFYO_MAX_PRICE (0.80),
SMSVERIFYO_WAIT (seconds to wait for the code, 120), SMSVERIFYO_POLL (seconds between polls, 3).
"""
import json
import os
import secrets
import sys
import time
import urllib.error
import urllib.request

URL = os.environ.get("SMSVERIFYO_URL", "").rstrip("/")
KEY = os.environ.get("SMSVERIFYO_KEY", "")
ATTEMPTS = 5


class ApiError(Exception):
    pass


def call(method, path, body=None, idempotency_key=None):
    """One API call. 429 waits Retry-After; 5xx and network errors retry with the same Idempotency-Key,
    so a retry never rents or charges twice. Other errors raise ApiError with the problem's code and detail."""
    for attempt in range(1, ATTEMPTS + 1):
        request = urllib.request.Request(URL + path, method=method,
                                         data=json.dumps(body).encode() if body is not None else None)
        request.add_header("Authorization", "Bearer " + KEY)
        if body is not None:
            request.add_header("Content-Type", "application/json")
        if idempotency_key:
            request.add_header("Idempotency-Key", idempotency_key)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return json.load(response)
        except urllib.error.HTTPError as error:
            problem = read_problem(error)
            if error.code == 429 and attempt < ATTEMPTS:
                wait = int(error.headers.get("Retry-After", "1"))
                print(f"Rate limited; retrying in {wait} s", flush=True)
                time.sleep(wait)
            elif error.code >= 500 and attempt < ATTEMPTS:
                time.sleep(attempt)
            else:
                raise ApiError(f"{error.code} {problem.get('code', 'error')}: {problem.get('detail', error.reason)}")
        except urllib.error.URLError as error:
            if attempt == ATTEMPTS:
                raise ApiError(f"cannot reach {URL}: {error.reason}")
            time.sleep(attempt)


def read_problem(error):
    try:
        return json.load(error)  # application/problem+json
    except ValueError:
        return {}


def main():
    if not URL or not KEY:
        sys.exit("Set SMSVERIFYO_URL and SMSVERIFYO_KEY.")
    wait_seconds = float(os.environ.get("SMSVERIFYO_WAIT", "120"))
    poll_seconds = float(os.environ.get("SMSVERIFYO_POLL", "3"))
    order = {"service": os.environ.get("SMSVERIFYO_SERVICE", "whatsapp"),
             "country": os.environ.get("SMSVERIFYO_COUNTRY", "US"),
             "max_price_usd": float(os.environ.get("SMSVERIFYO_MAX_PRICE", "0.80"))}

    rental = call("POST", "/v1/rentals", order, idempotency_key="rent-" + secrets.token_hex(8))
    print(f"Rented {rental['phone_number']} ({rental['id']}) for {rental['price_usd']} USD", flush=True)

    deadline = time.monotonic() + wait_seconds
    while rental["status"] == "waiting" and time.monotonic() < deadline:
        time.sleep(min(poll_seconds, max(0.0, deadline - time.monotonic())))
        rental = call("GET", f"/v1/rentals/{rental['id']}")

    if rental["status"] == "received":
        print(f"Code: {rental['code']}", flush=True)
        rental = call("POST", f"/v1/rentals/{rental['id']}/finish", idempotency_key="finish-" + rental["id"])
        print(f"Finished: {rental['status']}")
    elif rental["status"] == "waiting":
        rental = call("POST", f"/v1/rentals/{rental['id']}/cancel", idempotency_key="cancel-" + rental["id"])
        print(f"No code in {wait_seconds:g} s: {rental['status']}, refunded {rental['refunded_usd']} USD")
    else:
        print(f"Rental ended: {rental['status']}, refunded {rental['refunded_usd']} USD")


if __name__ == "__main__":
    try:
        main()
    except ApiError as error:
        sys.exit(f"error: {error}")
