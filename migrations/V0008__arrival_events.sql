-- A record can arrive with a status past its lifecycle's start: an imported order already
-- solved, an `order add --status closed`. Each such arrival leaves an event (from_status NULL:
-- it had no status in drc before; action `import`, `add` or `seed`: how it arrived). Its `at`
-- is the record's own time for that status when it keeps one (solved_at, closed_at), else
-- unknown: NULL, never an invented time. So `at` may now be NULL; the table is rebuilt for it
-- (create, copy, drop, rename), its ids kept and its counter carried over.
CREATE TABLE status_event_rebuilt (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    kind        TEXT NOT NULL,
    record_id   INTEGER NOT NULL,
    action      TEXT NOT NULL,
    from_status TEXT,
    to_status   TEXT NOT NULL,
    at          TEXT CHECK (at IS NULL OR length(at) IN (10, 16)),
    actor       TEXT NOT NULL,
    recorded_at TEXT NOT NULL
) STRICT;
INSERT INTO status_event_rebuilt (id, kind, record_id, action, from_status, to_status, at, actor, recorded_at)
    SELECT id, kind, record_id, action, from_status, to_status, at, actor, recorded_at FROM status_event ORDER BY id;
DELETE FROM sqlite_sequence WHERE name = 'status_event_rebuilt';
INSERT INTO sqlite_sequence (name, seq) SELECT 'status_event_rebuilt', seq FROM sqlite_sequence WHERE name = 'status_event';
DROP TABLE status_event;
ALTER TABLE status_event_rebuilt RENAME TO status_event;
CREATE INDEX status_event_record ON status_event (kind, record_id, id);
