-- A payment stage's condition as a typed choice (付款条件类型), with the free text beside it:
-- R8 read "验收" in the text, so "终验合格后支付" was missed and a stage due "on acceptance" in
-- other words was never checked. Existing conditions are mapped by their words, each to one
-- kind only when its words point to exactly one; the rest stay unclassified (NULL) and
-- `check` lists them (付款条件未分类) for a person to choose.
ALTER TABLE contract_stage ADD COLUMN condition_kind TEXT
    CHECK (condition_kind IS NULL OR condition_kind IN
           ('signing', 'acceptance', 'final-acceptance', 'monthly', 'quarterly', 'invoice', 'other'));

UPDATE contract_stage SET condition_kind = (
    SELECT CASE WHEN count(*) = 1 THEN max(kind) END FROM (
        SELECT 'final-acceptance' AS kind
            WHERE condition LIKE '%终验%' OR condition LIKE '%最终验收%' OR condition LIKE '%竣工验收%' OR condition LIKE '%整体验收%'
        UNION ALL SELECT 'acceptance'
            WHERE (condition LIKE '%验收%' OR lower(condition) LIKE '%accept%')
              AND NOT (condition LIKE '%终验%' OR condition LIKE '%最终验收%' OR condition LIKE '%竣工验收%' OR condition LIKE '%整体验收%')
        UNION ALL SELECT 'signing'
            WHERE condition LIKE '%签订%' OR condition LIKE '%签署%' OR condition LIKE '%签约%' OR condition LIKE '%生效%'
        UNION ALL SELECT 'monthly' WHERE condition LIKE '%每月%' OR condition LIKE '%按月%' OR condition LIKE '%月度%'
        UNION ALL SELECT 'quarterly' WHERE condition LIKE '%季度%' OR condition LIKE '%每季%' OR condition LIKE '%按季%'
        UNION ALL SELECT 'invoice' WHERE condition LIKE '%发票%'))
WHERE condition IS NOT NULL AND trim(condition) <> '';
