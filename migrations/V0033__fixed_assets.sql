-- 固定资产卡片 (fixed-asset cards) and 盘点 (inventories), so the report's 四、资产管理情况 is
-- written from data and the loop's last step (R15's asset half, R16) can be checked: each card
-- names the contract, acceptance, invoice and booking that brought it.
CREATE TABLE asset (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    number        TEXT NOT NULL UNIQUE CHECK (length(trim(number)) > 0),
    name          TEXT NOT NULL,
    class         TEXT,
    acquired_by   TEXT CHECK (acquired_by IN ('purchase', 'transfer', 'donation', 'self-built', 'other')),
    contract_id   INTEGER REFERENCES contract (id) ON DELETE RESTRICT,
    acceptance_id INTEGER REFERENCES acceptance (id) ON DELETE RESTRICT,
    vendor_id     INTEGER REFERENCES vendor (id) ON DELETE RESTRICT,
    invoice_id    INTEGER REFERENCES invoice (id) ON DELETE RESTRICT,
    value_fen     INTEGER,
    booking_id    INTEGER REFERENCES booking (id) ON DELETE RESTRICT,
    booked_on     TEXT,
    department    TEXT,
    holder        TEXT,
    location      TEXT,
    status        TEXT NOT NULL DEFAULT 'in-use' CHECK (status IN ('in-use', 'idle', 'under-repair', 'disposed'))
) STRICT;
CREATE INDEX asset_contract ON asset (contract_id) WHERE contract_id IS NOT NULL;

-- 盘点: one count of the assets on a day; each line a card's number, found or not, and where.
CREATE TABLE inventory (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    number   TEXT NOT NULL UNIQUE CHECK (length(trim(number)) > 0),
    taken_on TEXT NOT NULL,
    note     TEXT
) STRICT;

CREATE TABLE inventory_item (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    inventory_id INTEGER NOT NULL REFERENCES inventory (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    asset        TEXT NOT NULL,
    found        INTEGER CHECK (found IN (0, 1)),
    location     TEXT
) STRICT;
CREATE INDEX inventory_item_inventory ON inventory_item (inventory_id, position);
