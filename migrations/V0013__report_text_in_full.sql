-- The evaluation's words are kept whole: beside its duties, organisation, assets, problems and
-- recommendations, a finding may now be the scope of the year's spending (一（二）: 涉及…) or
-- a paragraph of 五 (performance); any finding may name the project it is about. The table is rebuilt for the
-- new sections and the project column (create, copy, drop, rename), its ids and counter kept.
CREATE TABLE finding_rebuilt (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    year       INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2999),
    unit_id    INTEGER NOT NULL REFERENCES unit (id) ON DELETE RESTRICT,
    section    TEXT NOT NULL CHECK (section IN ('duties', 'scope', 'organisation', 'assets', 'performance',
                                                'problem', 'recommendation', 'data')),
    project_id INTEGER REFERENCES project (id) ON DELETE RESTRICT,
    text       TEXT NOT NULL CHECK (length(trim(text)) > 0),
    source     TEXT
) STRICT;
INSERT INTO finding_rebuilt (id, year, unit_id, section, text, source)
    SELECT id, year, unit_id, section, text, source FROM finding ORDER BY id;
DELETE FROM sqlite_sequence WHERE name = 'finding_rebuilt';
INSERT INTO sqlite_sequence (name, seq) SELECT 'finding_rebuilt', seq FROM sqlite_sequence WHERE name = 'finding';
DROP TABLE finding;
ALTER TABLE finding_rebuilt RENAME TO finding;
CREATE INDEX finding_year ON finding (year, unit_id, section);
CREATE INDEX finding_unit ON finding (unit_id);
CREATE INDEX finding_project ON finding (project_id) WHERE project_id IS NOT NULL;
