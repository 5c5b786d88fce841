-- The gift with purchase (PRODUCT.md §2): which gift, from what merchandise
-- subtotal. Data, so the house can change the offer without a release.

CREATE TABLE gift_offers (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    picture TEXT NOT NULL,
    threshold_cents BIGINT NOT NULL CHECK (threshold_cents >= 0),
    active BIGINT NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);
