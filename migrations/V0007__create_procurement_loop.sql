-- The procurement loop (从采购到验收入账): a purchase, its contract and payment stages, the
-- acceptance with its members and items, the vendor's invoices, the payments and their
-- booking. Amounts are fen. Dates are 'YYYY-MM-DD' (or with a time). Nothing here is seeded:
-- the 2020 report holds no procurement records.

-- 采购: one purchase, by one method, under a project and a budget line.
CREATE TABLE procurement (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    code            TEXT UNIQUE,
    name            TEXT NOT NULL,
    year            INTEGER NOT NULL,
    project_id      INTEGER REFERENCES project (id) ON DELETE RESTRICT,
    budget_line_id  INTEGER REFERENCES budget_line (id) ON DELETE RESTRICT,
    item            TEXT,
    method          TEXT NOT NULL,
    method_reason   TEXT,
    method_approval TEXT,
    budget_fen      INTEGER,
    notice_on       TEXT,
    award_on        TEXT,
    handler         TEXT,
    vendor_id       INTEGER REFERENCES vendor (id) ON DELETE RESTRICT,
    award_fen       INTEGER
) STRICT;
CREATE INDEX procurement_year ON procurement (year);

-- 合同: signed with a vendor, perhaps under a purchase; a supplementary contract names its parent.
CREATE TABLE contract (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    number         TEXT NOT NULL UNIQUE,
    name           TEXT,
    procurement_id INTEGER REFERENCES procurement (id) ON DELETE RESTRICT,
    vendor_id      INTEGER NOT NULL REFERENCES vendor (id) ON DELETE RESTRICT,
    project_id     INTEGER REFERENCES project (id) ON DELETE RESTRICT,
    amount_fen     INTEGER NOT NULL,
    signed_on      TEXT,
    published_on   TEXT,
    filed_on       TEXT,
    starts_on      TEXT,
    ends_on        TEXT,
    parent_id      INTEGER REFERENCES contract (id) ON DELETE RESTRICT,
    handler        TEXT
) STRICT;
CREATE INDEX contract_vendor ON contract (vendor_id);
CREATE INDEX contract_procurement ON contract (procurement_id);

-- A contract's payment stages (付款阶段), part of the contract: an amount or a share, and the
-- condition that makes it due (验收合格 …).
CREATE TABLE contract_stage (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    contract_id INTEGER NOT NULL REFERENCES contract (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    stage       TEXT NOT NULL,
    amount_fen  INTEGER,
    share       TEXT,
    condition   TEXT
) STRICT;
CREATE INDEX contract_stage_contract ON contract_stage (contract_id, position);

-- 验收: one acceptance of a contract (or of one of its stages), with its members and items.
CREATE TABLE acceptance (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    contract_id INTEGER NOT NULL REFERENCES contract (id) ON DELETE RESTRICT,
    stage       TEXT,
    accepted_on TEXT,
    conclusion  TEXT,
    document    TEXT
) STRICT;
CREATE INDEX acceptance_contract ON acceptance (contract_id);

CREATE TABLE acceptance_member (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    acceptance_id INTEGER NOT NULL REFERENCES acceptance (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    person        TEXT NOT NULL,
    role          TEXT,
    signed        INTEGER CHECK (signed IN (0, 1))
) STRICT;
CREATE INDEX acceptance_member_acceptance ON acceptance_member (acceptance_id, position);

CREATE TABLE acceptance_item (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    acceptance_id INTEGER NOT NULL REFERENCES acceptance (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    standard      TEXT NOT NULL,
    required      TEXT,
    observed      TEXT,
    passed        INTEGER CHECK (passed IN (0, 1))
) STRICT;
CREATE INDEX acceptance_item_acceptance ON acceptance_item (acceptance_id, position);

-- 发票: a vendor's invoice; its number is unique per vendor.
CREATE TABLE invoice (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    vendor_id   INTEGER NOT NULL REFERENCES vendor (id) ON DELETE RESTRICT,
    number      TEXT NOT NULL,
    issued_on   TEXT,
    amount_fen  INTEGER NOT NULL,
    contract_id INTEGER REFERENCES contract (id) ON DELETE RESTRICT,
    UNIQUE (vendor_id, number)
) STRICT;
CREATE INDEX invoice_contract ON invoice (contract_id);

-- 支付: a payment under a contract. Once paid it stands: corrected by a reversing entry (which
-- names it in reverses_id and carries its amount negated), never edited or deleted.
CREATE TABLE payment (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    contract_id    INTEGER NOT NULL REFERENCES contract (id) ON DELETE RESTRICT,
    stage          TEXT,
    applicant      TEXT,
    approver       TEXT,
    applied_on     TEXT,
    approved_on    TEXT,
    paid_on        TEXT,
    amount_fen     INTEGER NOT NULL,
    budget_line_id INTEGER REFERENCES budget_line (id) ON DELETE RESTRICT,
    voucher        TEXT,
    reverses_id    INTEGER UNIQUE REFERENCES payment (id) ON DELETE RESTRICT
) STRICT;
CREATE INDEX payment_contract ON payment (contract_id);

-- The invoices a payment pays.
CREATE TABLE payment_invoice (
    payment_id INTEGER NOT NULL REFERENCES payment (id) ON DELETE CASCADE,
    invoice_id INTEGER NOT NULL REFERENCES invoice (id) ON DELETE RESTRICT,
    PRIMARY KEY (payment_id, invoice_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX payment_invoice_invoice ON payment_invoice (invoice_id);

-- 入账: a bookkeeping voucher (记账凭证) and the payments it books; a payment is booked once.
CREATE TABLE booking (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    voucher   TEXT NOT NULL UNIQUE,
    booked_on TEXT
) STRICT;

CREATE TABLE booking_payment (
    booking_id INTEGER NOT NULL REFERENCES booking (id) ON DELETE CASCADE,
    payment_id INTEGER NOT NULL UNIQUE REFERENCES payment (id) ON DELETE RESTRICT,
    PRIMARY KEY (booking_id, payment_id)
) STRICT, WITHOUT ROWID;
