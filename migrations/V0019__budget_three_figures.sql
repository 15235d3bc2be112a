-- Budget lines carry the three figures of the 自评表 (财预〔2020〕10号):
--   budget_fen    年初预算数, the budget at the start of the year (as before);
--   adjusted_fen  全年预算数, the budget after the year's adjustments: new, NULL when no
--                 adjustment is recorded, and the 年初预算数 then stands for it;
--   final_fen     全年执行数, the 决算, what was spent (as before).
-- No stored figure changes column or meaning: until now a line held the start-of-year budget
-- and what was spent, and it still does. 执行率 = 全年执行数 ÷ 全年预算数.
-- adjustment_note says why the 全年预算数 differs from the 年初预算数 (`check` asks for one).
-- project_id is the project a line funds: a project's 预算执行率 is computed from its own lines.
ALTER TABLE budget_line ADD COLUMN adjusted_fen INTEGER CHECK (adjusted_fen IS NULL OR adjusted_fen >= 0);
ALTER TABLE budget_line ADD COLUMN adjustment_note TEXT;
ALTER TABLE budget_line ADD COLUMN project_id INTEGER REFERENCES project (id) ON DELETE RESTRICT;
CREATE INDEX budget_line_project ON budget_line (project_id) WHERE project_id IS NOT NULL;
