-- The back office's catalogue editor (issue 16 part 1).
--
-- A piece carries a revision that every save moves: a save names the
-- revision its page showed, so the second of two staff editing the same
-- piece is refused instead of overwriting the first. A piece is published
-- or not: one being prepared, or withdrawn, exists for staff only (every
-- catalogue query asks for published pieces). A members' preview may name
-- the Paris day it becomes public; a worker makes it public that day.
ALTER TABLE products ADD COLUMN revision BIGINT NOT NULL DEFAULT 1;
ALTER TABLE products ADD COLUMN published BIGINT NOT NULL DEFAULT 1 CHECK (published IN (0, 1));
ALTER TABLE products ADD COLUMN public_from TEXT;
CREATE INDEX products_public_from ON products (public_from) WHERE public_from IS NOT NULL;
