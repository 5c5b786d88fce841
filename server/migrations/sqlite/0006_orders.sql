-- Orders and their lifecycle (PRODUCT.md §5, §6 and §9): the order, its
-- lines, its timeline and shipments; payment callbacks already received
-- (replay protection); the sandbox gateway's own records; the staff role
-- and the audit log of staff actions; and the shop's generated secrets.
-- Money in cents, times in Unix seconds (UTC).

ALTER TABLE customers ADD COLUMN role TEXT NOT NULL DEFAULT 'customer' CHECK (role IN ('customer', 'staff'));

CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    -- What customers and staff quote, e.g. MA-7K3Q9X2P; random, not a count.
    reference TEXT NOT NULL UNIQUE,
    -- Sent by the client: the same key again returns this order.
    idempotency_key TEXT NOT NULL UNIQUE,
    customer_id INTEGER REFERENCES customers (id) ON DELETE SET NULL,
    -- Emptied (and the key set NULL) when the customer's account is erased.
    email TEXT NOT NULL,
    email_key TEXT,
    status TEXT NOT NULL CHECK (status IN ('awaiting_payment', 'being_validated', 'confirmed',
        'partially_shipped', 'shipped', 'delivered', 'cancelled')),
    full_name TEXT NOT NULL,
    line1 TEXT NOT NULL,
    line2 TEXT,
    postcode TEXT NOT NULL,
    city TEXT NOT NULL,
    country TEXT NOT NULL,
    phone TEXT,
    shipping_zone TEXT NOT NULL,
    shipping_cents INTEGER NOT NULL CHECK (shipping_cents >= 0),
    min_days INTEGER NOT NULL,
    max_days INTEGER NOT NULL,
    promo_code TEXT,
    discount_cents INTEGER NOT NULL DEFAULT 0 CHECK (discount_cents >= 0),
    subtotal_cents INTEGER NOT NULL CHECK (subtotal_cents >= 0),
    total_cents INTEGER NOT NULL CHECK (total_cents >= 0),
    -- The gateway's id for this order's payment.
    payment_ref TEXT,
    -- Unpaid after this, the order is cancelled and its stock given back.
    pay_by INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX orders_customer ON orders (customer_id, created_at);
CREATE INDEX orders_email_key ON orders (email_key);
CREATE INDEX orders_status ON orders (status, created_at);
CREATE INDEX orders_unpaid ON orders (status, pay_by);

CREATE TABLE order_lines (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    -- NULL for the gift, which is not a product.
    product_id INTEGER REFERENCES products (id) ON DELETE SET NULL,
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    size TEXT NOT NULL DEFAULT '',
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    unit_cents INTEGER NOT NULL CHECK (unit_cents >= 0),
    on_sale INTEGER NOT NULL DEFAULT 0 CHECK (on_sale IN (0, 1)),
    is_gift INTEGER NOT NULL DEFAULT 0 CHECK (is_gift IN (0, 1)),
    made_to_order INTEGER NOT NULL DEFAULT 0 CHECK (made_to_order IN (0, 1)),
    -- Units taken from stock, given back if the order is cancelled unshipped.
    reserved INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    shipped INTEGER NOT NULL DEFAULT 0 CHECK (shipped >= 0 AND shipped <= quantity)
);
CREATE INDEX order_lines_order ON order_lines (order_id, position);

-- The timeline: every status change, and every request, with who made it.
CREATE TABLE order_events (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    at INTEGER NOT NULL,
    -- The status after the event.
    status TEXT NOT NULL,
    actor TEXT NOT NULL CHECK (actor IN ('customer', 'staff', 'gateway', 'system')),
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX order_events_order ON order_events (order_id, id);

CREATE TABLE shipments (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    carrier TEXT NOT NULL,
    tracking_number TEXT NOT NULL,
    shipped_at INTEGER NOT NULL
);
CREATE INDEX shipments_order ON shipments (order_id, id);

CREATE TABLE shipment_lines (
    shipment_id INTEGER NOT NULL REFERENCES shipments (id) ON DELETE CASCADE,
    line_id INTEGER NOT NULL REFERENCES order_lines (id) ON DELETE CASCADE,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (shipment_id, line_id)
);

-- Callback events already applied: the same event twice is a replay.
CREATE TABLE payment_callbacks (
    event_id TEXT PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    received_at INTEGER NOT NULL
);

-- The sandbox gateway's own records, as a card processor keeps on its side:
-- never a card number, only its last four digits.
CREATE TABLE sandbox_payments (
    id TEXT PRIMARY KEY,
    order_reference TEXT NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
    return_url TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'authorised', 'declined')),
    card_last4 TEXT,
    created_at INTEGER NOT NULL,
    -- When the outcome is to be sent to the shop, once decided.
    callback_due_at INTEGER,
    callback_sent_at INTEGER,
    callback_claimed_by TEXT,
    callback_claimed_at INTEGER,
    callback_attempts INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sandbox_payments_due ON sandbox_payments (callback_sent_at, callback_due_at);

CREATE TABLE staff_audit (
    id INTEGER PRIMARY KEY,
    staff_id INTEGER REFERENCES customers (id) ON DELETE SET NULL,
    staff_email TEXT NOT NULL,
    action TEXT NOT NULL,
    order_id INTEGER REFERENCES orders (id) ON DELETE SET NULL,
    detail TEXT NOT NULL DEFAULT '',
    at INTEGER NOT NULL
);
CREATE INDEX staff_audit_at ON staff_audit (at);

-- Keys the shop generates for itself on first start (signed order links,
-- the sandbox's callback signatures), shared by every replica.
CREATE TABLE shop_secrets (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
