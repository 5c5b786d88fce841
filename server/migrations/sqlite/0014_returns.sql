-- Returns (PRODUCT.md §7): what a customer asks to send back, line by line,
-- with the photos of a damaged or defective piece, and each step the house
-- takes (approved, received, refunded, or rejected with its reason).

-- The guard behind "never more pieces back than were bought": a return
-- adds its pieces to `returned` by a guarded update (a rejected return
-- gives them back), and the CHECK refuses whatever would pass the quantity.
ALTER TABLE order_lines ADD COLUMN returned INTEGER NOT NULL DEFAULT 0 CHECK (returned >= 0);

CREATE TABLE returns (
    id INTEGER PRIMARY KEY,
    -- What the customer and the slip call it: RT- and the order's reference.
    number TEXT NOT NULL UNIQUE,
    order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    -- The customer's form, sent once: a double click is the same return.
    idempotency_key TEXT NOT NULL UNIQUE,
    reason TEXT NOT NULL CHECK (reason IN ('changed_mind', 'wrong_size', 'damaged', 'defective')),
    state TEXT NOT NULL CHECK (state IN ('requested', 'approved', 'received', 'refunded', 'rejected')),
    -- What the customer wrote, as written.
    note TEXT NOT NULL DEFAULT '',
    -- The house's reason, when rejected.
    rejection TEXT,
    -- The gift with purchase goes back in the parcel: what was kept fell
    -- below the threshold that earned it.
    gift_back INTEGER NOT NULL DEFAULT 0 CHECK (gift_back IN (0, 1)),
    -- What the rule gives back for the pieces; staff may refund less, with a reason.
    proposed_cents INTEGER NOT NULL CHECK (proposed_cents >= 0),
    -- Who pays the return postage, decided at inspection: 'customer', or
    -- 'house' for a defective or wrong piece.
    postage_paid_by TEXT CHECK (postage_paid_by IN ('customer', 'house')),
    refund_id INTEGER REFERENCES refunds (id),
    refund_note TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX returns_order ON returns (order_id, id);
CREATE INDEX returns_state ON returns (state, updated_at);

CREATE TABLE return_lines (
    return_id INTEGER NOT NULL REFERENCES returns (id) ON DELETE CASCADE,
    line_id INTEGER NOT NULL REFERENCES order_lines (id) ON DELETE CASCADE,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (return_id, line_id)
);

-- Photos, re-encoded without their metadata; the bytes live in the object
-- store under `object_key`, never in a public directory.
CREATE TABLE return_photos (
    id TEXT PRIMARY KEY,
    return_id INTEGER NOT NULL REFERENCES returns (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    object_key TEXT NOT NULL,
    content_type TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX return_photos_return ON return_photos (return_id, position);

-- A timeline entry about a return names it and its step.
ALTER TABLE order_events ADD COLUMN return_id INTEGER REFERENCES returns (id) ON DELETE CASCADE;
ALTER TABLE order_events ADD COLUMN return_step TEXT CHECK (return_step IN ('requested', 'approved', 'received', 'rejected'));
