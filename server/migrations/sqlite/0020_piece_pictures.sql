-- Pictures staff upload for a piece (issue 16 part 2).
--
-- The demo house's drawings keep their `src` (a file under /images) and
-- no stem. An uploaded picture is kept as files in the object store named
-- by `stem` (a hash of its pixels) and each width made, in WebP and JPEG;
-- `src` is its JPEG fallback, and width and height are its largest
-- width's, for the page's layout.
ALTER TABLE product_pictures ADD COLUMN stem TEXT;
ALTER TABLE product_pictures ADD COLUMN widths TEXT NOT NULL DEFAULT '';
ALTER TABLE product_pictures ADD COLUMN width INTEGER NOT NULL DEFAULT 0;
ALTER TABLE product_pictures ADD COLUMN height INTEGER NOT NULL DEFAULT 0;
CREATE INDEX product_pictures_stem ON product_pictures (stem) WHERE stem IS NOT NULL;
