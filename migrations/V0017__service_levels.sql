-- Service levels (服务级别) of work orders, and the policies that set their limits.
--
-- An order's priority (紧急 urgent, 高 high, 中 medium, 低 low) and the times a service level
-- needs: responded (响应), arrived on site (到场; none for a remote fix) and restored (恢复).
-- Like the other times they are local 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM', never before the
-- opened time (compared to the coarser of the two).
ALTER TABLE work_order ADD COLUMN priority TEXT
    CHECK (priority IS NULL OR priority = 'urgent' OR priority = 'high' OR priority = 'medium' OR priority = 'low');
ALTER TABLE work_order ADD COLUMN responded_at TEXT
    CHECK (length(responded_at) IN (10, 16) AND responded_at >= substr(opened_at, 1, length(responded_at)));
ALTER TABLE work_order ADD COLUMN arrived_at TEXT
    CHECK (length(arrived_at) IN (10, 16) AND arrived_at >= substr(opened_at, 1, length(arrived_at)));
ALTER TABLE work_order ADD COLUMN restored_at TEXT
    CHECK (length(restored_at) IN (10, 16) AND restored_at >= substr(opened_at, 1, length(restored_at)));

-- What drc computes from those times, the order's status events and its policy, and stores
-- whenever any of them changes (ServiceLevelRecorder): the elapsed minutes of each measure on
-- the policy's clock less the time pending, and the policy's limit. NULL is unknown: no time
-- to the minute, or no policy. Met is minutes <= limit. Stored so a year's compliance by
-- vendor is one pass over an index, never a recomputation of every order.
ALTER TABLE work_order ADD COLUMN response_minutes INTEGER CHECK (response_minutes >= 0);
ALTER TABLE work_order ADD COLUMN arrival_minutes INTEGER CHECK (arrival_minutes >= 0);
ALTER TABLE work_order ADD COLUMN fix_minutes INTEGER CHECK (fix_minutes >= 0);
ALTER TABLE work_order ADD COLUMN response_limit INTEGER CHECK (response_limit > 0);
ALTER TABLE work_order ADD COLUMN arrival_limit INTEGER CHECK (arrival_limit > 0);
ALTER TABLE work_order ADD COLUMN fix_limit INTEGER CHECK (fix_limit > 0);
-- The policy the limits came from (no foreign key: removing a policy recomputes its orders).
ALTER TABLE work_order ADD COLUMN sla_policy_id INTEGER;

-- Service-level policies (服务级别策略): limits in minutes by priority, for every order, or
-- only a contract's, a vendor's, a category's (or a combination). The most specific policy
-- that matches an order wins: a contract's before a vendor's, either before one for all
-- vendors, and one naming the category before one that does not. Working hours ('08:30-17:30')
-- count only those minutes on working days (the calendar of migration 11); without them the
-- clock runs round the clock. Deductions are the 考核 points taken per breach, per measure.
CREATE TABLE sla_policy (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    name               TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    priority           TEXT NOT NULL CHECK (priority = 'urgent' OR priority = 'high' OR priority = 'medium' OR priority = 'low'),
    contract_id        INTEGER REFERENCES contract (id) ON DELETE RESTRICT,
    vendor_id          INTEGER REFERENCES vendor (id) ON DELETE RESTRICT,
    category_id        INTEGER REFERENCES category (id) ON DELETE RESTRICT,
    response_limit     INTEGER CHECK (response_limit > 0),
    arrival_limit      INTEGER CHECK (arrival_limit > 0),
    fix_limit          INTEGER CHECK (fix_limit > 0),
    hours              TEXT CHECK (hours IS NULL OR hours GLOB '[0-2][0-9]:[0-5][0-9]-[0-2][0-9]:[0-5][0-9]'),
    response_deduction TEXT NOT NULL DEFAULT '1' CHECK (response_deduction GLOB '[0-9]*' AND response_deduction NOT GLOB '*[^0-9.]*'),
    arrival_deduction  TEXT NOT NULL DEFAULT '1' CHECK (arrival_deduction GLOB '[0-9]*' AND arrival_deduction NOT GLOB '*[^0-9.]*'),
    fix_deduction      TEXT NOT NULL DEFAULT '1' CHECK (fix_deduction GLOB '[0-9]*' AND fix_deduction NOT GLOB '*[^0-9.]*'),
    basis              TEXT,
    note               TEXT
) STRICT;
CREATE UNIQUE INDEX sla_policy_scope ON sla_policy (priority, ifnull(contract_id, 0), ifnull(vendor_id, 0), ifnull(category_id, 0));

-- The default policy, one row per priority, for every vendor round the clock: the typical
-- tiers of ../shared/DOMAIN.md §4 (response 30 min / 2 h / 4 h / 1 day; on site within
-- 2 h / 4 h / 8 h, none required for a low-priority order; restored within 2 h / 4 h / 1 day /
-- 2 days) and one point per breach (未能按规定时限到达现场 −1 per case; faults not fixed in the
-- agreed time −1 each). Typical values, not the centre's own: edit them to its contracts'.
INSERT INTO sla_policy (name, priority, response_limit, arrival_limit, fix_limit, basis, note) VALUES
    ('默认-紧急', 'urgent', 30, 120, 120, '常见运维服务承诺：紧急故障30分钟响应、2小时内到场、2小时内解决', '系统瘫痪、业务中断'),
    ('默认-高', 'high', 120, 240, 240, '常见运维服务承诺：二级2小时响应、4小时内到场、4小时内修复', '部分业务受影响'),
    ('默认-中', 'medium', 240, 480, 1440, '常见运维服务承诺：三级4小时响应、8小时内到场、1天内修复', '单个用户或设备'),
    ('默认-低', 'low', 1440, NULL, 2880, '常见运维服务承诺：一般1日内响应、2日内修复', '咨询、预约类');

-- The totals' covering index (migration 3) carries the service levels too, so a year's
-- compliance by vendor, category, project, unit, status or month is read from the year's index
-- entries alone, and an import keeps one index current, not two.
DROP INDEX work_order_totals;
CREATE INDEX work_order_totals ON work_order (year, vendor_id, category_id, project_id, unit_id, status, opened_at,
    sla_policy_id, response_minutes, response_limit, arrival_minutes, arrival_limit, fix_minutes, fix_limit);
