// Rent a number, wait for the SMS code, then finish the rental (or cancel it for a full refund).
//
// Node 18+ (built-in fetch), no npm packages.
//   SMSVERIFYO_URL=http://127.0.0.1:8080 SMSVERIFYO_KEY=sms_live_... node rent.mjs
// Optional: SMSVERIFYO_SERVICE (whatsapp), SMSVERIFYO_COUNTRY (US), SMSVERIFYO_MAX_PRICE (0.80),
// SMSVERIFYO_WAIT (seconds to wait for the code, 120), SMSVERIFYO_POLL (seconds between polls, 3).
import { randomBytes } from "node:crypto";

const URL = (process.env.SMSVERIFYO_URL ?? "").replace(/\/+$/, "");
const KEY = process.env.SMSVERIFYO_KEY ?? "";
const ATTEMPTS = 5;
const sleep = (seconds) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

class ApiError extends Error {}

// One API call. 429 waits Retry-After; 5xx and network errors retry with the same Idempotency-Key,
// so a retry never rents or charges twice. Other errors throw ApiError with the problem's code and detail.
async function call(method, path, body, idempotencyKey) {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const headers = { Authorization: `Bearer ${KEY}` };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (idempotencyKey) headers["Idempotency-Key"] = idempotencyKey;
    let res;
    try {
      res = await fetch(URL + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (error) {
      if (attempt === ATTEMPTS) throw new ApiError(`cannot reach ${URL}: ${error.cause?.message ?? error.message}`);
      await sleep(attempt);
      continue;
    }
    if (res.ok) return res.json();
    const problem = await res.json().catch(() => ({})); // application/problem+json
    if (res.status === 429 && attempt < ATTEMPTS) {
      const wait = Number(res.headers.get("Retry-After") ?? "1");
      console.log(`Rate limited; retrying in ${wait} s`);
      await sleep(wait);
    } else if (res.status >= 500 && attempt < ATTEMPTS) {
      await sleep(attempt);
    } else {
      throw new ApiError(`${res.status} ${problem.code ?? "error"}: ${problem.detail ?? res.statusText}`);
    }
  }
}

async function main() {
  if (!URL || !KEY) {
    console.error("Set SMSVERIFYO_URL and SMSVERIFYO_KEY.");
    process.exit(1);
  }
  const waitSeconds = Number(process.env.SMSVERIFYO_WAIT ?? "120");
  const pollSeconds = Number(process.env.SMSVERIFYO_POLL ?? "3");
  const order = {
    service: process.env.SMSVERIFYO_SERVICE ?? "whatsapp",
    country: process.env.SMSVERIFYO_COUNTRY ?? "US",
    max_price_usd: Number(process.env.SMSVERIFYO_MAX_PRICE ?? "0.80"),
  };

  let rental = await call("POST", "/v1/rentals", order, `rent-${randomBytes(8).toString("hex")}`);
  console.log(`Rented ${rental.phone_number} (${rental.id}) for ${rental.price_usd} USD`);

  const deadline = Date.now() + waitSeconds * 1000;
  while (rental.status === "waiting" && Date.now() < deadline) {
    await sleep(Math.min(pollSeconds, Math.max(0, (deadline - Date.now()) / 1000)));
    rental = await call("GET", `/v1/rentals/${rental.id}`);
  }

  if (rental.status === "received") {
    console.log(`Code: ${rental.code}`);
    rental = await call("POST", `/v1/rentals/${rental.id}/finish`, undefined, `finish-${rental.id}`);
    console.log(`Finished: ${rental.status}`);
  } else if (rental.status === "waiting") {
    rental = await call("POST", `/v1/rentals/${rental.id}/cancel`, undefined, `cancel-${rental.id}`);
    console.log(`No code in ${waitSeconds} s: ${rental.status}, refunded ${rental.refunded_usd} USD`);
  } else {
    console.log(`Rental ended: ${rental.status}, refunded ${rental.refunded_usd} USD`);
  }
}

main().catch((error) => {
  console.error(error instanceof ApiError ? `error: ${error.message}` : error);
  process.exit(1);
});
