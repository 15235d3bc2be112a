#!/usr/bin/env python3
"""The procurement loop at scale: `bench/loop.py DRC WORK_FOLDER [CONTRACTS] [PAYMENTS]`.

Fills one drc database (made by `drc init`, so the schema is drc's own) with generated,
fictional loop records (100,000 contracts and 1,000,000 payments by default; seed 2021), then
times, in one run, `drc check` and `drc loop` for the year against the same questions asked in
plain SQL of the same tables with the sqlite3 shell. Prints a Markdown table with the ratio."""
import os, random, sqlite3, statistics, subprocess, sys, time
drc, work = sys.argv[1], sys.argv[2]
contracts = int(sys.argv[3]) if len(sys.argv) > 3 else 100_000
payments = int(sys.argv[4]) if len(sys.argv) > 4 else 1_000_000
os.makedirs(work, exist_ok=True)
db = os.path.join(work, "loop.sqlite")
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(db + suffix): os.remove(db + suffix)
subprocess.run([drc, "init", "--db", db], check=True, stdout=subprocess.DEVNULL)
rng = random.Random(2021)
con = sqlite3.connect(db)
con.execute("PRAGMA foreign_keys = OFF")
with con:
    con.execute("INSERT INTO unit (id, name) VALUES (1, '示例单位（虚构）')")
    con.executemany("INSERT INTO vendor (id, name, active) VALUES (?, ?, 1)", [(v, f"示例供应商{v}（虚构）") for v in range(1, 201)])
    con.executemany("INSERT INTO budget_line (id, year, unit_id, kind, name, budget_fen) VALUES (?, 2021, 1, 'project', ?, ?)",
                    [(b, f"示例科目{b}", rng.randrange(10**9, 10**11)) for b in range(1, 101)])
    methods = ["open", "inquiry", "single-source", "consultation", "below-threshold"]
    con.executemany("""INSERT INTO procurement (id, name, year, budget_line_id, item, method, method_approval, budget_fen, award_on, handler, vendor_id, award_fen)
                       VALUES (?, ?, 2021, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    [(i, f"示例采购{i}", rng.randrange(1, 101), f"品目{rng.randrange(40)}", rng.choice(methods),
                      None if rng.random() < 0.9 else "批文", rng.randrange(10**6, 3 * 10**8), f"2021-{rng.randrange(1, 10):02}-{rng.randrange(1, 29):02}",
                      f"经办人{rng.randrange(50)}", rng.randrange(1, 201), rng.randrange(10**6, 3 * 10**8)) for i in range(1, contracts + 1)])
    rows = []
    for i in range(1, contracts + 1):
        signed = f"2021-{rng.randrange(1, 12):02}-{rng.randrange(1, 29):02}"
        rows.append((i, f"示例-HT-{i}", i, rng.randrange(1, 201), rng.randrange(10**6, 3 * 10**8), signed, signed, signed,
                     f"2021-12-{rng.randrange(1, 29):02}", None if i % 50 else i - 1, f"经办人{rng.randrange(50)}"))
    con.executemany("""INSERT INTO contract (id, number, procurement_id, vendor_id, amount_fen, signed_on, published_on, filed_on, ends_on, parent_id, handler)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows)
    con.executemany("INSERT INTO contract_stage (contract_id, position, stage, share, condition) VALUES (?, ?, ?, ?, ?)",
                    [x for i in range(1, contracts + 1) for x in ((i, 1, "首付款", "30", "合同签订后"), (i, 2, "尾款", "70", "验收合格"))])
    con.executemany("INSERT INTO acceptance (id, contract_id, stage, accepted_on, conclusion, document) VALUES (?, ?, '尾款', ?, 'passed', ?)",
                    [(i, i, f"2021-12-{rng.randrange(1, 29):02}", f"示例-YS-{i}") for i in range(1, contracts + 1) if i % 3])
    con.executemany("INSERT INTO acceptance_member (acceptance_id, position, person, role, signed) VALUES (?, ?, ?, 'expert', ?)",
                    [(i, k, f"经办人{rng.randrange(60)}", 1 if rng.random() < 0.98 else 0) for i in range(1, contracts + 1) if i % 3 for k in (1, 2)])
    con.executemany("INSERT INTO acceptance_item (acceptance_id, position, standard, passed) VALUES (?, 1, '可用率', ?)",
                    [(i, 1 if rng.random() < 0.99 else None) for i in range(1, contracts + 1) if i % 3])
    per = payments // contracts
    con.executemany("INSERT INTO invoice (id, vendor_id, number, issued_on, amount_fen, contract_id) VALUES (?, 1, ?, '2021-12-01', ?, ?)",
                    [(i, f"示例-FP-{i}", rng.randrange(10**5, 10**8), i) for i in range(1, contracts + 1)])
    pay = []
    for p in range(1, payments + 1):
        c = (p - 1) // per + 1 if (p - 1) // per < contracts else rng.randrange(1, contracts + 1)
        pay.append((p, c, "首付款" if p % 2 else "尾款", f"申请人{rng.randrange(30)}", f"审批人{rng.randrange(30)}" if rng.random() < 0.99 else f"申请人{rng.randrange(30)}",
                    f"2021-{rng.randrange(1, 13):02}-{rng.randrange(1, 29):02}", rng.randrange(10**4, 10**7), rng.randrange(1, 101), f"示例-ZF-{p}"))
    con.executemany("""INSERT INTO payment (id, contract_id, stage, applicant, approver, paid_on, amount_fen, budget_line_id, voucher)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", pay)
    con.executemany("INSERT INTO payment_invoice (payment_id, invoice_id) VALUES (?, ?)", [(p, (p - 1) // per + 1) for p in range(1, payments + 1, per)])
    con.executemany("INSERT INTO booking (id, voucher, booked_on) VALUES (?, ?, '2021-12-31')", [(b, f"示例-JZ-{b}") for b in range(1, payments // 10 + 1)])
    con.executemany("INSERT INTO booking_payment (booking_id, payment_id) VALUES (?, ?)", [((p - 1) // 10 + 1, p) for p in range(1, payments + 1) if p % 7])
con.execute("ANALYZE")
con.close()

YEAR = "coalesce(pr.year, CAST(substr(c.signed_on, 1, 4) AS INTEGER))"
# The same questions in plain SQL: each contract's money at each step (loop), and the 疑点 rules
# that SQL can say without a working-day calendar or per-stage shares (check).
LOOP_SQL = f"""
WITH pay AS (SELECT contract_id, sum(amount_fen) AS paid, sum(CASE WHEN EXISTS (SELECT 1 FROM booking_payment WHERE payment_id = p.id) THEN amount_fen ELSE 0 END) AS booked
             FROM payment AS p WHERE paid_on IS NOT NULL GROUP BY contract_id),
     inv AS (SELECT contract_id, sum(amount_fen) AS invoiced FROM invoice GROUP BY contract_id),
     acc AS (SELECT DISTINCT contract_id FROM acceptance WHERE conclusion IN ('passed', 'rectified'))
SELECT c.number, c.amount_fen, CASE
         WHEN c.signed_on IS NULL THEN 'unsigned'
         WHEN acc.contract_id IS NULL THEN 'signed'
         WHEN coalesce(inv.invoiced, 0) < c.amount_fen THEN 'accepted'
         WHEN coalesce(pay.paid, 0) < c.amount_fen THEN 'invoiced'
         WHEN coalesce(pay.booked, 0) < c.amount_fen THEN 'paid' ELSE 'booked' END AS stage,
       coalesce(inv.invoiced, 0), coalesce(pay.paid, 0), coalesce(pay.booked, 0)
FROM contract AS c LEFT JOIN procurement AS pr ON pr.id = c.procurement_id
LEFT JOIN pay ON pay.contract_id = c.id LEFT JOIN inv ON inv.contract_id = c.id LEFT JOIN acc ON acc.contract_id = c.id
WHERE {YEAR} = 2021 ORDER BY c.id;
"""
CHECK_SQL = f"""
SELECT 'R2', id FROM procurement WHERE year = 2021 AND method <> 'open' AND method_approval IS NULL AND coalesce(award_fen, budget_fen) >= 200000000;
SELECT 'R1', year, budget_line_id, item, count(*), sum(coalesce(award_fen, budget_fen)) FROM procurement
  WHERE year = 2021 AND method NOT IN ('open', 'invited') AND method_approval IS NULL AND coalesce(award_fen, budget_fen) < 200000000
  GROUP BY year, budget_line_id, item HAVING count(*) > 1 AND sum(coalesce(award_fen, budget_fen)) >= 200000000;
SELECT 'R4', c.id FROM contract AS c JOIN procurement AS pr ON pr.id = c.procurement_id WHERE {YEAR} = 2021 AND julianday(c.signed_on) - julianday(pr.award_on) > 30;
SELECT 'R3', c.id FROM contract AS c LEFT JOIN procurement AS pr ON pr.id = c.procurement_id JOIN payment AS p ON p.contract_id = c.id WHERE {YEAR} = 2021 AND p.paid_on < c.signed_on;
SELECT 'R6', c.id FROM contract AS c WHERE EXISTS (SELECT 1 FROM contract WHERE parent_id = c.id) AND (SELECT sum(amount_fen) FROM contract WHERE parent_id = c.id) * 100 > c.amount_fen * 10;
SELECT 'R7', b.id FROM budget_line AS b WHERE b.year = 2021 AND (SELECT sum(c.amount_fen) FROM contract AS c JOIN procurement AS pr ON pr.id = c.procurement_id WHERE pr.budget_line_id = b.id) > b.budget_fen;
SELECT 'R8', p.id FROM payment AS p JOIN contract_stage AS s ON s.contract_id = p.contract_id AND s.stage = p.stage
  WHERE p.paid_on IS NOT NULL AND s.condition LIKE '%验收%' AND NOT EXISTS (SELECT 1 FROM acceptance AS a WHERE a.contract_id = p.contract_id AND a.conclusion = 'passed' AND a.accepted_on <= p.paid_on);
SELECT 'R11', a.id FROM acceptance AS a WHERE EXISTS (SELECT 1 FROM acceptance_member WHERE acceptance_id = a.id AND signed IS NOT 1)
  OR EXISTS (SELECT 1 FROM acceptance_item WHERE acceptance_id = a.id AND passed IS NULL) OR NOT EXISTS (SELECT 1 FROM acceptance_item WHERE acceptance_id = a.id);
SELECT 'R12', a.id FROM acceptance AS a JOIN contract AS c ON c.id = a.contract_id JOIN acceptance_member AS m ON m.acceptance_id = a.id WHERE m.person = c.handler;
SELECT 'R12A', id FROM payment WHERE applicant = approver;
SELECT 'R13', c.id FROM contract AS c JOIN (SELECT contract_id, sum(amount_fen) AS paid FROM payment WHERE paid_on IS NOT NULL GROUP BY contract_id) AS p ON p.contract_id = c.id WHERE p.paid > c.amount_fen;
SELECT 'R14', invoice_id FROM payment_invoice GROUP BY invoice_id HAVING count(*) > 1;
SELECT 'R15', p.id FROM payment AS p WHERE p.paid_on IS NOT NULL AND NOT EXISTS (SELECT 1 FROM booking_payment WHERE payment_id = p.id) AND julianday('2022-06-30') - julianday(p.paid_on) > 30;
"""
def timed(cmd, stdin=None):
    t = time.perf_counter()
    subprocess.run(cmd, check=True, input=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True)
    return time.perf_counter() - t
runs = int(os.environ.get("BENCH_RUNS", "3"))
results = {}
for name, drc_cmd, sql in (("check", [drc, "check", "--year", "2021", "--on", "2022-06-30", "--format", "csv", "--db", db], CHECK_SQL),
                           ("loop", [drc, "loop", "--year", "2021", "--on", "2022-06-30", "--format", "csv", "--db", db], LOOP_SQL)):
    a, b = [], []
    for i in range(runs):
        a.append(timed(drc_cmd))
        b.append(timed(["sqlite3", "-csv", db], sql))
    results[name] = (statistics.median(a), statistics.median(b))
doubts = subprocess.run([drc, "check", "--year", "2021", "--on", "2022-06-30", "--format", "csv", "--db", db], capture_output=True, text=True).stdout.count("\n") - 1
print(f"{contracts:,} contracts, {payments:,} payments; check lists {doubts:,} findings")
print(f"| what | drc (median of {runs}) | plain SQL, sqlite3 | drc ÷ SQL |")
print("|---|---:|---:|---:|")
for name, (a, b) in results.items():
    print(f"| `{name}` | {a:.2f} s | {b:.2f} s | {a / b:.1f} |")
