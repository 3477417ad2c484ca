-- Indexes of the dashboard's aggregates (GET /v1/stats). Each lets one figure read only the rows of
-- one account within the window, never the account's whole history. Partial where the figure
-- only concerns some rentals, so rentals that never reach that state cost nothing.

-- Active rentals (waiting + received) of an account.
CREATE INDEX rentals_account_open ON rentals (account_id, status) WHERE status IN ('waiting', 'received');

-- Spend per bucket, by charge time, net of refunds (covering: no table lookups).
CREATE INDEX rentals_account_created ON rentals (account_id, created_at, price_micros, refunded_micros);

-- First codes per bucket and successes by service (covering).
CREATE INDEX rentals_account_first_code ON rentals (account_id, received_at, service) WHERE received_at IS NOT NULL;

-- Rentals that ended without a code, by service (covering).
CREATE INDEX rentals_account_ended ON rentals (account_id, ended_at, service, received_at) WHERE ended_at IS NOT NULL;

-- The balance at the end of each bucket: the account's ledger by time (covering).
CREATE INDEX ledger_account_time ON ledger (account_id, created_at, balance_after_micros);
