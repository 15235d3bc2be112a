-- Status events (状态变更): every status change of a record, appended and never edited. `at` is
-- when it happened in local time ('YYYY-MM-DD' or 'YYYY-MM-DD HH:MM', as the clerk gave it or as
-- the clock read it); `recorded_at` is when drc wrote it, with its UTC offset. Response, pending
-- and fix times are computed from these; a reopened order keeps its earlier events.
CREATE TABLE status_event (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    kind        TEXT NOT NULL,
    record_id   INTEGER NOT NULL,
    action      TEXT NOT NULL,
    from_status TEXT,
    to_status   TEXT NOT NULL,
    at          TEXT NOT NULL CHECK (length(at) IN (10, 16)),
    actor       TEXT NOT NULL,
    recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX status_event_record ON status_event (kind, record_id, id);

-- Status changes made before this migration, from their history entries. A solve or close
-- happened at its stamp; the others when they were recorded (in this machine's local time).
INSERT INTO status_event (kind, record_id, action, from_status, to_status, at, actor, recorded_at)
    SELECT 'order', record_id, note, json_extract(old_values, '$.status'), json_extract(new_values, '$.status'),
           CASE note WHEN 'solve' THEN json_extract(new_values, '$.solved_at')
                     WHEN 'close' THEN json_extract(new_values, '$.closed_at')
                     ELSE strftime('%Y-%m-%d %H:%M', at, 'localtime') END,
           actor, at
    FROM history
    WHERE kind = 'order' AND action = 'update' AND note IN ('assign', 'pend', 'solve', 'close', 'cancel', 'reopen')
    ORDER BY id;
