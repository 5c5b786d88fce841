-- Limits on what unpaid orders hold (issue 17, app/src/domain/hold.rs).
--
-- `held_by` is the client an unpaid order came from (its address, IPv6 by
-- its /64), counted against the per-client limits. It is personal data
-- kept only while it serves: every status change clears it.
ALTER TABLE orders ADD COLUMN held_by TEXT;
CREATE INDEX orders_held_by ON orders (held_by) WHERE held_by IS NOT NULL;

-- Rows a placing transaction locks (by updating them) before it counts
-- what its client and its email address already hold, so that two orders
-- placed at once count each other on PostgreSQL too. A slot is a hash of
-- the client or the address, so the table holds nothing personal.
CREATE TABLE hold_slots (
    slot BIGINT PRIMARY KEY,
    taken_at BIGINT NOT NULL
);
