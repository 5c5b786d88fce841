-- The back office's promo codes and gift (issue 16 part 3).
--
-- A promo code counts the orders placed with it (`uses`), in the order's
-- own transaction, and carries a revision that every edit moves. An order
-- counts its use only if the revision is still the one its quote read, and
-- an edit of a used code's terms is refused by the same row: a code's terms
-- are never rewritten once an order holds them, however the two race.
ALTER TABLE promo_codes ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE promo_codes ADD COLUMN uses INTEGER NOT NULL DEFAULT 0 CHECK (uses >= 0);
ALTER TABLE promo_codes ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;
UPDATE promo_codes SET uses = (SELECT COUNT(*) FROM orders WHERE orders.promo_code = promo_codes.code);

-- Two members of staff editing the gift: the second save is refused.
ALTER TABLE gift_offers ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;

-- The threshold the gift was given from, on the order's gift line: once
-- staff can change the offer, a return is still judged by the order's own.
ALTER TABLE order_lines ADD COLUMN gift_threshold_cents INTEGER;
