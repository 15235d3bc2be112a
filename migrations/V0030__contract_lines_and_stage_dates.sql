-- Every contract's money on its budget line, and a schedule the open-loop rule can read.
--
-- A contract names the budget line it is paid from: directly (a contract below the threshold
-- has no purchase to take it from), else through its purchase, else (a 补充合同) through its
-- parent. Before this, a contract without a purchase, and every supplementary contract, was on
-- no line: R7 missed it and budget totals left it out while loop and the report counted it.
ALTER TABLE contract ADD COLUMN budget_line_id INTEGER REFERENCES budget_line (id) ON DELETE RESTRICT;
CREATE INDEX contract_budget_line ON contract (budget_line_id) WHERE budget_line_id IS NOT NULL;

-- A payment stage's scheduled day (应付日期): R20 measures an open loop from the day each part
-- of a contract falls due (the stage's day, else the contract's end), not from signing, so a
-- multi-year service contract on schedule is not flagged.
ALTER TABLE contract_stage ADD COLUMN due_on TEXT;

UPDATE rule_setting SET note = '合同结束或付款阶段到期后闭环（入账）仍未完成的提示期限（日）；无结束日期和阶段日期时自签订日起算'
WHERE name = 'open_loop_days';

-- The line each contract's money is on, and so the year it belongs to, defined once: its own
-- line, else its purchase's, else its parent's (the parent's own, else the parent's
-- purchase's). The year is that line's year, else the purchase's (or the parent's purchase's),
-- else the year it was signed. The ledger, `loop`, `check` and the report all read this view.
CREATE VIEW contract_money_line AS
SELECT c.id AS contract_id,
       coalesce(c.budget_line_id, pr.budget_line_id, pc.budget_line_id, ppr.budget_line_id) AS budget_line_id,
       coalesce(bl.year, pr.year, ppr.year, CAST(substr(c.signed_on, 1, 4) AS INTEGER)) AS year
FROM contract AS c
LEFT JOIN procurement AS pr ON pr.id = c.procurement_id
LEFT JOIN contract AS pc ON pc.id = c.parent_id
LEFT JOIN procurement AS ppr ON ppr.id = pc.procurement_id
LEFT JOIN budget_line AS bl ON bl.id = coalesce(c.budget_line_id, pr.budget_line_id, pc.budget_line_id, ppr.budget_line_id);
