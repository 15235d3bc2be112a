-- Import profiles: how one vendor writes its files, saved under a name (`drc import profile
-- save 美音 --map … --status-map …`) and applied with `import … --profile 美音`, so a clerk
-- types the vendor's manners once. Each value is kept as the option takes it: the map and the
-- status words as `a=b,c=d`, the ignored columns comma-separated; the whole-file defaults name
-- the vendor and project as a clerk would type them, resolved when a file is imported.
CREATE TABLE import_profile (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    column_map  TEXT,
    ignored     TEXT,
    vendor      TEXT,
    project     TEXT,
    year        INTEGER CHECK (year IS NULL OR year BETWEEN 1949 AND 2999),
    status_map  TEXT,
    encoding    TEXT CHECK (encoding IS NULL OR encoding IN ('utf-8', 'gb18030', 'utf-16le', 'utf-16be')),
    sheet       TEXT,
    note        TEXT
) STRICT;
