-- A remote fix (远程处理): the vendor restored the service without going on site, so no arrival
-- is expected. Until now a remote fix and an arrival time nobody recorded were the same NULL
-- arrived_at; the flag tells them apart. A remote fix has no arrival time (the CHECK).
ALTER TABLE work_order ADD COLUMN remote INTEGER NOT NULL DEFAULT 0
    CHECK (remote IN (0, 1) AND (remote = 0 OR arrived_at IS NULL));

-- Compliance counts the remote fixes beside the measured arrivals, read from the totals' index
-- as every other service-level figure is (bench/README, "Service levels at scale").
DROP INDEX work_order_totals;
CREATE INDEX work_order_totals ON work_order (year, vendor_id, category_id, project_id, unit_id, status, opened_at,
    sla_policy_id, response_minutes, response_met, arrival_minutes, arrival_met, fix_minutes, fix_met, remote);
