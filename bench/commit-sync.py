#!/usr/bin/env python3
"""What one durable commit costs on this disk: `bench/commit-sync.py [FOLDER] [COMMITS] [PAIRS]`.

SQLite alone (Python's sqlite3), the web server's pattern: one open WAL connection, one-row
commits (BEGIN IMMEDIATE … COMMIT), synchronous NORMAL against FULL in alternating pairs. Under
NORMAL a commit syncs nothing until a checkpoint; under FULL it syncs the log each time, so the
difference is this disk's fdatasync time. Prints ms per commit and the median FULL ÷ NORMAL."""
import os, sqlite3, statistics, sys, time
folder = sys.argv[1] if len(sys.argv) > 1 else "/tmp"
commits = int(sys.argv[2]) if len(sys.argv) > 2 else 500
pairs = int(sys.argv[3]) if len(sys.argv) > 3 else 3

def run(mode):
    path = os.path.join(folder, f"commit-sync-{mode}.sqlite")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix): os.remove(path + suffix)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL"); db.execute(f"PRAGMA synchronous={mode}")
    db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT)")
    start = time.perf_counter()
    for _ in range(commits):
        db.execute("BEGIN IMMEDIATE"); db.execute("INSERT INTO t (s) VALUES (?)", ("交换机掉线" * 10,)); db.execute("COMMIT")
    elapsed = time.perf_counter() - start
    db.close()
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix): os.remove(path + suffix)
    return elapsed / commits * 1000

results = {"NORMAL": [], "FULL": []}
for i in range(pairs):
    for mode in (("NORMAL", "FULL") if i % 2 == 0 else ("FULL", "NORMAL")):
        results[mode].append(run(mode))
print(f"ms per commit, NORMAL {[round(x, 3) for x in results['NORMAL']]}, FULL {[round(x, 3) for x in results['FULL']]}")
print(f"median FULL ÷ NORMAL: {statistics.median([f / n for n, f in zip(results['NORMAL'], results['FULL'])]):.1f}×")
