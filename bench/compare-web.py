"""Two release builds of drc on the web benchmark, in alternating runs (A B A B …): each run is
one whole `bench/web.py` (a fresh seeded database, 50 signed-in clerks, wrk on the list, the
entry page and order entry). Prints each run and, per figure, the median of each side and of
the per-pair ratios (new ÷ old), so drift on a shared machine cannot hide in the table.

    python3 bench/compare-web.py OLD_DRC NEW_DRC [--pairs 3] [--seconds 10]
"""
import argparse, os, re, statistics, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
parser = argparse.ArgumentParser()
parser.add_argument("old")
parser.add_argument("new")
parser.add_argument("--pairs", type=int, default=3)
parser.add_argument("--seconds", type=int, default=10)
args = parser.parse_args()

ROWS = {"order list": "list", "entry page": "entry page", "order entry": "entry"}


def run(drc):
    out = subprocess.run([sys.executable, os.path.join(HERE, "web.py"), "--drc", drc, "--no-readme", "--seconds", str(args.seconds)],
                         check=True, capture_output=True, text=True).stdout
    figures = {}
    for line in out.splitlines():
        for label, key in ROWS.items():
            if line.startswith(f"| {label}"):
                cells = [c.strip() for c in line.strip("|").split("|")]
                figures[key] = {"p50": float(cells[1].split()[0]), "p99": float(cells[2].split()[0]),
                                "rps": float(cells[3].replace(",", ""))}
    if len(figures) != len(ROWS):
        raise SystemExit(f"web.py printed no table for {drc}:\n{out}")
    return figures


runs = {"old": [], "new": []}
for pair in range(args.pairs):
    for side in ("old", "new"):
        figures = run(getattr(args, side))
        runs[side].append(figures)
        print(f"pair {pair + 1} {side}: " + "; ".join(f"{k} p99 {v['p99']:.1f} ms, {v['rps']:,.0f}/s" for k, v in figures.items()), flush=True)

print("\n| what | old p99 | new p99 | new ÷ old p99 (paired) | old requests/s | new requests/s | new ÷ old requests/s (paired) |")
print("|---|---:|---:|---:|---:|---:|---:|")
for key in ROWS.values():
    def median(side, figure):
        return statistics.median(r[key][figure] for r in runs[side])
    def ratio(figure):
        return statistics.median(n[key][figure] / o[key][figure] for o, n in zip(runs["old"], runs["new"]))
    print(f"| {key} | {median('old', 'p99'):.1f} ms | {median('new', 'p99'):.1f} ms | {ratio('p99'):.2f} | "
          f"{median('old', 'rps'):,.0f} | {median('new', 'rps'):,.0f} | {ratio('rps'):.2f} |")
