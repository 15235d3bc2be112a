-- Indexes the procurement loop's questions need at scale (bench/loop.py): a contract's
-- supplements (R6 and the ledger read contract by parent_id; without an index each contract
-- scanned every contract, which made `check` grow with the square of the contracts), a
-- contract's work orders (R3, and the foreign-key check when a contract is deleted), and
-- the purchases and payments of a budget line (the ledger per budget line, R7).
CREATE INDEX contract_parent ON contract (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX work_order_contract ON work_order (contract_id) WHERE contract_id IS NOT NULL;
CREATE INDEX procurement_budget_line ON procurement (budget_line_id) WHERE budget_line_id IS NOT NULL;
CREATE INDEX payment_budget_line ON payment (budget_line_id) WHERE budget_line_id IS NOT NULL;
