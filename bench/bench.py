"""drc against sqlite3 and sqlite-utils, measured in one run on one machine.

drc and its baseline run in alternation (drc, baseline, drc, baseline …), so whatever else the
machine is doing touches each pair alike. The table reports each side's median, the median of the
per-pair ratios drc ÷ baseline (the figure to quote: drift between pairs cannot hide in it), and
drc's peak memory (maximum resident set size, from /usr/bin/time -v).
"""
import argparse, os, platform, re, shutil, statistics, subprocess, sys, tempfile, time

parser = argparse.ArgumentParser()
parser.add_argument("--bin", required=True)
parser.add_argument("--rows", type=int, default=1_000_000)
parser.add_argument("--big-rows", type=int, default=10_000_000)
parser.add_argument("--runs", type=int, default=3)
parser.add_argument("--work", default=None, help="scratch folder (default: a new temporary one)")
parser.add_argument("--no-readme", action="store_true", help="print the table, do not update bench/README.md")
args = parser.parse_args()

BIN = os.path.abspath(args.bin)
DRC, GEN = os.path.join(BIN, "drc"), os.path.join(BIN, "drc-gen")
WORK = args.work or tempfile.mkdtemp(prefix="drc-bench-")
os.makedirs(WORK, exist_ok=True)
YEAR = "2020"
ENV = dict(os.environ, DRC_USER="bench")


def log(message):
    print(message, file=sys.stderr, flush=True)


def run(command, stdin=None, stdout=subprocess.DEVNULL, cwd=WORK):
    """Runs a command under /usr/bin/time -v; returns (seconds, peak KiB)."""
    started = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-v"] + command, cwd=cwd, env=ENV, stdin=stdin,
                            stdout=stdout, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{result.stderr[-2000:]}")
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
    return seconds, peak


def once(prepare, command, stdout=None):
    """One timed run of `command` after its untimed `prepare`, its output to the file `stdout`
    when it writes its result there: (seconds, peak KiB)."""
    if prepare:
        prepare()
    if not stdout:
        return run(command)
    with open(stdout, "w") as out:
        return run(command, stdout=out)


def measure(label, prepare, command, runs=args.runs, stdout=None):
    """Median time and peak memory of `command` alone, with `prepare` run untimed before each run."""
    results = [once(prepare, command, stdout) for _ in range(runs)]
    times, peaks = [seconds for seconds, _ in results], [peak for _, peak in results]
    log(f"  {label}: {statistics.median(times):.3f} s, {max(peaks) / 1024:.0f} MiB")
    return statistics.median(times), max(peaks)


def paired(label, ours, theirs, prepare_ours=None, prepare_theirs=None, runs=args.runs, theirs_stdout=None):
    """drc and its baseline in alternating runs (A B A B …), each with its own untimed preparation;
    the baseline's standard output goes to `theirs_stdout` when it writes its result there.

    Returns drc's median, the baseline's median, the median of the per-pair ratios and drc's
    peak memory."""
    pairs, peaks = [], []
    for _ in range(runs):
        (a, peak), (b, _) = once(prepare_ours, ours), once(prepare_theirs, theirs, theirs_stdout)
        pairs.append((a, b))
        peaks.append(peak)
    ours_median = statistics.median(a for a, _ in pairs)
    theirs_median = statistics.median(b for _, b in pairs)
    ratio = statistics.median(a / b for a, b in pairs)
    log(f"  {label}: drc {ours_median:.3f} s, baseline {theirs_median:.3f} s, paired ratio {ratio:.2f} ({runs} pairs)")
    return ours_median, theirs_median, ratio, max(peaks)


def remove(*paths):
    for path in paths:
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)


def generate(folder, rows):
    if not os.path.exists(os.path.join(folder, "orders.csv")):
        log(f"generating {rows} orders in {folder}")
        subprocess.run([GEN, folder, "--rows", str(rows), "--seed", "2020"], check=True)
    return os.path.join(folder, "orders.csv")


def drc_database(path, data):
    """A drc database with the generated reference data and no orders."""
    remove(path)
    subprocess.run([DRC, "--db", path, "init"], check=True, stdout=subprocess.DEVNULL, env=ENV)
    for kind in ("units", "vendors", "categories", "projects"):
        subprocess.run([DRC, "--db", path, "import", kind, os.path.join(data, f"{kind}.csv"), "--quiet"], check=True, env=ENV)


def copy(source, target):
    remove(target)
    shutil.copyfile(source, target)


rows = []  # (what, drc seconds, baseline name, baseline seconds, drc peak MiB, note)

small = os.path.join(WORK, "data-small")
big = os.path.join(WORK, "data-big")
small_csv, big_csv = generate(small, args.rows), generate(big, args.big_rows)
size = os.path.getsize(small_csv) / 1e6

# 1. Import.
log(f"import of {args.rows} orders ({size:.0f} MB)")
template = os.path.join(WORK, "template.sqlite")
drc_database(template, small)
target = os.path.join(WORK, "import.sqlite")
raw = os.path.join(WORK, "raw.sqlite")
drc_import, sqlite_import, import_ratio, drc_import_peak = paired(
    "import", [DRC, "--db", target, "import", "orders", small_csv, "--quiet"],
    ["sqlite3", raw, f".import --csv {small_csv} orders"], lambda: copy(template, target), lambda: remove(raw))
rows.append((f"import {args.rows:,} orders (validated)", drc_import, "sqlite3 .import (untyped table)", sqlite_import,
             import_ratio, drc_import_peak, "target ≤ 2×"))
if shutil.which("sqlite-utils"):
    utils_db = os.path.join(WORK, "utils.sqlite")
    # One run: sqlite-utils takes a minute, and a tenfold gap needs no pairing to be seen.
    utils_import, _ = measure("sqlite-utils insert", lambda: remove(utils_db),
                              ["sqlite-utils", "insert", utils_db, "orders", small_csv, "--csv"], runs=1)
    rows.append((f"import {args.rows:,} orders (validated)", drc_import, "sqlite-utils insert --csv", utils_import,
                 drc_import / utils_import, drc_import_peak, "target ≥ 8× faster (one run, unpaired)"))
else:
    log("  sqlite-utils is not installed: its row is skipped")

# 2. Yearly totals by vendor × category, on 1M and 10M orders.
big_db, big_raw = os.path.join(WORK, "big.sqlite"), os.path.join(WORK, "big-raw.sqlite")
if not os.path.exists(big_db):
    log(f"loading {args.big_rows} orders for the totals")
    drc_database(big_db, big)
    run([DRC, "--db", big_db, "import", "orders", big_csv, "--quiet"])
if not os.path.exists(big_raw):
    run(["sqlite3", big_raw, f".import --csv {big_csv} orders"])
raw_query = f"SELECT vendor, category, count(*) FROM orders WHERE year = '{YEAR}' AND status <> 'cancelled' GROUP BY 1, 2"
for label, db, rawdb, count in (("1M", target, raw, args.rows), ("10M", big_db, big_raw, args.big_rows)):
    if not os.path.exists(rawdb):
        run(["sqlite3", rawdb, f".import --csv {small_csv} orders"])
    ours, theirs, ratio, _ = paired(f"totals ({label})", [DRC, "--db", db, "totals", "--year", YEAR, "--by", "vendor,category"],
                                    ["sqlite3", rawdb, raw_query])
    rows.append((f"totals {YEAR} by vendor × category, {count:,} orders", ours, "sqlite3 GROUP BY on the .import table",
                 theirs, ratio, None, "target ≥ 10× faster"))

# 3. Export of one year: the year of the 10M database holds about a tenth of its orders.
export_query = f"""SELECT o.year, v.name AS vendor, p.name AS project, c.name AS category, u.name AS unit, o.status,
    o.opened_at AS opened, o.solved_at AS solved, o.closed_at AS closed, o.summary, o.solution, o.source
    FROM work_order AS o JOIN vendor AS v ON v.id = o.vendor_id LEFT JOIN project AS p ON p.id = o.project_id
    JOIN category AS c ON c.id = o.category_id LEFT JOIN unit AS u ON u.id = o.unit_id
    WHERE o.year = {YEAR} ORDER BY o.id"""
out = os.path.join(WORK, "export.csv")
year_orders = subprocess.run([DRC, "--db", big_db, "totals", "--year", YEAR, "--include-cancelled", "--format", "csv"],
                             capture_output=True, text=True, env=ENV).stdout
year_count = sum(int(line.rsplit(",", 1)[1]) for line in year_orders.splitlines()[1:] if line)
# drc writes with -o; sqlite3 writes to standard output, sent to the same file.
ours, theirs, ratio, export_peak = paired("export", [DRC, "--db", big_db, "export", "orders", "--year", YEAR, "-o", out, "--quiet"],
                                          ["sqlite3", "-csv", "-header", big_db, export_query],
                                          lambda: remove(out), lambda: remove(out), theirs_stdout=out)
rows.append((f"export one year ({year_count:,} orders) to CSV", ours, "sqlite3 -csv of the same query", theirs, ratio,
             export_peak, "target ≤ 1.5×"))

# 3b. The year's report on 10M orders, against the report's order figures (by vendor, done, and
# by project × vendor × category with done) asked in plain SQL of the raw .import table.
report_out = os.path.join(WORK, "report.md")
# A report needs the year's budget: one line (fictional) for the generated data's first unit.
first_unit = open(os.path.join(big, "units.csv"), encoding="utf-8").read().splitlines()[1].split(",")[0]
if not subprocess.run([DRC, "--db", big_db, "budget", "list", "--year", YEAR, "--format", "csv"], capture_output=True,
                      text=True, env=ENV).stdout.strip().count("\n"):
    subprocess.run([DRC, "--db", big_db, "budget", "add", "--year", YEAR, "--unit", first_unit, "--kind", "项目支出",
                    "--name", "运维费（基准测试虚构）", "--budget", "120万"], check=True, stdout=subprocess.DEVNULL, env=ENV)
report_query = (f"SELECT vendor, count(*) FROM orders WHERE year = '{YEAR}' AND status <> 'cancelled' GROUP BY 1; "
                f"SELECT count(*) FROM orders WHERE year = '{YEAR}' AND status IN ('solved', 'closed'); "
                f"SELECT project, vendor, category, count(*), sum(status IN ('solved', 'closed')) FROM orders "
                f"WHERE year = '{YEAR}' AND status <> 'cancelled' GROUP BY 1, 2, 3")
ours, theirs, ratio, report_peak = paired("report", [DRC, "--db", big_db, "report", "--year", YEAR, "-o", report_out],
                                          ["sqlite3", big_raw, report_query], lambda: remove(report_out))
rows.append((f"`report --year {YEAR}` on {args.big_rows:,} orders", ours, "sqlite3: its order figures on the .import table",
             theirs, ratio, report_peak, "no target set"))

# 4. One order added, by the whole process.
add_db = os.path.join(WORK, "add.sqlite")
copy(template, add_db)
ours, theirs, ratio, _ = paired("order add", [DRC, "--db", add_db, "order", "add", "--vendor", "湖南美音网络技术有限公司",
                                             "--category", "全区网络故障", "--opened", "2020-03-02 14:05", "--summary", "交换机掉线"],
                                ["sqlite3", add_db, "INSERT INTO work_order (year, vendor_id, category_id, status, "
                                 "opened_at, summary, source) VALUES (2020, 1, 2, 'new', '2020-03-02 14:05', '交换机掉线', 'entered')"],
                                runs=max(args.runs, 10))
rows.append(("one `order add` (whole process)", ours, "sqlite3 FILE \"INSERT …\"", theirs, ratio, None, "target ≤ 5×"))

# 5. Memory flat in the number of rows: import and export of the big set.
copy(template, target)
_, big_import_peak = run([DRC, "--db", target, "import", "orders", big_csv, "--quiet"])
_, big_export_peak = run([DRC, "--db", big_db, "export", "orders", "-o", out, "--quiet"])
remove(target)

machine = f"{platform.machine()}, {os.cpu_count()} cores, " + subprocess.run(
    ["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2; free -g | awk '/Mem/ {print $2 \" GiB\"}'"],
    capture_output=True, text=True).stdout.strip().replace("\n", ", ")
sqlite_version = subprocess.run(["sqlite3", "--version"], capture_output=True, text=True).stdout.split()[0]
lines = [
    f"Run {time.strftime('%Y-%m-%d')} on {machine.strip()}; SQLite {sqlite_version}; {args.runs} alternating pairs "
    f"drc, baseline ({max(args.runs, 10)} for `order add`, 1 unpaired run for sqlite-utils). Times are each side's "
    "median; drc ÷ baseline is the median of the per-pair ratios.",
    "",
    "| what | drc | against | baseline | drc ÷ baseline (paired) | drc peak memory | target |",
    "|---|---:|---|---:|---:|---:|---|",
]
for what, ours, name, theirs, ratio, peak, note in rows:
    shown = f"{ratio:.2f}×" if ratio >= 1 else f"{ratio:.2f}× ({1 / ratio:.1f}× faster)"
    lines.append(f"| {what} | {ours:.3f} s | {name} | {theirs:.3f} s | {shown} | "
                 f"{f'{peak / 1024:.0f} MiB' if peak else ''} | {note} |")
lines += [
    "",
    f"Peak memory, import: {drc_import_peak / 1024:.0f} MiB for {args.rows:,} rows, {big_import_peak / 1024:.0f} MiB for "
    f"{args.big_rows:,} rows (target < 100 MiB). Export: {export_peak / 1024:.0f} MiB for one year, "
    f"{big_export_peak / 1024:.0f} MiB for all {args.big_rows:,} orders (target < 50 MiB).",
]
table = "\n".join(lines)
print(table)
if not args.no_readme:
    readme = os.path.join(os.path.dirname(__file__), "README.md")
    text = open(readme, encoding="utf-8").read()
    start, end = "<!-- results -->", "<!-- /results -->"
    text = text[: text.index(start) + len(start)] + "\n" + table + "\n" + text[text.index(end):]
    open(readme, "w", encoding="utf-8").write(text)
    log(f"updated {readme}")
