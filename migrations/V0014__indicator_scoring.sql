-- 自评 scoring (自评表): an indicator's 分值 (weight); for a 定性 one its grade (达成, 部分达成,
-- 未达成) and the score given by hand within that grade's band, which for any other indicator
-- overrides the formula; 偏差原因分析及改进措施, required wherever an indicator falls short; and
-- whether its actual is the budget execution rate (预算执行率), computed from the budget lines.
ALTER TABLE indicator ADD COLUMN weight TEXT
    CHECK (weight IS NULL OR weight GLOB '[0-9]*' AND weight NOT GLOB '*[^0-9.]*');
ALTER TABLE indicator ADD COLUMN grade TEXT CHECK (grade IS NULL OR grade IN ('achieved', 'partly', 'missed'));
ALTER TABLE indicator ADD COLUMN score_given TEXT
    CHECK (score_given IS NULL OR score_given GLOB '[0-9]*' AND score_given NOT GLOB '*[^0-9.]*');
ALTER TABLE indicator ADD COLUMN deviation TEXT;
ALTER TABLE indicator ADD COLUMN budget_execution INTEGER NOT NULL DEFAULT 0 CHECK (budget_execution IN (0, 1));
