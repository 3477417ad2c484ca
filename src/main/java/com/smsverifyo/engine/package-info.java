/**
 * The rental engine: accounts and the ledger, API keys, the catalog and pricing, the number pool,
 * rentals and their state machine, inbound messages and code extraction, idempotency, rate limits
 * and the event log. Plain Java over {@code store}: no HTTP server, no JavaFX.
 */
package com.smsverifyo.engine;
