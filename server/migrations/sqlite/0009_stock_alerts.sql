-- Back-in-stock alerts (PRODUCT.md §8): an address waiting for one
-- (product, size); '' is the size of a one-size piece, as in `stock`.
-- An alert is deleted when its email is written (used up), when the
-- shopper cancels it, and with the account of its address.
CREATE TABLE stock_alerts (
    id INTEGER PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    size TEXT NOT NULL,
    email TEXT NOT NULL,
    -- The address as compared (lower case), as in `customers`.
    email_key TEXT NOT NULL,
    -- The language of the page it was left on: the email's.
    locale TEXT NOT NULL CHECK (locale IN ('fr', 'en')),
    -- The cancel link's secret, kept whole: every alert email carries it.
    cancel_token TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    UNIQUE (product_id, size, email_key)
);
CREATE INDEX stock_alerts_email ON stock_alerts (email_key);
