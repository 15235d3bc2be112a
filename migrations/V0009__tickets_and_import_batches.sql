-- Work orders carry the vendor's own ticket number (工单号), who asked (报修人) and how to reach
-- them (联系电话), and may name their contract (合同). A ticket is unique per vendor when given:
-- the key that tells a re-sent row from a new one, so a vendor file imported twice is never
-- counted twice.
ALTER TABLE work_order ADD COLUMN ticket TEXT CHECK (ticket IS NULL OR length(trim(ticket)) > 0);
ALTER TABLE work_order ADD COLUMN requester TEXT;
ALTER TABLE work_order ADD COLUMN phone TEXT;
ALTER TABLE work_order ADD COLUMN contract_id INTEGER REFERENCES contract (id) ON DELETE RESTRICT;
CREATE UNIQUE INDEX work_order_ticket ON work_order (vendor_id, ticket) WHERE ticket IS NOT NULL;

-- Every import that writes is a batch: which file (its name and the SHA-256 of its bytes, so the
-- same content is recognised under any name and in any format), when, by whom, into which kind,
-- what it did, and the range of ids it created (ids are never reused, so the range is exact).
-- An undone batch keeps its row, marked, so the list shows what happened and the file may be
-- imported again.
CREATE TABLE import_batch (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    kind        TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    fingerprint TEXT NOT NULL CHECK (length(fingerprint) = 64),
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    first_id    INTEGER,
    last_id     INTEGER,
    added       INTEGER NOT NULL DEFAULT 0 CHECK (added >= 0),
    unchanged   INTEGER NOT NULL DEFAULT 0 CHECK (unchanged >= 0),
    updated     INTEGER NOT NULL DEFAULT 0 CHECK (updated >= 0),
    rejected    INTEGER NOT NULL DEFAULT 0 CHECK (rejected >= 0),
    -- The batch's history entry: a change recorded after it is a later change.
    history_id  INTEGER NOT NULL REFERENCES history (id),
    undone_at   TEXT,
    undone_by   TEXT,
    CHECK ((first_id IS NULL) = (last_id IS NULL) AND (first_id IS NULL OR first_id <= last_id))
) STRICT;
CREATE INDEX import_batch_fingerprint ON import_batch (fingerprint);

-- The records a batch updated (`import --update`), each with the history entry that keeps its
-- values from before, so an undo can put them back.
CREATE TABLE import_batch_update (
    batch_id   INTEGER NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
    record_id  INTEGER NOT NULL,
    history_id INTEGER NOT NULL REFERENCES history (id),
    PRIMARY KEY (batch_id, record_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX import_batch_update_history ON import_batch_update (history_id);
