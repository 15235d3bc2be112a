-- The fields the rest of DOMAIN.md §1.3's rules read.
--
-- R11: a 验收书 is signed by both sides (财库〔2016〕205号): whether the vendor signed it.
-- Unknown (NULL) is not "no"; only a recorded no is a 疑点.
ALTER TABLE acceptance ADD COLUMN vendor_signed INTEGER CHECK (vendor_signed IN (0, 1));

-- R18: a single-source purchase at or above the tender threshold is publicised (公示) for at
-- least 5 working days before it goes ahead (实施条例第38条): the publicity's first and last day.
ALTER TABLE procurement ADD COLUMN publicity_from TEXT;
ALTER TABLE procurement ADD COLUMN publicity_to TEXT;

-- R19: vendors competing in one purchase (its bidders) who share a 负责人, phone or email
-- (实施条例第18、74条): each vendor's contacts, and each purchase's bidders.
ALTER TABLE vendor ADD COLUMN principal TEXT;
ALTER TABLE vendor ADD COLUMN phone TEXT;
ALTER TABLE vendor ADD COLUMN email TEXT;

CREATE TABLE procurement_bidder (
    procurement_id INTEGER NOT NULL REFERENCES procurement (id) ON DELETE CASCADE,
    vendor_id      INTEGER NOT NULL REFERENCES vendor (id) ON DELETE RESTRICT,
    PRIMARY KEY (procurement_id, vendor_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX procurement_bidder_vendor ON procurement_bidder (vendor_id);

INSERT INTO rule_setting (name, value, basis, note) VALUES
    ('single_source_publicity_working_days', 5, '实施条例第38条', '单一来源采购（达到公开招标数额）公示期（工作日）');
