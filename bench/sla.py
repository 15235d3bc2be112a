"""Service levels at scale: `drc totals --measure sla` by vendor against the same question asked
in plain SQL of the raw `.import` table (minutes from the text times, limits by priority from
the default policy), in alternating runs (A B A B …), reporting the median of the per-pair
ratios so that drift on a shared machine cannot hide in the table. Goal: drc ≥ 10× faster.

    python3 bench/sla.py --bin .build/release [--rows 10000000] [--pairs 5] [--work DIR]

The orders come from `drc-gen --service-levels` (a priority, responded and restored times);
drc computes each order's minutes, limits and whether it met them once, at import, and answers
from its index. Before timing, the script checks that both give the same answer.
"""
import argparse, os, statistics, subprocess, tempfile, time

parser = argparse.ArgumentParser()
parser.add_argument("--bin", required=True)
parser.add_argument("--rows", type=int, default=10_000_000)
parser.add_argument("--pairs", type=int, default=5)
parser.add_argument("--work", default=None)
args = parser.parse_args()

BIN = os.path.abspath(args.bin)
DRC, GEN = os.path.join(BIN, "drc"), os.path.join(BIN, "drc-gen")
WORK = args.work or tempfile.mkdtemp(prefix="drc-bench-sla-")
os.makedirs(WORK, exist_ok=True)
ENV = dict(os.environ, DRC_USER="bench")
YEAR = "2020"
data = os.path.join(WORK, f"data-sla-{args.rows}")
db, raw = os.path.join(WORK, f"sla-{args.rows}.sqlite"), os.path.join(WORK, f"sla-raw-{args.rows}.sqlite")

if not os.path.exists(os.path.join(data, "orders.csv")):
    print(f"generating {args.rows:,} orders with service levels", flush=True)
    subprocess.run([GEN, data, "--rows", str(args.rows), "--seed", "2020", "--service-levels"], check=True)
if not os.path.exists(db):
    print("loading them into drc", flush=True)
    subprocess.run([DRC, "--db", db, "init"], check=True, stdout=subprocess.DEVNULL, env=ENV)
    for kind in ("units", "vendors", "categories", "projects", "orders"):
        subprocess.run([DRC, "--db", db, "import", kind, os.path.join(data, f"{kind}.csv"), "--quiet"], check=True, env=ENV)
if not os.path.exists(raw):
    print("loading them into a raw table", flush=True)
    subprocess.run(["sqlite3", raw, f".import --csv {os.path.join(data, 'orders.csv')} orders"], check=True)

# The same question: per vendor, orders, and per measure met and measured, against the default
# policy's limits (response 30/120/240/1440, fix 120/240/1440/2880 minutes by priority). An order
# imported as pending has been paused since a time nobody knows: its minutes are unknown in both.
raw_query = f"""
WITH limits (priority, rl, fl) AS (VALUES ('urgent', 30, 120), ('high', 120, 240), ('medium', 240, 1440), ('low', 1440, 2880)),
o AS (SELECT vendor, priority,
             CASE WHEN status <> 'pending' THEN CAST(round((julianday(nullif(responded, '')) - julianday(opened)) * 1440) AS INTEGER) END AS r,
             CASE WHEN status <> 'pending' THEN CAST(round((julianday(coalesce(nullif(restored, ''), nullif(solved, '')))
                                                              - julianday(opened)) * 1440) AS INTEGER) END AS f
      FROM orders WHERE year = '{YEAR}' AND status <> 'cancelled')
SELECT vendor, count(*), sum(r <= rl), count(r + rl), sum(f <= fl), count(f + fl)
FROM o LEFT JOIN limits USING (priority) GROUP BY vendor ORDER BY vendor
"""
ours = [DRC, "--db", db, "totals", "--year", YEAR, "--measure", "sla", "--by", "vendor", "--format", "csv"]
theirs = ["sqlite3", raw, raw_query]


def answers():
    """Both answers, per vendor: response met and measured, fix met and measured (no arrival
    times are generated). They must agree before either is timed."""
    ours_csv = subprocess.run(ours, check=True, capture_output=True, text=True, env=ENV).stdout.splitlines()
    header = ours_csv[0].split(",")
    pick = [header.index(c) for c in ("response_met", "response_measured", "fix_met", "fix_measured")]
    drc = {line.split(",")[0]: [int(line.split(",")[i]) for i in pick] for line in ours_csv[1:] if line}
    raw_csv = subprocess.run(["sqlite3", "-csv", raw, raw_query], check=True, capture_output=True, text=True).stdout.splitlines()
    plain = {}
    for line in raw_csv:
        vendor, _, r_met, r_measured, f_met, f_measured = line.rsplit(",", 5)
        plain[vendor.strip('"')] = [int(r_met or 0), int(r_measured), int(f_met or 0), int(f_measured)]
    return drc, plain


drc_answer, plain_answer = answers()
if drc_answer != plain_answer:
    raise SystemExit(f"drc and plain SQL disagree:\n drc   {drc_answer}\n plain {plain_answer}")
print(f"the answers agree for {len(drc_answer)} vendors", flush=True)


def timed(command):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=ENV)
    return time.perf_counter() - start


ratios, a_times, b_times = [], [], []
for pair in range(args.pairs):
    a, b = timed(ours), timed(theirs)
    a_times.append(a)
    b_times.append(b)
    ratios.append(b / a)
    print(f"  pair {pair + 1}: drc {a:.3f} s, plain SQL {b:.3f} s, {b / a:.1f}×", flush=True)
print(f"| totals {YEAR} --measure sla by vendor, {args.rows:,} orders | {statistics.median(a_times):.3f} s | "
      f"plain SQL on the .import table | {statistics.median(b_times):.3f} s | {statistics.median(ratios):.1f}× faster "
      f"(median of {args.pairs} paired ratios; goal ≥ 10×) |")
