-- Shipping zones and promo codes (PRODUCT.md §2 and §5): data the house
-- sets, read by checkout. Times are Unix seconds (UTC); money in cents.

CREATE TABLE shipping_zones (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    rate_cents BIGINT NOT NULL CHECK (rate_cents >= 0),
    min_days BIGINT NOT NULL CHECK (min_days > 0),
    max_days BIGINT NOT NULL CHECK (max_days >= min_days),
    position BIGINT NOT NULL
);

-- A country belongs to at most one zone.
CREATE TABLE shipping_zone_countries (
    country TEXT PRIMARY KEY,
    zone_code TEXT NOT NULL REFERENCES shipping_zones (code) ON DELETE CASCADE
);

CREATE TABLE promo_codes (
    code TEXT PRIMARY KEY,
    -- 'percent' (amount is 1–100) or 'fixed' (amount is cents).
    kind TEXT NOT NULL CHECK (kind IN ('percent', 'fixed')),
    amount BIGINT NOT NULL CHECK (amount > 0),
    starts_at BIGINT NOT NULL,
    ends_at BIGINT,
    min_subtotal_cents BIGINT,
    active BIGINT NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    CHECK (kind = 'fixed' OR amount <= 100),
    CHECK (ends_at IS NULL OR ends_at > starts_at)
);
