-- Units (单位): a tree. The district government sits above the centre, the centre above its
-- internal offices; the units it serves hang wherever they belong.
CREATE TABLE unit (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL CHECK (length(trim(name)) > 0),
    short_name       TEXT CHECK (short_name IS NULL OR length(trim(short_name)) > 0),
    parent_id        INTEGER REFERENCES unit (id) ON DELETE RESTRICT,
    description      TEXT,
    authorised_posts INTEGER CHECK (authorised_posts IS NULL OR authorised_posts >= 0),
    staff_in_post    INTEGER CHECK (staff_in_post IS NULL OR staff_in_post >= 0),
    CHECK (parent_id IS NULL OR parent_id <> id)
) STRICT;
-- Names are unique among siblings: every centre may have its own 办公室.
CREATE UNIQUE INDEX unit_name ON unit (coalesce(parent_id, 0), name);
CREATE INDEX unit_parent ON unit (parent_id);
CREATE UNIQUE INDEX unit_short_name ON unit (short_name) WHERE short_name IS NOT NULL;

-- Vendors (供应商). An inactive vendor keeps its history but takes no new work orders.
CREATE TABLE vendor (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    credit_code TEXT UNIQUE CHECK (credit_code IS NULL OR length(credit_code) = 18),
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    note        TEXT
) STRICT;
