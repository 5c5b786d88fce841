-- The catalogue's version: bumped in the same transaction as any change to
-- what catalogue pages show (stock, pieces). Every server process reads it
-- a few times a second and renders cached pages again once it moves, so a
-- change shows on every replica within a bound (see server/src/page_cache.rs).
CREATE TABLE catalogue_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO catalogue_version (id, version) VALUES (1, 0);
