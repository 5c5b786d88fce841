-- The house's boutiques and the retailers that carry its pieces (PRODUCT.md
-- §8): where they are, how to call them, and their week of hours.
CREATE TABLE shops (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    -- domain::boutique::ShopKind: a retailer's stock is not the house's to know.
    kind TEXT NOT NULL CHECK (kind IN ('boutique', 'retailer')),
    name TEXT NOT NULL,
    street TEXT NOT NULL,
    postcode TEXT NOT NULL,
    -- The city as its address writes it: what the list filters on.
    city TEXT NOT NULL,
    country TEXT NOT NULL,
    -- In E.164.
    phone TEXT NOT NULL,
    -- The IANA zone its hours are kept in ("open now" is read on its clock).
    time_zone TEXT NOT NULL,
    latitude REAL NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude REAL NOT NULL CHECK (longitude BETWEEN -180 AND 180)
);
CREATE INDEX shops_place ON shops (country, city);

-- A shop's hours on one weekday (0 is Monday): spans such as
-- '10:00-13:00, 14:00-19:00', or 'closed' (domain::boutique::WeeklyHours).
CREATE TABLE shop_hours (
    shop_id INTEGER NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    spans TEXT NOT NULL,
    PRIMARY KEY (shop_id, weekday)
);

-- Places a shopper may type instead of sharing their position, to sort the
-- shops by distance: one row per name people write ('Bruxelles',
-- 'Brussels'), found by its folded key (no accents, lower case).
CREATE TABLE places (
    name_key TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    country TEXT NOT NULL,
    latitude REAL NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude REAL NOT NULL CHECK (longitude BETWEEN -180 AND 180)
);
