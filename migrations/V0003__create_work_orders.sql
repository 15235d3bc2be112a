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
    year        INTEGER NOT NULL CHECK (year >= 1949 AND year <= 2999),
    vendor_id   INTEGER NOT NULL REFERENCES vendor (id) ON DELETE RESTRICT,
    project_id  INTEGER REFERENCES project (id) ON DELETE RESTRICT,
    category_id INTEGER NOT NULL REFERENCES category (id) ON DELETE RESTRICT,
    unit_id     INTEGER REFERENCES unit (id) ON DELETE RESTRICT,
    -- Comparisons chained with OR: an IN list here costs several times more per row.
    status      TEXT NOT NULL DEFAULT 'new' CHECK (status = 'closed' OR status = 'new' OR status = 'assigned'
                                                   OR status = 'pending' OR status = 'solved' OR status = 'cancelled'),
    opened_at   TEXT CHECK (length(opened_at) IN (10, 16)),
    solved_at   TEXT CHECK (length(solved_at) IN (10, 16)),
    closed_at   TEXT CHECK (length(closed_at) IN (10, 16)),
    summary     TEXT,
    solution    TEXT,
    source      TEXT NOT NULL CHECK (source <> ''),
    -- The opened date falls in the order's year; solved and closed do not precede it
    -- (compared to the coarser of the two, so a date-only close on the opening day is fine).
    CHECK (substr(opened_at, 1, 4) = CAST(year AS TEXT)),
    CHECK (solved_at >= substr(opened_at, 1, length(solved_at))),
    CHECK (closed_at >= substr(opened_at, 1, length(closed_at))),
    CHECK (closed_at >= substr(solved_at, 1, length(closed_at)))
) STRICT;
-- One covering index answers every yearly total (by vendor, category, project, unit, status
-- or month) from the year's entries alone. Foreign-key lookups from a deleted vendor or
-- category scan the table instead: deletes are rare, and each extra index slows every import.
CREATE INDEX work_order_totals ON work_order (year, vendor_id, category_id, project_id, unit_id, status, opened_at);
