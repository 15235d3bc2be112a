#!/usr/bin/env python3
"""The web interface under load: 50 signed-in clerks at once on `drc serve`, and the same list
query read through Datasette, side by side in one run.

    python3 bench/web.py [--drc .build-rel/release/drc] [--clerks 50] [--seconds 15] [--no-readme]

Needs wrk (Debian) and datasette (PyPI): `bench/run-web` installs them. A fresh database gets
the 2020 seed (9,424 orders) and one account per clerk; each clerk signs in (its own session and
form token), and wrk's Lua script sends each request with the next clerk's cookie, so the 50
connections are 50 sessions. Measured (p50, p99, requests per second):
  1. the order list, filtered and paged (GET /orders?year=2020&vendor=…&page=3);
  2. the entry page (GET /orders/new);
  3. order entry (POST /orders with the clerk's token: a validated insert with history);
  4. the same list query through Datasette's HTML query page (no sign-in, immutable file).
Results go to bench/README.md between the web markers unless --no-readme.
"""
import argparse
import datetime
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse

import requests

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENDOR = "湖南美音网络技术有限公司"
LIST_PATH = "/orders?year=2020&vendor=" + urllib.parse.quote(VENDOR) + "&page=3"
# The list page's query, as RecordRepository.page runs it (listed columns, same joins).
LIST_SQL = """SELECT r.id, r.year, v.name AS vendor, p.name AS project, c.name AS category, u.name AS unit, r.status,
r.opened_at, r.closed_at, r.summary FROM work_order AS r JOIN vendor AS v ON v.id = r.vendor_id
JOIN category AS c ON c.id = r.category_id LEFT JOIN project AS p ON p.id = r.project_id
LEFT JOIN unit AS u ON u.id = r.unit_id WHERE r.vendor_id = 1 AND r.year = 2020 ORDER BY r.id LIMIT 50 OFFSET 100"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(url, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            requests.get(url, timeout=1, allow_redirects=False)
            return
        except requests.RequestException:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not come up")


def lua_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def wrk(url, seconds, connections, script):
    path = os.path.join(tempfile.gettempdir(), f"drc-wrk-{os.getpid()}.lua")
    with open(path, "w") as f:
        f.write(script)
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", path, url],
                         capture_output=True, text=True, check=True).stdout
    def latency(label):
        m = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    total = int(re.search(r"(\d+) requests in", out).group(1))
    return {"p50": latency("50"), "p99": latency("99"), "rps": rps, "requests": total,
            "bad": int(bad.group(1)) if bad else 0, "errors": errors.group(1) if errors else ""}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--drc", default=os.path.join(ROOT, ".build-rel/release/drc"))
    parser.add_argument("--clerks", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--no-readme", action="store_true")
    args = parser.parse_args()
    for tool in ["wrk", "datasette"]:
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is missing: bench/run-web installs it")

    work = tempfile.mkdtemp(prefix="drc-web-bench-")
    db = os.path.join(work, "drc.sqlite")
    env = {**os.environ, "LANG": "C.UTF-8"}
    def drc(*a, stdin=None):
        subprocess.run([args.drc, *a, "--db", db], input=stdin, text=True, check=True, capture_output=True, env=env)
    drc("init")
    drc("seed")
    for n in range(args.clerks):
        drc("user", "add", f"clerk{n:02d}", "--role", "clerk", stdin=f"bench-password-{n:02d}\n")

    port = free_port()
    server = subprocess.Popen([args.drc, "serve", "--db", db, "--port", str(port)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, env=env)
    base = f"http://127.0.0.1:{port}"
    ds_port = free_port()
    datasette = None
    results = {}
    try:
        wait_up(base + "/login")
        sessions = []
        for n in range(args.clerks):
            s = requests.Session()
            page = s.get(base + "/login").text
            token = re.search(r'name="_csrf" value="([0-9a-f]{64})"', page).group(1)
            r = s.post(base + "/login", data={"_csrf": token, "name": f"clerk{n:02d}", "password": f"bench-password-{n:02d}"},
                       allow_redirects=False)
            assert r.status_code == 303, r.status_code
            form = s.get(base + "/orders/new").text
            csrf = re.search(r'name="_csrf" value="([0-9a-f]{64})"', form).group(1)
            sessions.append((s.cookies.get("drc_session"), csrf))
        cookies = "{" + ",".join(lua_string("drc_session=" + c) for c, _ in sessions) + "}"
        tokens = "{" + ",".join(lua_string(t) for _, t in sessions) + "}"
        rotate = f"""
            local cookies = {cookies}
            local tokens = {tokens}
            local i = 0
            function next_clerk() i = i % #cookies + 1; return i end
            """
        get = rotate + """
            function request()
              local n = next_clerk()
              return wrk.format("GET", nil, {["Cookie"] = cookies[n]})
            end
            """
        body = "&vendor=" + urllib.parse.quote("美音") + "&category=" + urllib.parse.quote("全区网络故障") + \
               "&opened=2020-05-06+09%3A30&summary=" + urllib.parse.quote("压力测试：交换机掉线")
        post = rotate + f"""
            function request()
              local n = next_clerk()
              return wrk.format("POST", nil, {{["Cookie"] = cookies[n],
                ["Content-Type"] = "application/x-www-form-urlencoded"}}, "_csrf=" .. tokens[n] .. {lua_string(body)})
            end
            """
        before = requests.get(base + LIST_PATH, cookies={"drc_session": sessions[0][0]}).text
        assert "共 " in before, "the list page did not render for a signed-in clerk"
        results["list"] = wrk(base + LIST_PATH, args.seconds, args.clerks, get)
        results["entry page"] = wrk(base + "/orders/new", args.seconds, args.clerks, get)
        results["entry"] = wrk(base + "/orders", args.seconds, args.clerks, post)
        written = subprocess.run(["sqlite3", db, "SELECT count(*) FROM work_order WHERE source = 'entered'"],
                                 capture_output=True, text=True).stdout.strip() if shutil.which("sqlite3") else "?"

        datasette = subprocess.Popen(["datasette", "serve", "-i", db, "--port", str(ds_port), "--setting", "sql_time_limit_ms", "5000"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        ds_url = f"http://127.0.0.1:{ds_port}/drc?" + urllib.parse.urlencode({"sql": LIST_SQL})
        wait_up(f"http://127.0.0.1:{ds_port}/")
        check = requests.get(ds_url)
        assert check.status_code == 200 and VENDOR in check.text, "datasette did not answer the list query"
        results["datasette"] = wrk(ds_url, args.seconds, args.clerks, "")
    finally:
        server.terminate()
        server.wait()
        if datasette:
            datasette.terminate()
            datasette.wait()
        shutil.rmtree(work, ignore_errors=True)

    rows = [
        ("order list, filtered, page 3 (`GET /orders?year=2020&vendor=…&page=3`)", "list"),
        ("entry page (`GET /orders/new`)", "entry page"),
        ("order entry (`POST /orders`: validated insert + history)", "entry"),
        ("the same list query through Datasette (`/drc?sql=…`, HTML)", "datasette"),
    ]
    cpu = platform.processor() or platform.machine()
    lines = [f"Run {datetime.date.today()} on {platform.machine()}, {os.cpu_count()} cores ({cpu}); wrk -t2 -c{args.clerks} "
             f"-d{args.seconds}s on the same machine; {args.clerks} clerks signed in, each request with the next clerk's session; "
             f"database: the 2020 seed (9,424 orders); drc release build.",
             "",
             "| what | p50 | p99 | requests/s | requests | non-2xx/3xx |",
             "|---|---:|---:|---:|---:|---:|"]
    for label, key in rows:
        r = results[key]
        lines.append(f"| {label} | {r['p50']:.2f} ms | {r['p99']:.2f} ms | {r['rps']:,.0f} | {r['requests']:,} | {r['bad']} |")
    ratio = results["list"]["rps"] / results["datasette"]["rps"]
    lines += ["", f"drc's list page ÷ Datasette's query page: **{ratio:.1f}×** the throughput (goal ≥ 3×); "
              f"drc's p99 on the list {results['list']['p99']:.1f} ms, on entry {results['entry']['p99']:.1f} ms (goal ≤ 50 ms). "
              f"Orders written during the entry run: {written}."]
    text = "\n".join(lines)
    print(text)
    if not args.no_readme:
        path = os.path.join(ROOT, "bench/README.md")
        readme = open(path).read()
        block = "<!-- web -->\n" + text + "\n<!-- /web -->"
        readme = re.sub(r"<!-- web -->.*<!-- /web -->", lambda _: block, readme, flags=re.S)
        open(path, "w").write(readme)


if __name__ == "__main__":
    main()
