-- French and English (PRODUCT.md §11). The catalogue's texts get a French
-- column beside each original one, which holds the English; rows written
-- before this migration copy their English until staff translate them.

ALTER TABLE collections ADD COLUMN name_fr TEXT NOT NULL DEFAULT '';
ALTER TABLE collections ADD COLUMN tagline_fr TEXT NOT NULL DEFAULT '';
UPDATE collections SET name_fr = name, tagline_fr = tagline;

ALTER TABLE materials ADD COLUMN name_fr TEXT NOT NULL DEFAULT '';
UPDATE materials SET name_fr = name;

ALTER TABLE products ADD COLUMN name_fr TEXT NOT NULL DEFAULT '';
ALTER TABLE products ADD COLUMN description_fr TEXT NOT NULL DEFAULT '';
UPDATE products SET name_fr = name, description_fr = description;

ALTER TABLE product_pictures ADD COLUMN alt_fr TEXT NOT NULL DEFAULT '';
UPDATE product_pictures SET alt_fr = alt;

ALTER TABLE gift_offers ADD COLUMN name_fr TEXT NOT NULL DEFAULT '';
ALTER TABLE gift_offers ADD COLUMN description_fr TEXT NOT NULL DEFAULT '';
UPDATE gift_offers SET name_fr = name, description_fr = description;

ALTER TABLE shipping_zones ADD COLUMN name_fr TEXT NOT NULL DEFAULT '';
UPDATE shipping_zones SET name_fr = name;

-- An order keeps each piece's name as it was sold, in both languages.
ALTER TABLE order_lines ADD COLUMN name_fr TEXT NOT NULL DEFAULT '';
UPDATE order_lines SET name_fr = name;

-- The language each recipient reads their emails in: a customer's choice,
-- the one a guest ordered in, the one a subscriber signed up in.
ALTER TABLE customers ADD COLUMN locale TEXT NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'en'));
ALTER TABLE orders ADD COLUMN locale TEXT NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'en'));
ALTER TABLE newsletter_subscribers ADD COLUMN locale TEXT NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'en'));

-- The order timeline keeps only what a person typed; what an entry records
-- is said when it is shown, in the reader's language. Earlier entries lose
-- the English sentences they were written with.
UPDATE order_events SET note = substr(note, 19) WHERE actor = 'customer' AND note LIKE 'Change requested: %';
UPDATE order_events SET note = substr(note, 25)
    WHERE actor = 'staff' AND status = 'cancelled' AND note LIKE 'Cancelled by the house: %';
UPDATE order_events SET note = ''
    WHERE actor IN ('gateway', 'system') OR (actor = 'staff' AND status <> 'cancelled')
    OR (actor = 'customer' AND status = 'cancelled') OR note = 'Order placed.';
