-- SMS sources as plug-ins: the simulator, Android phones (SMS Gateway for Android), GSM modems and
-- an upstream relay. Time columns are epoch milliseconds (UTC), as in V1.

-- Settings are JSON as the owner gave them. Secrets in them (signing keys, upstream API keys) are
-- kept as they are, like webhook secrets: the database file is readable by its owner only (0600)
-- and a source has to use the secret itself. The API never shows them.
CREATE TABLE sources (
    id         TEXT PRIMARY KEY,                                                   -- src_…
    type       TEXT    NOT NULL CHECK (type IN ('simulator', 'android-gateway', 'modem', 'upstream')),
    name       TEXT    NOT NULL,
    enabled    INTEGER NOT NULL DEFAULT 1,
    settings   TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted_at INTEGER                                                             -- gone from the API, kept for history
);

-- Which source feeds a number, and where on it the SIM sits (an Android device and its SIM slot, or
-- a modem's port). A number without a source_id predates sources (or came in by the API) and is
-- rentable whenever it is enabled. A deleted number leaves the pool but keeps its rentals' history.
ALTER TABLE numbers ADD COLUMN source_id TEXT REFERENCES sources (id);
ALTER TABLE numbers ADD COLUMN device_id TEXT;
ALTER TABLE numbers ADD COLUMN sim_number INTEGER;
ALTER TABLE numbers ADD COLUMN deleted_at INTEGER;
CREATE INDEX numbers_source ON numbers (source_id, device_id, sim_number);

-- Deliveries a source may hand in more than once (the Android app retries with the same id, a modem
-- re-reads a message it could not delete, the relay re-reads an upstream rental): written in the same
-- transaction as the message, so a message is kept exactly once whatever is retried or crashes.
CREATE TABLE inbound_receipts (
    source_id   TEXT    NOT NULL,
    receipt_key TEXT    NOT NULL,
    message_id  TEXT    NOT NULL,
    received_at INTEGER NOT NULL,
    PRIMARY KEY (source_id, receipt_key)
);
CREATE INDEX inbound_receipts_age ON inbound_receipts (received_at);

-- The upstream relay's journal: one row per number rented upstream, written before the upstream call
-- (its id is the upstream Idempotency-Key), so every crash point can be finished or undone on restart.
--   reserving: about to rent upstream (or did, and we do not know yet)
--   reserved:  rented upstream, no local rental yet (the local transaction is running or failed)
--   active:    attached to a local rental, in the same transaction that created it
--   closing:   the local rental ended: the upstream rental must be cancelled, reported or finished
--   closed:    nothing more to do upstream;  failed: the upstream refused, nothing was rented
CREATE TABLE relay_rentals (
    id                  TEXT PRIMARY KEY,                                          -- rly_…
    source_id           TEXT    NOT NULL REFERENCES sources (id),
    state               TEXT    NOT NULL CHECK (state IN ('reserving', 'reserved', 'active', 'closing', 'closed', 'failed')),
    service             TEXT    NOT NULL,
    country             TEXT    NOT NULL,
    carrier             TEXT    NOT NULL,
    max_price_micros    INTEGER,
    upstream_rental_id  TEXT,
    phone_number        TEXT,
    upstream_expires_at INTEGER,
    rental_id           TEXT UNIQUE,
    close_action        TEXT CHECK (close_action IN ('cancel', 'finish', 'report')),
    attempts            INTEGER NOT NULL DEFAULT 0,                        -- upstream calls that failed, for people
    last_error          TEXT,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL
);
CREATE INDEX relay_rentals_work ON relay_rentals (source_id, state) WHERE state IN ('reserving', 'reserved', 'active', 'closing');
CREATE INDEX relay_rentals_upstream ON relay_rentals (upstream_rental_id);
