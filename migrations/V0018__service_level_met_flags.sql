-- Whether each order met its service level, per measure, stored beside the minutes and the
-- limit it follows from: 1 met (minutes <= limit), 0 breached, NULL not measured (either is
-- unknown). A year's compliance by vendor is then a count and a sum of one column per measure,
-- read from the totals' index, instead of two columns compared for every order: on 10M orders
-- that comparison was most of `totals --measure sla` (bench/README, "Service levels at scale").
--
-- The CHECK keeps each flag what it follows from, whoever writes the row. SQLite tests a new
-- column's CHECK against the rows already there, so the measured orders' minutes step aside
-- while the columns are added and come back with their flags.
DROP INDEX work_order_totals;

CREATE TEMP TABLE measured_order AS
    SELECT id, response_minutes, arrival_minutes, fix_minutes FROM work_order
    WHERE response_minutes IS NOT NULL OR arrival_minutes IS NOT NULL OR fix_minutes IS NOT NULL;
UPDATE work_order SET response_minutes = NULL, arrival_minutes = NULL, fix_minutes = NULL
    WHERE id IN (SELECT id FROM measured_order);

ALTER TABLE work_order ADD COLUMN response_met INTEGER CHECK (response_met IS (response_minutes <= response_limit));
ALTER TABLE work_order ADD COLUMN arrival_met INTEGER CHECK (arrival_met IS (arrival_minutes <= arrival_limit));
ALTER TABLE work_order ADD COLUMN fix_met INTEGER CHECK (fix_met IS (fix_minutes <= fix_limit));

UPDATE work_order SET
    response_minutes = m.response_minutes, response_met = m.response_minutes <= work_order.response_limit,
    arrival_minutes = m.arrival_minutes, arrival_met = m.arrival_minutes <= work_order.arrival_limit,
    fix_minutes = m.fix_minutes, fix_met = m.fix_minutes <= work_order.fix_limit
    FROM measured_order AS m WHERE m.id = work_order.id;
DROP TABLE measured_order;

-- The totals' covering index carries the flags in place of the limits, which nothing read
-- from it but to compare.
CREATE INDEX work_order_totals ON work_order (year, vendor_id, category_id, project_id, unit_id, status, opened_at,
    sla_policy_id, response_minutes, response_met, arrival_minutes, arrival_met, fix_minutes, fix_met);
