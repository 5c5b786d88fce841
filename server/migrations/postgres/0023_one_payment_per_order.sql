-- The sandbox gateway opens one payment per order (issue 17, items 4 and 5).
--
-- Placing an order may be answered twice at once (the same idempotency key
-- sent to two replicas) or again after a process died between opening the
-- payment and recording it on the order. Both asks now get the payment
-- opened first, as a card processor's idempotency keys do: two payment
-- pages for one order would let the shopper pay the one the order does not
-- know. The key is the order's reference; payments opened before this have
-- none.
ALTER TABLE sandbox_payments ADD COLUMN idempotency_key TEXT;
CREATE UNIQUE INDEX sandbox_payments_idempotency ON sandbox_payments (idempotency_key);
