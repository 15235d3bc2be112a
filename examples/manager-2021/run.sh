#!/usr/bin/env bash
# 示例（虚构）· FICTIONAL: a manager's 2021, set up from scratch in Chinese and reported on.
# Every unit, vendor, project, person and number here is invented for demonstration; none is
# the centre's. It shows, end to end: budgets with and without adjustments, two projects each
# with its own budget line, orders with and without a priority (so one vendor's month has no
# score), a procurement carried through the loop, indicators scored (money in 万元), and the
# year's report as Markdown, HTML and Word, printed to PDF with a picture of every page.
#
# Usage: examples/manager-2021/run.sh [OUT]      (OUT: /tmp/drc-manager-2021 unless given)
#        DRC=/path/to/drc to use another binary (default: this checkout's .build/debug/drc).
# The PDF needs LibreOffice (soffice) and poppler-utils (pdftoppm); without them it stops
# after the Word file (and so does DRC_EXAMPLE_PDF=no).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
drc="${DRC:-$here/../../.build/debug/drc}"
out="${1:-/tmp/drc-manager-2021}"
rm -rf "$out"
mkdir -p "$out"
export DRC_DB="$out/records.sqlite" DRC_USER="示例经理" LANG=zh_CN.UTF-8
d() { "$drc" "$@"; }

d init
# The unit and its two vendors (示例…（虚构）).
d unit add --name "示例区数据资源中心（虚构）" --short-name "中心" --posts 9 --staff 5 \
    --description "区政府直属公益一类事业单位（示例，虚构）"
d vendor add --name "示例网络技术有限公司（虚构）"
d vendor add --name "示例计算机服务有限公司（虚构）"
d category add --name "全区网络故障"
d category add --name "终端桌面"
d project add --name "示例政务网络运维项目（虚构）" --unit "中心" --description "全区政务网络的运行维护（示例）。"
d project add --name "示例终端维修项目（虚构）" --unit "中心" --description "机关办公终端的维修维护（示例）。"

# Budgets: 年初预算数, 全年预算数 where adjusted (with its note), 全年执行数 (the 决算).
d budget add --year 2021 --unit "中心" --kind basic --name "基本支出" --budget 120万 --final 118.60万
d budget add --year 2021 --unit "中心" --kind project --name "示例网络运维费" --project "示例政务网络运维项目（虚构）" \
    --budget 100万 --adjusted 80万 --adjustment-note "年中调减20万元（示例）" --final 76万
d budget add --year 2021 --unit "中心" --kind project --name "示例终端维修费" --project "示例终端维修项目（虚构）" \
    --budget 50万 --adjusted 60万 --adjustment-note "追加10万元（示例）" --final 57.30万

# Service levels: the network vendor's urgent orders have limits; the terminal vendor's
# orders carry no priority, so none is measured and its month has no score.
d sla-policy add --name "示例-紧急" --priority 紧急 --vendor "示例网络技术有限公司（虚构）" --response-limit 15 \
    --arrival-limit 60 --fix-limit 120 --response-deduction 0.5 --arrival-deduction 1 --fix-deduction 1
d order add --vendor "示例网络技术有限公司（虚构）" --project "示例政务网络运维项目（虚构）" --category "全区网络故障" \
    --priority 紧急 --opened "2021-03-01 09:00" --responded "2021-03-01 09:10" --arrived "2021-03-01 09:50" \
    --restored "2021-03-01 10:30" --status solved --solved "2021-03-01 10:40"
d order add --vendor "示例网络技术有限公司（虚构）" --project "示例政务网络运维项目（虚构）" --category "全区网络故障" \
    --priority 紧急 --opened "2021-03-15 14:00" --responded "2021-03-15 14:30" --arrived "2021-03-15 15:00" \
    --restored "2021-03-15 17:00" --status solved --solved "2021-03-15 17:10"
d order add --vendor "示例网络技术有限公司（虚构）" --project "示例政务网络运维项目（虚构）" --category "全区网络故障" \
    --priority 高 --opened "2021-04-06 10:00" --responded "2021-04-06 10:30" --remote yes \
    --restored "2021-04-06 11:00" --status solved --solved "2021-04-06 11:05"
d order add --vendor "示例计算机服务有限公司（虚构）" --project "示例终端维修项目（虚构）" --category "终端桌面" \
    --opened "2021-03-10 09:00" --status solved --solved "2021-03-10 15:00"
d order add --vendor "示例计算机服务有限公司（虚构）" --project "示例终端维修项目（虚构）" --category "终端桌面" \
    --opened "2021-03-20 10:00" --status solved --solved "2021-03-21 09:30"

# The procurement loop: tender, contract in two stages, acceptance, invoices, payments, bookings.
for file in "$here"/0*.csv; do
    kind=$(basename "$file" .csv)
    d import "${kind#*-}" "$file"
done

# Indicators with weights (分值): money in 万元, 预算执行率 computed from each project's own line.
net="示例政务网络运维项目（虚构）"
pc="示例终端维修项目（虚构）"
i() { d indicator add --year 2021 "$@"; }
i --project "$net" --level1 产出指标 --level2 数量指标 --name "网络巡检次数" --target-op ">=" --target 12 --actual 12 --measure 次 --weight 30
i --project "$net" --level1 产出指标 --level2 成本指标 --name "运维成本" --target-op "<=" --target 80万 --actual 76万 --measure 万元 --weight 20
i --project "$net" --level1 效益指标 --level2 可持续影响指标 --name "网络可用率" --target-op ">=" --target 99.9 --actual 99.95 --measure % --weight 20
i --project "$net" --level1 产出指标 --level2 预算执行 --name "预算执行率" --target-op ">=" --target 100 --budget-execution yes --weight 10 \
    --deviation "调减后的预算尚余4万元未支出（示例）。"
i --project "$net" --level1 满意度指标 --level2 服务对象满意度指标 --name "用户满意度" --target-op ">=" --target 90 --actual 93 --measure % --weight 20
i --project "$pc" --level1 产出指标 --level2 质量指标 --name "维修完成率" --target-op ">=" --target 95 --actual 92 --measure % --weight 40 \
    --deviation "三月报修集中，部分备件到货迟；已与供应商约定备件库存（示例）。"
i --project "$pc" --level1 产出指标 --level2 成本指标 --name "维修成本" --target-op "<=" --target 60万 --actual 57.30万 --measure 万元 --weight 20
i --project "$pc" --level1 产出指标 --level2 预算执行 --name "预算执行率" --target-op ">=" --target 100 --budget-execution yes --weight 10 \
    --deviation "追加的预算尚余2.70万元未支出（示例）。"
i --project "$pc" --level1 满意度指标 --level2 服务对象满意度指标 --name "用户满意度" --target-op ">=" --target 90 --actual 88 --measure % --weight 30 \
    --deviation "报修响应偏慢；下年度约定响应时限（示例）。"

# The year's words (示例).
f() { d finding add --year 2021 --unit "中心" "$@"; }
f --section organisation --text "采购小组负责组织招投标，验收小组按合同逐项验收（示例）。"
f --section assets --text "资产管理制度完整，账实相符（示例）。"
f --section problem --text "终端维修项目未约定服务级别，其工单无法考核（示例）。"
f --section recommendation --text "在终端维修合同中约定响应、到场和修复时限，按月考核（示例）。"

{
    echo "== drc budget totals --year 2021"; d budget totals --year 2021
    echo; echo "== drc budget totals --year 2021 --wan"; d budget totals --year 2021 --wan
    echo; echo "== drc score --year 2021"; d score --year 2021
    echo; echo "== drc sla --year 2021 --by month"; d sla --year 2021 --by month
    echo; echo "== drc check --year 2021 --on 2022-01-10"; d check --year 2021 --on 2022-01-10 || true
} | tee "$out/figures.txt"

for format in md html docx; do
    d report --year 2021 --on 2022-01-10 --format "$format" -o "$out/report-2021.$format"
done
if [ "${DRC_EXAMPLE_PDF:-yes}" != no ] && command -v soffice >/dev/null && command -v pdftoppm >/dev/null; then
    soffice "-env:UserInstallation=file://$out/office-profile" --headless --convert-to pdf --outdir "$out" "$out/report-2021.docx" >/dev/null 2>&1
    mkdir -p "$out/pages"
    pdftoppm -r 70 -png "$out/report-2021.pdf" "$out/pages/page"
    echo "PDF: $out/report-2021.pdf; pages: $(ls "$out"/pages/*.png | tr '\n' ' ')"
fi
