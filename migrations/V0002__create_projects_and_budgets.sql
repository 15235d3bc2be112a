-- Projects (项目): owned by a unit, running over one or more years, served by vendors.
CREATE TABLE project (
    id          INTEGER PRIMARY KEY,
    code        TEXT UNIQUE CHECK (code IS NULL OR length(trim(code)) > 0),
    name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    unit_id     INTEGER REFERENCES unit (id) ON DELETE RESTRICT,
    first_year  INTEGER CHECK (first_year IS NULL OR first_year BETWEEN 1949 AND 2999),
    last_year   INTEGER CHECK (last_year IS NULL OR last_year BETWEEN 1949 AND 2999),
    description TEXT,
    CHECK (first_year IS NULL OR last_year IS NULL OR first_year <= last_year)
) STRICT;
CREATE INDEX project_unit ON project (unit_id);

-- Which vendors serve a project. Deleting the project drops the links; a vendor that serves a
-- project cannot be deleted.
CREATE TABLE project_vendor (
    project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    vendor_id  INTEGER NOT NULL REFERENCES vendor (id) ON DELETE RESTRICT,
    PRIMARY KEY (project_id, vendor_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX project_vendor_vendor ON project_vendor (vendor_id);

-- Budget lines (预算/决算). Amounts are integer fen; NULL means unknown, never zero.
-- A line may break down another ("其中"): parent_id points at the line it is part of, and the
-- parent's breakdown says whether its parts are all listed ('complete') or only some ('partial').
CREATE TABLE budget_line (
    id               INTEGER PRIMARY KEY,
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
CREATE INDEX budget_line_parent ON budget_line (parent_id);
CREATE INDEX budget_line_unit ON budget_line (unit_id);
