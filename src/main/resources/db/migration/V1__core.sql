-- Core schema of the rental engine.
-- Money columns end in _micros (integer micro-dollars); time columns end in _at (epoch milliseconds, UTC).

CREATE TABLE meta (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE tiers (
    name        TEXT PRIMARY KEY,
    discount_bp INTEGER NOT NULL CHECK (discount_bp BETWEEN 0 AND 10000) -- basis points: 2000 = 20 %
);

CREATE TABLE accounts (
    id                     TEXT PRIMARY KEY,
    parent_id              TEXT REFERENCES accounts (id),
    name                   TEXT    NOT NULL,
    tier                   TEXT    NOT NULL REFERENCES tiers (name),
    status                 TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
    balance_micros         INTEGER NOT NULL DEFAULT 0 CHECK (balance_micros >= 0),
    alert_threshold_micros INTEGER,
    low_alert_day          TEXT,    -- the UTC day balance.low was last announced; cleared by a top-up
    created_at             INTEGER NOT NULL
);
CREATE INDEX accounts_parent ON accounts (parent_id);

CREATE TABLE ledger (
    seq                  INTEGER PRIMARY KEY AUTOINCREMENT,
    id                   TEXT    NOT NULL UNIQUE,
    account_id           TEXT    NOT NULL REFERENCES accounts (id),
    kind                 TEXT    NOT NULL CHECK (kind IN ('credit', 'charge', 'refund', 'adjustment')),
    amount_micros        INTEGER NOT NULL,
    balance_after_micros INTEGER NOT NULL CHECK (balance_after_micros >= 0),
    rental_id            TEXT,
    note                 TEXT,
    created_at           INTEGER NOT NULL
);
CREATE INDEX ledger_account ON ledger (account_id, seq);
CREATE INDEX ledger_rental ON ledger (rental_id) WHERE rental_id IS NOT NULL;
-- A rental is charged at most once and refunded at most once, whatever the code above does.
CREATE UNIQUE INDEX ledger_one_charge ON ledger (rental_id) WHERE kind = 'charge';
CREATE UNIQUE INDEX ledger_one_refund ON ledger (rental_id) WHERE kind = 'refund';

CREATE TABLE api_keys (
    id                      TEXT PRIMARY KEY,
    account_id              TEXT    NOT NULL REFERENCES accounts (id),
    name                    TEXT    NOT NULL,
    key_hash                BLOB    NOT NULL UNIQUE, -- SHA-256 of the whole key; the key itself is never stored
    display_prefix          TEXT    NOT NULL,
    scopes                  TEXT    NOT NULL,        -- comma separated
    rate_limit_per_minute   INTEGER NOT NULL,
    daily_spend_cap_micros  INTEGER,
    created_at              INTEGER NOT NULL,
    revoked_at              INTEGER,
    last_used_at            INTEGER
);
CREATE INDEX api_keys_account ON api_keys (account_id);

CREATE TABLE services (
    code       TEXT PRIMARY KEY,
    name       TEXT    NOT NULL,
    sort_order INTEGER NOT NULL
);

CREATE TABLE countries (
    code TEXT PRIMARY KEY, -- ISO 3166-1 alpha-2
    name TEXT NOT NULL
);

CREATE TABLE prices (
    service             TEXT    NOT NULL REFERENCES services (code),
    country             TEXT    NOT NULL REFERENCES countries (code),
    price_micros        INTEGER NOT NULL CHECK (price_micros >= 0),
    mobile_price_micros INTEGER NOT NULL CHECK (mobile_price_micros >= 0),
    PRIMARY KEY (service, country)
);

CREATE TABLE numbers (
    id           INTEGER PRIMARY KEY,
    phone_number TEXT    NOT NULL UNIQUE, -- E.164
    country      TEXT    NOT NULL,
    carrier      TEXT    NOT NULL CHECK (carrier IN ('mobile', 'voip')),
    source       TEXT    NOT NULL,
    enabled      INTEGER NOT NULL DEFAULT 1,
    created_at   INTEGER NOT NULL
);
CREATE INDEX numbers_country ON numbers (country, carrier, id);

-- A number refused by a service (report) is kept out of that service's pool.
CREATE TABLE number_blocks (
    number_id  INTEGER NOT NULL REFERENCES numbers (id),
    service    TEXT    NOT NULL,
    rental_id  TEXT,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (number_id, service)
);

CREATE TABLE rentals (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT, -- also the numeric alias of the SMS-Activate protocol
    id              TEXT    NOT NULL UNIQUE,
    account_id      TEXT    NOT NULL REFERENCES accounts (id),
    key_id          TEXT    NOT NULL,
    service         TEXT    NOT NULL,
    country         TEXT    NOT NULL,
    carrier         TEXT    NOT NULL CHECK (carrier IN ('any', 'mobile')),
    number_id       INTEGER NOT NULL REFERENCES numbers (id),
    phone_number    TEXT    NOT NULL,
    price_micros    INTEGER NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('waiting', 'received', 'completed', 'cancelled', 'expired')),
    code            TEXT,
    created_at      INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,
    received_at     INTEGER,
    ended_at        INTEGER,
    refunded_micros INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX rentals_account ON rentals (account_id, seq);
CREATE INDEX rentals_open ON rentals (expires_at) WHERE status IN ('waiting', 'received');
CREATE INDEX rentals_phone ON rentals (phone_number, seq);
CREATE INDEX rentals_key ON rentals (key_id, seq);

-- One open rental per number and service: the row lives exactly as long as the rental is open.
CREATE TABLE leases (
    number_id INTEGER NOT NULL REFERENCES numbers (id),
    service   TEXT    NOT NULL,
    rental_id TEXT    NOT NULL UNIQUE,
    PRIMARY KEY (number_id, service)
);

CREATE TABLE messages (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    id           TEXT    NOT NULL UNIQUE,
    rental_id    TEXT,            -- null: unmatched, kept and shown
    phone_number TEXT    NOT NULL,
    sender       TEXT    NOT NULL,
    text         TEXT    NOT NULL,
    code         TEXT,
    late         INTEGER NOT NULL DEFAULT 0,
    source       TEXT    NOT NULL,
    received_at  INTEGER NOT NULL
);
CREATE INDEX messages_rental ON messages (rental_id, seq);
CREATE INDEX messages_unmatched ON messages (seq) WHERE rental_id IS NULL;
CREATE INDEX messages_phone ON messages (phone_number, seq);

-- Spend per UTC day, per account and per key (owner_id is an acc_ or key_ id), net of refunds.
CREATE TABLE daily_spend (
    owner_id TEXT    NOT NULL,
    day      TEXT    NOT NULL, -- yyyy-MM-dd
    micros   INTEGER NOT NULL,
    PRIMARY KEY (owner_id, day)
);

-- idem_key is the SHA-256 of the client's Idempotency-Key; a reply that carries a secret (a new API
-- key, a webhook secret) is kept sealed with AES-GCM under a key derived from the Idempotency-Key,
-- which only the client holds, so no secret is ever readable from the database.
CREATE TABLE idempotency (
    key_id        TEXT    NOT NULL,
    idem_key      TEXT    NOT NULL,
    method        TEXT    NOT NULL,
    path          TEXT    NOT NULL,
    fingerprint   BLOB    NOT NULL,
    status        INTEGER NOT NULL,
    content_type  TEXT    NOT NULL,
    location      TEXT,
    body          BLOB    NOT NULL,
    sealed        INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL,
    PRIMARY KEY (key_id, idem_key)
);
CREATE INDEX idempotency_age ON idempotency (created_at);

-- The event log: live stream (resume by seq) and the source of webhook deliveries.
CREATE TABLE events (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    id         TEXT    NOT NULL UNIQUE,
    account_id TEXT    NOT NULL,
    type       TEXT    NOT NULL,
    rental_id  TEXT,
    payload    TEXT    NOT NULL, -- JSON
    created_at INTEGER NOT NULL
);
CREATE INDEX events_account ON events (account_id, seq);
CREATE INDEX events_age ON events (created_at);
