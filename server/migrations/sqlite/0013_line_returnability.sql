-- What a line's piece was when it was bought, for the returns rule
-- (PRODUCT.md §7: earrings and personalised pieces go back only damaged or
-- defective): kept with the line, so that a product changed or removed
-- later does not change what its past orders allow.
ALTER TABLE order_lines ADD COLUMN category TEXT NOT NULL DEFAULT '';
ALTER TABLE order_lines ADD COLUMN personalised INTEGER NOT NULL DEFAULT 0 CHECK (personalised IN (0, 1));

UPDATE order_lines SET
    category = COALESCE((SELECT p.category FROM products p WHERE p.id = order_lines.product_id), ''),
    personalised = COALESCE((SELECT p.personalised FROM products p WHERE p.id = order_lines.product_id), 0);
