#!/usr/bin/env python3
"""The cost of a durable commit: `bench/durability.py NORMAL_DRC FULL_DRC WORK_FOLDER [ROWS] [PAIRS] [ADDS]`.

Two builds of drc that differ only in `PRAGMA synchronous` (NORMAL before, FULL after), run in
alternating pairs (normal, full, then full, normal …) on the same generated data: one import of
ROWS orders (one transaction, so one sync at its end) and ADDS single `drc order add` runs, each
a whole process and one commit. Prints each side's median and the median of the per-pair ratios.
Where the database lives matters: the sync costs what that disk's flush costs."""
import os, statistics, subprocess, sys, time
normal, full, work = sys.argv[1], sys.argv[2], sys.argv[3]
rows = sys.argv[4] if len(sys.argv) > 4 else "100000"
pairs = int(sys.argv[5]) if len(sys.argv) > 5 else 3
adds = int(sys.argv[6]) if len(sys.argv) > 6 else 10
data = os.path.join(work, f"data-{rows}")
if not os.path.exists(data + "/orders.csv"):
    subprocess.run([os.path.join(os.path.dirname(full), "drc-gen"), data, "--rows", rows, "--seed", "2020"], check=True,
                   stdout=subprocess.DEVNULL)

def run(cmd):
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t

def fresh(binary, db):
    for s in ("", "-wal", "-shm"):
        if os.path.exists(db + s): os.remove(db + s)
    run([binary, "init", "--db", db])
    for k in ("units", "vendors", "categories", "projects"):
        run([binary, "import", k, f"{data}/{k}.csv", "--db", db, "--quiet"])

res = {"normal": {}, "full": {}}
for i in range(pairs):
    for who, binary in (("normal", normal), ("full", full)) if i % 2 == 0 else (("full", full), ("normal", normal)):
        db = os.path.join(work, f"{who}.sqlite")
        fresh(binary, db)
        res[who].setdefault(f"import {int(rows):,} orders", []).append(
            run([binary, "import", "orders", f"{data}/orders.csv", "--db", db, "--quiet"]))
# Order entry: single adds, alternating sides add by add so both meet the same moment.
for i in range(adds):
    for who, binary in (("normal", normal), ("full", full)) if i % 2 == 0 else (("full", full), ("normal", normal)):
        db = os.path.join(work, f"{who}.sqlite")
        res[who].setdefault("one order add (whole process)", []).append(
            run([binary, "order", "add", "--vendor", "湖南美音网络技术有限公司", "--category", "全区网络故障",
                 "--opened", "2020-03-02 14:05", "--db", db]))
print(f"| what | NORMAL (median) | FULL (median) | FULL ÷ NORMAL (median of {pairs} / {adds} pairs) |")
print("|---|---:|---:|---:|")
for what in res["normal"]:
    n, f = res["normal"][what], res["full"][what]
    ratio = statistics.median([b / a for a, b in zip(n, f)])
    print(f"| {what} | {statistics.median(n):.3f} s | {statistics.median(f):.3f} s | {ratio:.2f}× |")
