-- The email outbox (PRODUCT.md §10, DESIGN.md): every email is written here
-- in the same transaction as the change that causes it, then delivered by a
-- worker. Times are Unix seconds (UTC). A worker claims a row with a guarded
-- update and a lease, so several server processes never send one email twice.

CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    text_body TEXT NOT NULL,
    html_body TEXT NOT NULL,
    -- A one-click unsubscribe URL for newsletters (List-Unsubscribe), if any.
    unsubscribe_url TEXT,
    created_at INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    claimed_by TEXT,
    claimed_until INTEGER,
    sent_at INTEGER
);
CREATE INDEX outbox_due ON outbox (sent_at, next_attempt_at);
