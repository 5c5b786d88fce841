-- Customer accounts, their sessions and emailed links, their addresses,
-- the newsletter list and the attempt counts behind rate limits
-- (PRODUCT.md §4). Times are Unix seconds (UTC). Secrets are stored only
-- as SHA-256 digests (sessions, reset and verification links).

CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    -- The address as typed, and the lower-cased key it is found by.
    email TEXT NOT NULL,
    email_key TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    phone TEXT,
    email_verified_at INTEGER,
    created_at INTEGER NOT NULL
);

CREATE TABLE sessions (
    token_digest TEXT PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_customer ON sessions (customer_id);

-- Single-use links sent by email: 'reset' (one hour) and 'verify' (a week).
CREATE TABLE account_tokens (
    token_digest TEXT PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    used_at INTEGER
);
CREATE INDEX account_tokens_customer ON account_tokens (customer_id);

CREATE TABLE addresses (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    full_name TEXT NOT NULL,
    line1 TEXT NOT NULL,
    line2 TEXT,
    postcode TEXT NOT NULL,
    city TEXT NOT NULL,
    country TEXT NOT NULL,
    phone TEXT,
    is_default INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);
CREATE INDEX addresses_customer ON addresses (customer_id);

-- The newsletter list, open to visitors without an account. The unsubscribe
-- token is kept as it is: every newsletter ever sent carries it, and it
-- can do nothing but take the address off the list.
CREATE TABLE newsletter_subscribers (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL,
    email_key TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    confirm_digest TEXT UNIQUE,
    confirm_sent_at INTEGER,
    unsubscribe_token TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    confirmed_at INTEGER,
    unsubscribed_at INTEGER
);

-- One row per counted attempt; rows older than the longest window are pruned.
CREATE TABLE rate_events (
    id INTEGER PRIMARY KEY,
    bucket TEXT NOT NULL,
    at INTEGER NOT NULL
);
CREATE INDEX rate_events_bucket ON rate_events (bucket, at);
