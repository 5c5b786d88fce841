-- The catalogue (PRODUCT.md §1). Flags are 0/1 integers and dates ISO text,
-- so that one body of SQL reads both SQLite and PostgreSQL.

CREATE TABLE collections (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    tagline TEXT NOT NULL,
    picture TEXT NOT NULL,
    position INTEGER NOT NULL
);

CREATE TABLE materials (
    slug TEXT PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    category TEXT NOT NULL CHECK (category IN ('rings', 'bracelets', 'necklaces', 'earrings')),
    collection_id INTEGER NOT NULL REFERENCES collections (id),
    description TEXT NOT NULL,
    price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
    -- Set on sale items only, and then above the price.
    former_price_cents INTEGER CHECK (former_price_cents IS NULL OR former_price_cents > price_cents),
    online INTEGER NOT NULL DEFAULT 1 CHECK (online IN (0, 1)),
    made_to_order INTEGER NOT NULL DEFAULT 0 CHECK (made_to_order IN (0, 1)),
    personalised INTEGER NOT NULL DEFAULT 0 CHECK (personalised IN (0, 1)),
    members_preview INTEGER NOT NULL DEFAULT 0 CHECK (members_preview IN (0, 1)),
    position INTEGER NOT NULL,
    -- ISO date (YYYY-MM-DD): sorts as text, for "newest".
    released_on TEXT NOT NULL
);
CREATE INDEX products_category ON products (category, position);
CREATE INDEX products_collection ON products (collection_id, position);
CREATE INDEX products_price ON products (price_cents);

CREATE TABLE product_materials (
    product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    material_slug TEXT NOT NULL REFERENCES materials (slug),
    position INTEGER NOT NULL,
    PRIMARY KEY (product_id, material_slug)
);
CREATE INDEX product_materials_material ON product_materials (material_slug);

CREATE TABLE product_pictures (
    product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    src TEXT NOT NULL,
    alt TEXT NOT NULL,
    PRIMARY KEY (product_id, position)
);

-- Stock per (product, size); one-size pieces have a single row with size ''.
CREATE TABLE stock (
    product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    size TEXT NOT NULL,
    position INTEGER NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity >= 0),
    PRIMARY KEY (product_id, size)
);
