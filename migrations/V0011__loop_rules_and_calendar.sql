-- The 疑点 checks' settings and the working-day calendar, as data (not constants in code).
-- Each setting is a whole number; the defaults below are documented in README.md and come from
-- the law cited in `basis` (thresholds are the 2020 local guideline: confirm the province's).

CREATE TABLE rule_setting (
    id    INTEGER PRIMARY KEY AUTOINCREMENT,
    name  TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    value INTEGER NOT NULL CHECK (value >= 0),
    basis TEXT,
    note  TEXT
) STRICT;

INSERT INTO rule_setting (name, value, basis, note) VALUES
    ('tender_threshold_wan', 200, '条例第28条；法第27条', '公开招标数额（万元）：货物、服务'),
    ('contract_days', 30, '政府采购法第46条', '中标通知后签订合同的期限（日）'),
    ('publication_working_days', 2, '实施条例第50条', '合同签订后公告的期限（工作日）'),
    ('filing_working_days', 7, '政府采购法第47条', '合同签订后备案的期限（工作日）'),
    ('supplement_percent', 10, '政府采购法第49条', '补充合同合计不超过原合同金额的百分比'),
    ('acceptance_due_days', 30, '实施条例第45条', '履约结束后应完成验收的期限（日）'),
    ('booking_due_days', 30, '内控规范（财会〔2012〕21号）', '支付后应入账的期限（日）'),
    ('open_loop_days', 180, '2020年评价报告建议：形成闭环', '合同签订后闭环未完成的提示期限（日）');

-- The working-day calendar: weekends are not working days unless listed as 'workday' (调休上班);
-- weekdays are working days unless listed as 'holiday'. Imported each year from the State
-- Council's notice (drc import calendar FILE).
CREATE TABLE calendar_day (
    id   INTEGER PRIMARY KEY AUTOINCREMENT,
    day  TEXT NOT NULL UNIQUE CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
    note TEXT
) STRICT;
