-- Refunds (PRODUCT.md §7): what the gateway captured for each paid order
-- and how much of it went back, each refund asked of the gateway (with the
-- idempotency key that makes a double click or two staff members refund
-- once), the timeline entries refunds write, and the sandbox gateway's own
-- record of the refunds it made. Money in cents, times in Unix seconds.

-- The guard behind the rule "never more than was captured, across every
-- refund of the order": a refund adds to `refunded_cents` by a guarded
-- update, and the CHECK refuses whatever would pass the capture.
CREATE TABLE order_payments (
    order_id INTEGER PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
    payment_ref TEXT NOT NULL,
    captured_cents INTEGER NOT NULL CHECK (captured_cents >= 0),
    refunded_cents INTEGER NOT NULL DEFAULT 0 CHECK (refunded_cents >= 0 AND refunded_cents <= captured_cents),
    captured_at INTEGER NOT NULL
);

-- Orders paid before this table existed: the gateway captured their total.
INSERT INTO order_payments (order_id, payment_ref, captured_cents, refunded_cents, captured_at)
SELECT id, payment_ref, total_cents, 0, updated_at FROM orders
WHERE payment_ref IS NOT NULL
  AND status IN ('being_validated', 'confirmed', 'partially_shipped', 'shipped', 'delivered');

CREATE TABLE refunds (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    -- The same key twice is the same refund; the gateway is given it too.
    idempotency_key TEXT NOT NULL UNIQUE,
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    reason TEXT NOT NULL CHECK (reason IN ('order_cancelled', 'late_payment', 'return')),
    state TEXT NOT NULL CHECK (state IN ('pending', 'refunded', 'failed')),
    -- The gateway's id for the refund, once it has accepted the request.
    gateway_ref TEXT,
    created_at INTEGER NOT NULL,
    settled_at INTEGER,
    -- Sending the request to the gateway, after the change that asked for it commits.
    send_due_at INTEGER,
    send_claimed_by TEXT,
    send_claimed_at INTEGER,
    send_attempts INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX refunds_order ON refunds (order_id, id);
CREATE INDEX refunds_unsent ON refunds (gateway_ref, send_due_at);

-- A timeline entry about a refund names it: 'issued', 'refunded' or 'failed'.
ALTER TABLE order_events ADD COLUMN refund_id INTEGER REFERENCES refunds (id) ON DELETE CASCADE;
ALTER TABLE order_events ADD COLUMN refund_step TEXT CHECK (refund_step IN ('issued', 'refunded', 'failed'));

-- The sandbox gateway's refunds, as a processor keeps them on its side.
CREATE TABLE sandbox_refunds (
    id TEXT PRIMARY KEY,
    payment_id TEXT NOT NULL REFERENCES sandbox_payments (id),
    -- The shop's key: the same request twice is the same refund.
    idempotency_key TEXT NOT NULL UNIQUE,
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    status TEXT NOT NULL CHECK (status IN ('refunded', 'failed')),
    created_at INTEGER NOT NULL,
    callback_due_at INTEGER,
    callback_sent_at INTEGER,
    callback_claimed_by TEXT,
    callback_claimed_at INTEGER,
    callback_attempts INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sandbox_refunds_payment ON sandbox_refunds (payment_id);
CREATE INDEX sandbox_refunds_due ON sandbox_refunds (callback_sent_at, callback_due_at);
