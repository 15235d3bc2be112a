-- 人员 (the centre's staff): a register of the people the loop names, so R12's 不相容岗位 compares
-- people, not what was typed. Filled from the distinct names already stored (a procurement's and a
-- contract's handler, acceptance members, a payment's applicant and approver), each name once with
-- its surrounding spaces (ASCII, tab, newline, the ideographic space) trimmed; post and office are
-- left for the centre to fill in. The typed text in those records is kept as it was.
CREATE TABLE staff (
    id     INTEGER PRIMARY KEY AUTOINCREMENT,
    name   TEXT NOT NULL UNIQUE CHECK (length(trim(name, char(32, 9, 10, 13, 12288))) > 0),
    post   TEXT,
    office TEXT,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    note   TEXT
) STRICT;

INSERT INTO staff (name)
SELECT name FROM (
    SELECT trim(handler, char(32, 9, 10, 13, 12288)) AS name, 1 AS source, id FROM procurement
    UNION ALL SELECT trim(handler, char(32, 9, 10, 13, 12288)), 2, id FROM contract
    UNION ALL SELECT trim(person, char(32, 9, 10, 13, 12288)), 3, id FROM acceptance_member
    UNION ALL SELECT trim(applicant, char(32, 9, 10, 13, 12288)), 4, id FROM payment
    UNION ALL SELECT trim(approver, char(32, 9, 10, 13, 12288)), 5, id FROM payment
)
WHERE name IS NOT NULL AND name <> ''
GROUP BY name ORDER BY min(source * 1000000000 + id);
