-- The sandbox gateway opens one payment per order (issue 17, items 4 and 5).
--
-- Placing an order may be answered twice at once (the same idempotency key
-- sent to two replicas) or again after a process died between opening the
-- payment and recording it on the order. Both asks now get the payment
-- opened first, as a card processor's idempotency keys do: two payment
-- pages for one order would let the shopper pay the one the order does not
-- know. The key is the order's reference.
ALTER TABLE sandbox_payments ADD COLUMN idempotency_key TEXT;
-- Payments opened before this: each order's key goes to the payment the
-- order knows (else its first), so that a retry gets that one back; any
-- other payment of the order keeps no key.
UPDATE sandbox_payments SET idempotency_key = order_reference
WHERE id = (
    SELECT p.id FROM sandbox_payments p
    LEFT JOIN orders o ON o.payment_ref = p.id
    WHERE p.order_reference = sandbox_payments.order_reference
    ORDER BY (o.payment_ref IS NULL), p.created_at, p.id
    LIMIT 1
);
CREATE UNIQUE INDEX sandbox_payments_idempotency ON sandbox_payments (idempotency_key);
