#!/usr/bin/env python3
"""Two builds of drc side by side: `bench/compare.py OLD_DRC NEW_DRC WORK_FOLDER [RUNS]`.

Both are release binaries (build the older commit in a worktree with `swift build -c release`).
Runs alternate (old, new, then new, old …) on the same generated data, so the machine's mood
touches both alike; it prints medians and the paired ratio after ÷ before."""
import os, statistics, subprocess, sys, time, shutil
old, new, work = sys.argv[1], sys.argv[2], sys.argv[3]
runs = int(sys.argv[4]) if len(sys.argv) > 4 else 3
data = os.path.join(work, "data")
if not os.path.exists(data + "/orders.csv"):
    subprocess.run([os.path.join(os.path.dirname(new), "drc-gen"), data, "--rows", "1000000", "--seed", "2020"], check=True)
def run(cmd, **kw):
    t = time.perf_counter(); subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw); return time.perf_counter() - t
res = {"old": {}, "new": {}}
def add(who, what, t): res[who].setdefault(what, []).append(t)
for i in range(runs):
    for who, binary in (("old", old), ("new", new)) if i % 2 == 0 else (("new", new), ("old", old)):
        db = os.path.join(work, f"{who}.sqlite")
        for s in ("", "-wal", "-shm"):
            if os.path.exists(db + s): os.remove(db + s)
        run([binary, "init", "--db", db])
        for k in ("units", "vendors", "categories", "projects"):
            run([binary, "import", k, f"{data}/{k}.csv", "--db", db, "--quiet"])
        add(who, "import 1M orders", run([binary, "import", "orders", f"{data}/orders.csv", "--db", db, "--quiet"]))
        add(who, "totals by vendor×category", run([binary, "totals", "--year", "2020", "--by", "vendor,category", "--db", db]))
        out = os.path.join(work, f"{who}.csv")
        if os.path.exists(out): os.remove(out)
        add(who, "export one year", run([binary, "export", "orders", "--year", "2020", "-o", out, "--db", db, "--quiet"]))
        ts = [run([binary, "order", "add", "--vendor", "湖南美音网络技术有限公司", "--category", "全区网络故障", "--opened", "2020-03-02 14:05", "--db", db]) for _ in range(10)]
        add(who, "one order add", statistics.median(ts))
print(f"| what | before (median of {runs}) | after | after ÷ before |")
print("|---|---:|---:|---:|")
for what in res["old"]:
    o, n = statistics.median(res["old"][what]), statistics.median(res["new"][what])
    print(f"| {what} | {o:.3f} s | {n:.3f} s | {n/o:.3f} |")
