-- Client service's inbox (PRODUCT.md §8, §9): contact messages, callback
-- requests, and customers' requests to change or cancel an order. One
-- table, so the inbox filters and sorts them in one query; the columns a
-- kind does not use stay empty.
CREATE TABLE service_requests (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('contact', 'callback', 'order_change', 'order_cancel')),
    -- A contact message's topic (domain::service::ContactTopic), else ''.
    topic TEXT NOT NULL DEFAULT '',
    -- The signed-in customer who sent it, if any.
    customer_id INTEGER REFERENCES customers (id) ON DELETE SET NULL,
    name TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    -- The address as compared (lower case), as in `customers`.
    email_key TEXT NOT NULL DEFAULT '',
    -- A callback's number, in E.164.
    phone TEXT NOT NULL DEFAULT '',
    -- A callback's slot, Unix seconds (UTC).
    slot_at INTEGER,
    -- The order it is about, when it is the sender's.
    order_id INTEGER REFERENCES orders (id) ON DELETE SET NULL,
    -- An order named that is not the sender's (or not ours), kept as typed.
    order_text TEXT NOT NULL DEFAULT '',
    -- The piece it is about (from "Ask a client advisor"), and its size.
    product_id INTEGER REFERENCES products (id) ON DELETE SET NULL,
    size TEXT NOT NULL DEFAULT '',
    message TEXT NOT NULL DEFAULT '',
    -- The language the customer wrote in: the acknowledgement's.
    locale TEXT NOT NULL CHECK (locale IN ('fr', 'en')),
    created_at INTEGER NOT NULL,
    -- Who in client service marked it handled, and when; NULL while open.
    handled_at INTEGER,
    handled_by INTEGER REFERENCES customers (id) ON DELETE SET NULL,
    handled_by_email TEXT NOT NULL DEFAULT ''
);
CREATE INDEX service_requests_inbox ON service_requests (kind, handled_at);
CREATE INDEX service_requests_email ON service_requests (email_key);

-- Days client service is closed whatever the weekday (PRODUCT.md §8:
-- callbacks are refused on them), as ISO dates in Paris. Data, not code:
-- the house edits the rows. Seeded with France's public holidays.
CREATE TABLE service_closed_days (
    day TEXT PRIMARY KEY,
    note TEXT NOT NULL DEFAULT ''
);
INSERT INTO service_closed_days (day, note) VALUES
    ('2026-01-01', 'Jour de l''an'), ('2026-04-06', 'Lundi de Pâques'), ('2026-05-01', 'Fête du travail'),
    ('2026-05-08', 'Victoire 1945'), ('2026-05-14', 'Ascension'), ('2026-05-25', 'Lundi de Pentecôte'),
    ('2026-07-14', 'Fête nationale'), ('2026-08-15', 'Assomption'), ('2026-11-01', 'Toussaint'),
    ('2026-11-11', 'Armistice 1918'), ('2026-12-25', 'Noël'),
    ('2027-01-01', 'Jour de l''an'), ('2027-03-29', 'Lundi de Pâques'), ('2027-05-01', 'Fête du travail'),
    ('2027-05-06', 'Ascension'), ('2027-05-08', 'Victoire 1945'), ('2027-05-17', 'Lundi de Pentecôte'),
    ('2027-07-14', 'Fête nationale'), ('2027-08-15', 'Assomption'), ('2027-11-01', 'Toussaint'),
    ('2027-11-11', 'Armistice 1918'), ('2027-12-25', 'Noël');
