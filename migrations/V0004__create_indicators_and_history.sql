-- Performance indicators (绩效指标), for a project or the whole unit (project_id NULL).
-- The target is compared by target_op; the actual is a number with a bound ('exact', or
-- 'lower' for "over N" such as 900多万条), or qualitative text, or both.
CREATE TABLE indicator (
    id           INTEGER PRIMARY KEY,
    year         INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2999),
    unit_id      INTEGER REFERENCES unit (id) ON DELETE RESTRICT,
    project_id   INTEGER REFERENCES project (id) ON DELETE RESTRICT,
    level1       TEXT NOT NULL CHECK (length(trim(level1)) > 0),
    level2       TEXT,
    name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
    target_op    TEXT CHECK (target_op IS NULL OR target_op IN ('>=', '<=', '=', 'qualitative')),
    target       TEXT,
    actual       TEXT,
    actual_bound TEXT NOT NULL DEFAULT 'exact' CHECK (actual_bound IN ('exact', 'lower', 'upper')),
    actual_text  TEXT,
    measure      TEXT,
    -- When set, the actual is a count of the year's work orders (of the project, and of this
    -- vendor and category when given) and `check` compares it with the orders recorded.
    counts_orders INTEGER NOT NULL DEFAULT 0 CHECK (counts_orders IN (0, 1)),
    vendor_id    INTEGER REFERENCES vendor (id) ON DELETE RESTRICT,
    category_id  INTEGER REFERENCES category (id) ON DELETE RESTRICT,
    CHECK (unit_id IS NOT NULL OR project_id IS NOT NULL),
    CHECK (category_id IS NULL OR counts_orders = 1),
    CHECK (vendor_id IS NULL OR counts_orders = 1),
    CHECK (actual IS NULL OR actual GLOB '[0-9]*' AND actual NOT GLOB '*[^0-9.]*')
) STRICT;
CREATE INDEX indicator_year ON indicator (year, project_id);
CREATE INDEX indicator_project ON indicator (project_id);
CREATE INDEX indicator_category ON indicator (category_id);
CREATE INDEX indicator_vendor ON indicator (vendor_id);
CREATE INDEX indicator_unit ON indicator (unit_id);

-- What a year's evaluation says in words, by the report's sections: the unit's duties, how
-- projects were organised, asset management, problems found, recommendations; and notes on
-- the data (数据说明), where a source's discrepancies stay visible instead of silently fixed.
CREATE TABLE finding (
    id      INTEGER PRIMARY KEY,
    year    INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2999),
    unit_id INTEGER NOT NULL REFERENCES unit (id) ON DELETE RESTRICT,
    section TEXT NOT NULL CHECK (section IN ('duties', 'organisation', 'assets', 'problem', 'recommendation', 'data')),
    text    TEXT NOT NULL CHECK (length(trim(text)) > 0),
    source  TEXT
) STRICT;
CREATE INDEX finding_year ON finding (year, unit_id, section);
CREATE INDEX finding_unit ON finding (unit_id);

-- History (变更记录): every insert, update and delete, with who, when, and the old and new
-- values as JSON objects. A batch groups the rows of one import or seed.
CREATE TABLE history (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'batch')),
    kind       TEXT NOT NULL,
    record_id  INTEGER,
    old_values TEXT CHECK (old_values IS NULL OR json_valid(old_values)),
    new_values TEXT CHECK (new_values IS NULL OR json_valid(new_values)),
    note       TEXT
) STRICT;
CREATE INDEX history_record ON history (kind, record_id);
