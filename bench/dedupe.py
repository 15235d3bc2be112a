#!/usr/bin/env python3
"""What never counting twice costs: `bench/dedupe.py MAIN_DRC NEW_DRC WORK_FOLDER [RUNS]`.

On the same 1M generated orders (drc-gen, seed 2020; the new drc's file carries each vendor's
ticket numbers, main's the same rows without them), runs alternate, in one run of the script:
`sqlite3 .import` of the ticket file into an untyped table (the floor), main's import, the new
import with duplicate detection on, then the new drc importing the same file again (refused by
its fingerprint) and with --again (every row compared with its stored order: all unchanged).
Prints medians and the paired ratios. Run it holding the build lock, with release builds."""
import os, statistics, subprocess, sys, time
main, new, work = sys.argv[1], sys.argv[2], sys.argv[3]
runs = int(sys.argv[4]) if len(sys.argv) > 4 else 3
gen = os.path.join(os.path.dirname(new), "drc-gen")
data, plain = os.path.join(work, "data"), os.path.join(work, "data-no-tickets")
os.makedirs(data, exist_ok=True); os.makedirs(plain, exist_ok=True)
if not os.path.exists(data + "/orders.csv"):
    subprocess.run([gen, data, "--rows", "1000000", "--seed", "2020"], check=True)
if not os.path.exists(plain + "/orders.csv"):
    subprocess.run([gen, plain, "--rows", "1000000", "--seed", "2020", "--no-tickets"], check=True)

def run(cmd, expect=0):
    t = time.perf_counter()
    status = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
    if status != expect: sys.exit(f"{cmd} exited {status}, expected {expect}")
    return time.perf_counter() - t

def fresh(path):
    for s in ("", "-wal", "-shm"):
        if os.path.exists(path + s): os.remove(path + s)

def prepared(binary, db, folder):
    fresh(db)
    run([binary, "init", "--db", db])
    for k in ("units", "vendors", "categories", "projects"):
        run([binary, "import", k, f"{folder}/{k}.csv", "--db", db, "--quiet"])

times = {}
def add(what, t): times.setdefault(what, []).append(t)
steps = ["sqlite", "main", "new"]
for i in range(runs):
    for step in steps if i % 2 == 0 else list(reversed(steps)):
        if step == "sqlite":
            raw = os.path.join(work, "raw.sqlite"); fresh(raw)
            add("sqlite3 .import", run(["sqlite3", raw, f".import --csv {data}/orders.csv orders"]))
        elif step == "main":
            db = os.path.join(work, "main.sqlite"); prepared(main, db, plain)
            add("main import", run([main, "import", "orders", f"{plain}/orders.csv", "--db", db, "--quiet"]))
        else:
            db = os.path.join(work, "new.sqlite"); prepared(new, db, data)
            add("new import (tickets, dedupe on)", run([new, "import", "orders", f"{data}/orders.csv", "--db", db, "--quiet"]))
            add("new re-import, refused by fingerprint", run([new, "import", "orders", f"{data}/orders.csv", "--db", db, "--quiet"], expect=1))
            add("new re-import --again (all unchanged)", run([new, "import", "orders", f"{data}/orders.csv", "--db", db, "--quiet", "--again"]))
med = {k: statistics.median(v) for k, v in times.items()}
print(f"| what | median of {runs} | ÷ sqlite3 .import | ÷ main import | ÷ new import |")
print("|---|---:|---:|---:|---:|")
for k, m in med.items():
    print(f"| {k} | {m:.3f} s | {m / med['sqlite3 .import']:.2f}× | {m / med['main import']:.3f} | {m / med['new import (tickets, dedupe on)']:.3f} |")
