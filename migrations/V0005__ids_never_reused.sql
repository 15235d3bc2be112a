-- Ids are never reused: every record table is rebuilt with AUTOINCREMENT, so after a delete
-- the next record gets a new id and `drc history vendor 4` names one record only. The counters
-- start above every id a record ever had, deleted ones (kept in the history) included.
-- The history gains last_record_id: an import batch names the range of ids it created.
-- Run with foreign keys off and checked before the commit (the migrator does both), following
-- SQLite's procedure for schema changes ALTER TABLE cannot make: create, copy, drop, rename.
-- The file is marked as drc's (application_id 'DRC1'), so drc never adopts another program's.

CREATE TABLE unit_rebuilt (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    name             TEXT NOT NULL CHECK (length(trim(name)) > 0),
    short_name       TEXT CHECK (short_name IS NULL OR length(trim(short_name)) > 0),
    parent_id        INTEGER REFERENCES unit (id) ON DELETE RESTRICT,
    description      TEXT,
    authorised_posts INTEGER CHECK (authorised_posts IS NULL OR authorised_posts >= 0),
    staff_in_post    INTEGER CHECK (staff_in_post IS NULL OR staff_in_post >= 0),
    CHECK (parent_id IS NULL OR parent_id <> id)
) STRICT;
INSERT INTO unit_rebuilt (id, name, short_name, parent_id, description, authorised_posts, staff_in_post)
    SELECT id, name, short_name, parent_id, description, authorised_posts, staff_in_post FROM unit;
DROP TABLE unit;
ALTER TABLE unit_rebuilt RENAME TO unit;
CREATE UNIQUE INDEX unit_name ON unit (coalesce(parent_id, 0), name);
CREATE INDEX unit_parent ON unit (parent_id);
CREATE UNIQUE INDEX unit_short_name ON unit (short_name) WHERE short_name IS NOT NULL;

CREATE TABLE vendor_rebuilt (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    credit_code TEXT UNIQUE CHECK (credit_code IS NULL OR length(credit_code) = 18),
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    note        TEXT
) STRICT;
INSERT INTO vendor_rebuilt (id, name, credit_code, active, note) SELECT id, name, credit_code, active, note FROM vendor;
DROP TABLE vendor;
ALTER TABLE vendor_rebuilt RENAME TO vendor;

CREATE TABLE project_rebuilt (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    code        TEXT UNIQUE CHECK (code IS NULL OR length(trim(code)) > 0),
    name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    unit_id     INTEGER REFERENCES unit (id) ON DELETE RESTRICT,
    first_year  INTEGER CHECK (first_year IS NULL OR first_year BETWEEN 1949 AND 2999),
    last_year   INTEGER CHECK (last_year IS NULL OR last_year BETWEEN 1949 AND 2999),
    description TEXT,
    CHECK (first_year IS NULL OR last_year IS NULL OR first_year <= last_year)
) STRICT;
INSERT INTO project_rebuilt (id, code, name, unit_id, first_year, last_year, description)
    SELECT id, code, name, unit_id, first_year, last_year, description FROM project;
DROP TABLE project;
ALTER TABLE project_rebuilt RENAME TO project;
CREATE INDEX project_unit ON project (unit_id);

CREATE TABLE budget_line_rebuilt (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    year             INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2999),
    unit_id          INTEGER NOT NULL REFERENCES unit (id) ON DELETE RESTRICT,
    kind             TEXT NOT NULL CHECK (kind IN ('basic', 'project', 'sangong')),
    name             TEXT NOT NULL CHECK (length(trim(name)) > 0),
    functional_code  TEXT,
    functional_name  TEXT,
    economic_code    TEXT,
    economic_name    TEXT,
    budget_fen       INTEGER CHECK (budget_fen IS NULL OR budget_fen >= 0),
    final_fen        INTEGER CHECK (final_fen IS NULL OR final_fen >= 0),
    parent_id        INTEGER REFERENCES budget_line (id) ON DELETE RESTRICT,
    breakdown        TEXT NOT NULL DEFAULT 'none' CHECK (breakdown IN ('none', 'partial', 'complete')),
    note             TEXT,
    CHECK (parent_id IS NULL OR parent_id <> id),
    UNIQUE (year, unit_id, kind, name)
) STRICT;
INSERT INTO budget_line_rebuilt (id, year, unit_id, kind, name, functional_code, functional_name, economic_code,
                                 economic_name, budget_fen, final_fen, parent_id, breakdown, note)
    SELECT id, year, unit_id, kind, name, functional_code, functional_name, economic_code,
           economic_name, budget_fen, final_fen, parent_id, breakdown, note FROM budget_line;
DROP TABLE budget_line;
ALTER TABLE budget_line_rebuilt RENAME TO budget_line;
CREATE INDEX budget_line_parent ON budget_line (parent_id);
CREATE INDEX budget_line_unit ON budget_line (unit_id);

CREATE TABLE category_rebuilt (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    description TEXT
) STRICT;
INSERT INTO category_rebuilt (id, name, description) SELECT id, name, description FROM category;
DROP TABLE category;
ALTER TABLE category_rebuilt RENAME TO category;

CREATE TABLE work_order_rebuilt (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    year        INTEGER NOT NULL CHECK (year >= 1949 AND year <= 2999),
    vendor_id   INTEGER NOT NULL REFERENCES vendor (id) ON DELETE RESTRICT,
    project_id  INTEGER REFERENCES project (id) ON DELETE RESTRICT,
    category_id INTEGER NOT NULL REFERENCES category (id) ON DELETE RESTRICT,
    unit_id     INTEGER REFERENCES unit (id) ON DELETE RESTRICT,
    status      TEXT NOT NULL DEFAULT 'new' CHECK (status = 'closed' OR status = 'new' OR status = 'assigned'
                                                   OR status = 'pending' OR status = 'solved' OR status = 'cancelled'),
    opened_at   TEXT CHECK (length(opened_at) IN (10, 16)),
    solved_at   TEXT CHECK (length(solved_at) IN (10, 16)),
    closed_at   TEXT CHECK (length(closed_at) IN (10, 16)),
    summary     TEXT,
    solution    TEXT,
    source      TEXT NOT NULL CHECK (source <> ''),
    CHECK (substr(opened_at, 1, 4) = CAST(year AS TEXT)),
    CHECK (solved_at >= substr(opened_at, 1, length(solved_at))),
    CHECK (closed_at >= substr(opened_at, 1, length(closed_at))),
    CHECK (closed_at >= substr(solved_at, 1, length(closed_at)))
) STRICT;
INSERT INTO work_order_rebuilt (id, year, vendor_id, project_id, category_id, unit_id, status, opened_at, solved_at,
                                closed_at, summary, solution, source)
    SELECT id, year, vendor_id, project_id, category_id, unit_id, status, opened_at, solved_at,
           closed_at, summary, solution, source FROM work_order;
DROP TABLE work_order;
ALTER TABLE work_order_rebuilt RENAME TO work_order;
CREATE INDEX work_order_totals ON work_order (year, vendor_id, category_id, project_id, unit_id, status, opened_at);

CREATE TABLE indicator_rebuilt (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
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
    counts_orders INTEGER NOT NULL DEFAULT 0 CHECK (counts_orders IN (0, 1)),
    vendor_id    INTEGER REFERENCES vendor (id) ON DELETE RESTRICT,
    category_id  INTEGER REFERENCES category (id) ON DELETE RESTRICT,
    CHECK (unit_id IS NOT NULL OR project_id IS NOT NULL),
    CHECK (category_id IS NULL OR counts_orders = 1),
    CHECK (vendor_id IS NULL OR counts_orders = 1),
    CHECK (actual IS NULL OR actual GLOB '[0-9]*' AND actual NOT GLOB '*[^0-9.]*')
) STRICT;
INSERT INTO indicator_rebuilt (id, year, unit_id, project_id, level1, level2, name, target_op, target, actual,
                               actual_bound, actual_text, measure, counts_orders, vendor_id, category_id)
    SELECT id, year, unit_id, project_id, level1, level2, name, target_op, target, actual,
           actual_bound, actual_text, measure, counts_orders, vendor_id, category_id FROM indicator;
DROP TABLE indicator;
ALTER TABLE indicator_rebuilt RENAME TO indicator;
CREATE INDEX indicator_year ON indicator (year, project_id);
CREATE INDEX indicator_project ON indicator (project_id);
CREATE INDEX indicator_category ON indicator (category_id);
CREATE INDEX indicator_vendor ON indicator (vendor_id);
CREATE INDEX indicator_unit ON indicator (unit_id);

CREATE TABLE finding_rebuilt (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    year    INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2999),
    unit_id INTEGER NOT NULL REFERENCES unit (id) ON DELETE RESTRICT,
    section TEXT NOT NULL CHECK (section IN ('duties', 'organisation', 'assets', 'problem', 'recommendation', 'data')),
    text    TEXT NOT NULL CHECK (length(trim(text)) > 0),
    source  TEXT
) STRICT;
INSERT INTO finding_rebuilt (id, year, unit_id, section, text, source) SELECT id, year, unit_id, section, text, source FROM finding;
DROP TABLE finding;
ALTER TABLE finding_rebuilt RENAME TO finding;
CREATE INDEX finding_year ON finding (year, unit_id, section);
CREATE INDEX finding_unit ON finding (unit_id);

-- An import batch sets record_id and last_record_id to the first and last id it created.
CREATE TABLE history_rebuilt (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    at             TEXT NOT NULL,
    actor          TEXT NOT NULL,
    action         TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'batch')),
    kind           TEXT NOT NULL,
    record_id      INTEGER,
    last_record_id INTEGER CHECK (last_record_id IS NULL OR action = 'batch' AND last_record_id >= record_id),
    old_values     TEXT CHECK (old_values IS NULL OR json_valid(old_values)),
    new_values     TEXT CHECK (new_values IS NULL OR json_valid(new_values)),
    note           TEXT
) STRICT;
INSERT INTO history_rebuilt (id, at, actor, action, kind, record_id, old_values, new_values, note)
    SELECT id, at, actor, action, kind, record_id, old_values, new_values, note FROM history;
DROP TABLE history;
ALTER TABLE history_rebuilt RENAME TO history;
CREATE INDEX history_record ON history (kind, record_id);
CREATE INDEX history_batch ON history (kind, record_id) WHERE action = 'batch';

-- Each counter starts above the highest id the kind ever had, in its table or its history.
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence (name, seq)
    SELECT t.name, max(coalesce((SELECT max(record_id) FROM history AS h WHERE h.kind = t.kind), 0), t.top)
    FROM (SELECT 'unit' AS name, 'unit' AS kind, (SELECT coalesce(max(id), 0) FROM unit) AS top
          UNION ALL SELECT 'vendor', 'vendor', (SELECT coalesce(max(id), 0) FROM vendor)
          UNION ALL SELECT 'project', 'project', (SELECT coalesce(max(id), 0) FROM project)
          UNION ALL SELECT 'budget_line', 'budget', (SELECT coalesce(max(id), 0) FROM budget_line)
          UNION ALL SELECT 'category', 'category', (SELECT coalesce(max(id), 0) FROM category)
          UNION ALL SELECT 'work_order', 'order', (SELECT coalesce(max(id), 0) FROM work_order)
          UNION ALL SELECT 'indicator', 'indicator', (SELECT coalesce(max(id), 0) FROM indicator)
          UNION ALL SELECT 'finding', 'finding', (SELECT coalesce(max(id), 0) FROM finding)
          UNION ALL SELECT 'history', '', (SELECT coalesce(max(id), 0) FROM history)) AS t;

PRAGMA application_id = 1146241841;
