-- Work-order categories (服务类别), e.g. 全区网络故障.
CREATE TABLE category (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    description TEXT
) STRICT;

-- Work orders (工单): one service a vendor gave. Records backfilled from a yearly report carry
-- their year only; timestamps are local 'YYYY-MM-DD', or 'YYYY-MM-DD HH:MM' when the time is known.
CREATE TABLE work_order (
    id          INTEGER PRIMARY KEY,
    year        INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2999),
    vendor_id   INTEGER NOT NULL REFERENCES vendor (id) ON DELETE RESTRICT,
    project_id  INTEGER REFERENCES project (id) ON DELETE RESTRICT,
    category_id INTEGER NOT NULL REFERENCES category (id) ON DELETE RESTRICT,
    unit_id     INTEGER REFERENCES unit (id) ON DELETE RESTRICT,
    status      TEXT NOT NULL DEFAULT 'new'
                CHECK (status IN ('new', 'assigned', 'pending', 'solved', 'closed', 'cancelled')),
    opened_at   TEXT CHECK (opened_at IS NULL OR opened_at GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' OR opened_at GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]'),
    solved_at   TEXT CHECK (solved_at IS NULL OR solved_at GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' OR solved_at GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]'),
    closed_at   TEXT CHECK (closed_at IS NULL OR closed_at GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' OR closed_at GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]'),
    summary     TEXT,
    solution    TEXT,
    source      TEXT NOT NULL CHECK (length(trim(source)) > 0),
    CHECK (opened_at IS NULL OR CAST(substr(opened_at, 1, 4) AS INTEGER) = year),
    -- Later timestamps may not precede earlier ones (compared to the coarser of the two).
    CHECK (solved_at IS NULL OR opened_at IS NULL OR substr(solved_at, 1, min(length(solved_at), length(opened_at))) >= substr(opened_at, 1, min(length(solved_at), length(opened_at)))),
    CHECK (closed_at IS NULL OR opened_at IS NULL OR substr(closed_at, 1, min(length(closed_at), length(opened_at))) >= substr(opened_at, 1, min(length(closed_at), length(opened_at)))),
    CHECK (closed_at IS NULL OR solved_at IS NULL OR substr(closed_at, 1, min(length(closed_at), length(solved_at))) >= substr(solved_at, 1, min(length(closed_at), length(solved_at))))
) STRICT;
-- Managers' questions are yearly counts; each index leads with year and covers its question.
CREATE INDEX work_order_year_vendor ON work_order (year, vendor_id, category_id, status);
CREATE INDEX work_order_year_project ON work_order (year, project_id, category_id);
CREATE INDEX work_order_year_unit ON work_order (year, unit_id);
CREATE INDEX work_order_year_month ON work_order (year, opened_at);
-- Foreign-key checks on delete look orders up by each reference.
CREATE INDEX work_order_vendor ON work_order (vendor_id);
CREATE INDEX work_order_category ON work_order (category_id);
CREATE INDEX work_order_project ON work_order (project_id);
CREATE INDEX work_order_unit ON work_order (unit_id);
