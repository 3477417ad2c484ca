-- Webhooks: endpoints, the durable outbox (one message per event and endpoint) and every attempt.
-- Time columns are epoch milliseconds (UTC), as in V1.

-- The signing secrets are stored as they are: the database file is readable by its owner only
-- (0600), and a delivery has to be signed with the secret itself.
CREATE TABLE webhook_endpoints (
    id                         TEXT PRIMARY KEY,                        -- whk_…
    account_id                 TEXT    NOT NULL REFERENCES accounts (id),
    url                        TEXT    NOT NULL,
    description                TEXT,
    events                     TEXT    NOT NULL,                        -- comma separated event types
    enabled                    INTEGER NOT NULL DEFAULT 1,
    disabled_reason            TEXT CHECK (disabled_reason IN ('manual', 'gone', 'failing')),
    disabled_at                INTEGER,
    secret                     TEXT    NOT NULL,                        -- whsec_…
    previous_secret            TEXT,                                    -- still signs until previous_secret_expires_at
    previous_secret_expires_at INTEGER,
    failing_since              INTEGER,                                 -- first failure since the last success
    created_at                 INTEGER NOT NULL,
    updated_at                 INTEGER NOT NULL
);
CREATE INDEX webhook_endpoints_account ON webhook_endpoints (account_id, id);

-- One row per event and endpoint: the message id is the webhook-id header of every attempt. The body
-- is kept here exactly as signed, so trimming the event log never loses a pending delivery.
CREATE TABLE webhook_messages (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    id              TEXT    NOT NULL UNIQUE,                            -- msg_…
    endpoint_id     TEXT    NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    account_id      TEXT    NOT NULL,
    event_id        TEXT,                                               -- evt_… (null for webhook.test)
    event_type      TEXT    NOT NULL,
    rental_id       TEXT,
    body            TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    step            INTEGER NOT NULL DEFAULT 0,                         -- position in the retry schedule
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER,                                            -- set while pending
    manual          INTEGER NOT NULL DEFAULT 0,                         -- the next attempt is a redelivery by hand
    created_at      INTEGER NOT NULL,
    finished_at     INTEGER                                             -- when delivered or failed
);
CREATE INDEX webhook_messages_due ON webhook_messages (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_messages_endpoint ON webhook_messages (endpoint_id, seq);
CREATE INDEX webhook_messages_rental ON webhook_messages (rental_id) WHERE rental_id IS NOT NULL;
CREATE INDEX webhook_messages_age ON webhook_messages (created_at) WHERE status <> 'pending';

CREATE TABLE webhook_attempts (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id      TEXT    NOT NULL REFERENCES webhook_messages (id) ON DELETE CASCADE,
    attempted_at    INTEGER NOT NULL,
    status_code     INTEGER,                                            -- null: no HTTP response
    latency_ms      INTEGER NOT NULL,
    error           TEXT,                                               -- null on success
    next_attempt_at INTEGER,                                            -- the retry this failure scheduled
    manual          INTEGER NOT NULL DEFAULT 0                          -- a redelivery asked for by hand
);
CREATE INDEX webhook_attempts_message ON webhook_attempts (message_id, seq);
