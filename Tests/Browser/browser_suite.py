#!/usr/bin/env python3
"""drc's web interface in a real browser (headless Chromium driven by Selenium).

Usage: browser_suite.py DRC_BINARY OUTPUT_FOLDER

Builds a fresh database (init, seed, three accounts, a few timed orders and weighted indicators),
starts `drc serve --port 0`, then as a clerk signs in, enters an order from the keyboard alone,
corrects it and moves it new -> assigned -> solved -> closed by keyboard, cancels another after
confirming, finds it in the filtered list and in the dashboard's numbers, imports a file (dry run,
then for real); as a manager downloads the CSV export and checks it, finds the totals, service
level and scoring pages' numbers equal to `drc totals`, `drc sla` and `drc score`, and opens the
checks (疑点) page. Every page is checked with axe-core (no serious or critical violation) when
axe-selenium-python is installed (DRC_REQUIRE_AXE=1 makes its absence a failure). Screenshots of
every page at 1280 px (and a few at 1920 px) go to OUTPUT_FOLDER/screenshots. Exits 0 when every
check held, 1 with the failed check otherwise.
"""
import csv
import io
import os
import re
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

try:
    from axe_selenium_python import Axe
except ImportError:  # checked below: required when DRC_REQUIRE_AXE=1
    Axe = None

DRC, OUT = sys.argv[1], os.path.abspath(sys.argv[2])
SHOTS = os.path.join(OUT, "screenshots")
DOWNLOADS = os.path.join(OUT, "downloads")
os.makedirs(SHOTS, exist_ok=True)
os.makedirs(DOWNLOADS, exist_ok=True)
work = tempfile.mkdtemp(prefix="drc-browser-")
db = os.path.join(work, "drc.sqlite")
SUMMARY = "浏览器测试：交换机掉线 " + str(os.getpid())


def drc(*args, stdin=None):
    result = subprocess.run([DRC, *args, "--db", db], input=stdin, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"drc {' '.join(args)} failed: {result.stderr}")
    return result.stdout


def check(condition, what):
    if not condition:
        raise AssertionError(what)
    print("ok:", what)


drc("init")
drc("seed")
drc("user", "add", "王丽", "--role", "clerk", stdin="browser-pass-1\n")
drc("user", "add", "主管", "--role", "manager", stdin="browser-pass-2\n")
drc("user", "add", "管理员", "--role", "admin", stdin="browser-pass-3\n")
# Orders with their times, for the service levels; weighted indicators, for a 自评表 with a grade.
for opened, responded, restored, priority in [("2020-05-06 09:00", "2020-05-06 10:30", "2020-05-06 12:00", "urgent"),
                                             ("2020-06-02 14:00", "2020-06-02 14:20", "2020-06-02 15:00", "high")]:
    drc("order", "add", "--vendor", "美音", "--category", "全区网络故障", "--opened", opened, "--responded", responded,
        "--restored", restored, "--priority", priority, "--summary", "服务级别样例")
for name, target, actual, weight in [("巡检次数", "100", "90", "60"), ("满意度", "95", "96", "40")]:
    drc("indicator", "add", "--year", "2021", "--project", "财政预算联网监督项目", "--level1", "产出指标", "--name", name,
        "--target-op", ">=", "--target", target, "--actual", actual, "--weight", weight)

server = subprocess.Popen([DRC, "serve", "--db", db, "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                          text=True, env={**os.environ, "LANG": "C.UTF-8"})
base = None
deadline = time.time() + 30
while time.time() < deadline and base is None:
    line = server.stdout.readline()
    match = re.search(r"http://[\d.]+:(\d+)/", line)
    if match:
        base = f"http://127.0.0.1:{match.group(1)}"
if base is None:
    server.kill()
    raise SystemExit("drc serve did not start")

options = Options()
options.binary_location = os.environ.get("DRC_CHROMIUM", "/usr/bin/chromium")
for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=zh-CN"]:
    options.add_argument(flag)
options.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN,zh", "download.default_directory": DOWNLOADS,
                                          "download.prompt_for_download": False})
driver = webdriver.Chrome(service=Service(os.environ.get("DRC_CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
driver.implicitly_wait(5)


AXE_REQUIRED = os.environ.get("DRC_REQUIRE_AXE") == "1"
if Axe is None and AXE_REQUIRED:
    raise SystemExit("axe-selenium-python is missing (pip install axe-selenium-python)")
accessibility = {}


def shot(name, width=1280):
    """A screenshot of the whole page at this width, and the page's accessibility check."""
    if width != 1280:
        driver.set_window_size(width, 1000)
    height = driver.execute_script("return Math.max(document.body.scrollHeight, 700)")
    driver.set_window_size(width, min(int(height) + 140, 4000))
    driver.save_screenshot(os.path.join(SHOTS, name + ".png"))
    driver.set_window_size(1280, 1000)
    if Axe is not None and width == 1280:
        axe = Axe(driver)
        axe.inject()
        results = axe.run()
        bad = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
        accessibility[name] = [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}" for v in bad]


def table_cells(selector):
    """The rows of a table on the page as lists of cell texts."""
    return [[cell.text.strip() for cell in row.find_elements(By.TAG_NAME, "td")]
            for row in driver.find_elements(By.CSS_SELECTOR, selector + " tbody tr")]


def command_rows(*args):
    """`drc … --format csv --lang zh` as rows, its heading left out."""
    return list(csv.reader(io.StringIO(drc(*args, "--format", "csv", "--lang", "zh"))))[1:]


def choose(select, text):
    """Picks an option of a focused select from the keyboard: arrow keys, as a clerk would."""
    options = [o.text for o in select.find_elements(By.TAG_NAME, "option")]
    target = options.index(text)
    current = options.index(Select(select).first_selected_option.text)
    for _ in range(abs(target - current)):
        select.send_keys(Keys.ARROW_DOWN if target > current else Keys.ARROW_UP)


def tab_to(predicate, what, limit=40):
    """Presses Tab until the focused element is the one wanted."""
    for _ in range(limit):
        if predicate(driver.switch_to.active_element):
            return driver.switch_to.active_element
        driver.switch_to.active_element.send_keys(Keys.TAB)
    raise AssertionError("Tab never reached " + what)


def wait_for(condition, what, seconds=10):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError("timed out waiting: " + what)


def gone(element):
    """A wait condition: the element's page has been replaced by the next one.

    Chromium reports an element of a page being left either as stale or, mid-navigation, as an
    inspector error ("Node with given id does not belong to the document"); both mean gone.
    """
    def check_gone(_):
        try:
            element.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            if "does not belong to the document" in str(error) or "no such" in str(error):
                return True
            raise
    return check_gone


def sign_in(name, password):
    """Signs in on the sign-in page the browser is at (else opens it)."""
    if "/login" not in driver.current_url:
        driver.get(base + "/login")
    driver.find_element(By.ID, "name").send_keys(name)
    driver.find_element(By.ID, "password").send_keys(password + Keys.ENTER)


def dashboard_numbers():
    driver.get(base + "/?year=2020")
    total = int(driver.find_element(By.CSS_SELECTOR, "#order-total strong").text)
    month = driver.find_element(By.ID, "chart-month").text
    # Each bar's label (2020-05) is followed by its count.
    may = re.search(r"2020-05\s+(\d+)", month)
    return total, int(may.group(1)) if may else 0


failed = None
try:
    driver.get(base + "/orders")
    check("/login" in driver.current_url, "signed out, a page sends the browser to sign in")
    shot("01-login")
    sign_in("王丽", "browser-pass-1")
    wait_for(lambda: "/login" not in driver.current_url, "signing in")
    check(driver.current_url.endswith("/orders"), "after signing in the browser is back at the page it asked for")
    total_before, may_before = dashboard_numbers()
    shot("02-dashboard")

    # Order entry, from the keyboard only: choose with the arrow keys, type, Tab on, Enter saves.
    driver.get(base + "/orders/new")
    shot("03-entry")
    active = driver.switch_to.active_element
    check(active.get_attribute("name") == "vendor", "the entry form's first field (供应商) has the focus")
    choose(active, "湖南美音网络技术有限公司")
    active.send_keys(Keys.TAB)
    choose(driver.switch_to.active_element, "全区网络故障")
    driver.switch_to.active_element.send_keys(Keys.TAB)  # 报修单位 left empty
    driver.switch_to.active_element.send_keys(Keys.TAB)
    check(driver.switch_to.active_element.get_attribute("name") == "opened", "报修时间 follows 供应商, 服务类别 and 报修单位")
    driver.switch_to.active_element.send_keys("2020年5月6日 09:30" + Keys.TAB)
    driver.switch_to.active_element.send_keys(SUMMARY)
    tab_to(lambda e: e.get_attribute("type") == "submit" and e.tag_name == "button", "the Save button")
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: "added=" in d.current_url)
    notice = driver.find_element(By.CSS_SELECTOR, "p.notice a")
    order = notice.text.lstrip("#")
    check(order.isdigit(), f"the order was added (#{order})")

    # A mistake: the form comes back with the values kept, the bad field marked and focused.
    driver.get(base + "/orders/new")
    choose(driver.switch_to.active_element, "湖南美音网络技术有限公司")
    driver.switch_to.active_element.send_keys(Keys.TAB)
    choose(driver.switch_to.active_element, "全区网络故障")
    opened = driver.find_element(By.ID, "f-opened")
    opened.send_keys("2020-02-30 09:00" + Keys.ENTER)
    WebDriverWait(driver, 10).until(gone(opened))
    active = driver.switch_to.active_element
    check(active.get_attribute("id") == "f-opened" and active.get_attribute("aria-invalid") == "true",
          "after a refusal the bad field (报修时间) is marked and has the focus")
    check("报修时间" in driver.find_element(By.ID, "e-opened").text, "the message stands beside the field")
    check(Select(driver.find_element(By.ID, "f-vendor")).first_selected_option.text == "湖南美音网络技术有限公司",
          "the values typed are kept")
    shot("03b-entry-error")

    # Correcting the order, by keyboard: the form opens from the order's page, Enter saves.
    driver.get(base + f"/orders/{order}")
    link = driver.find_element(By.LINK_TEXT, "更正此工单")
    link.send_keys(Keys.ENTER)
    WebDriverWait(driver, 10).until(gone(link))
    shot("04a-edit")
    summary = tab_to(lambda e: e.get_attribute("name") == "summary", "故障描述")
    summary.send_keys(Keys.CONTROL, "a")
    summary.send_keys(SUMMARY + "（已更正）")
    ticket = tab_to(lambda e: e.get_attribute("name") == "ticket", "工单号")
    ticket.send_keys("MY-" + order + Keys.TAB)
    choose(driver.switch_to.active_element, "高")
    tab_to(lambda e: e.get_attribute("type") == "submit" and e.tag_name == "button", "保存更正")
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: "done=edited" in d.current_url)
    check("已保存更正" in driver.find_element(By.CSS_SELECTOR, "p.notice").text, "the correction is saved")
    record = driver.find_element(By.CSS_SELECTOR, "table.record").text
    check(SUMMARY + "（已更正）" in record and "MY-" + order in record, "the order shows the corrected values")

    # Status actions, each its own form, by keyboard: type the time, Enter.
    for action, at in [("assign", "2020-05-06 10:00"), ("solve", "2020-05-06 15:00"), ("close", "")]:
        field = driver.find_element(By.ID, f"at-{action}")
        field.send_keys(at + Keys.ENTER)
        WebDriverWait(driver, 10).until(gone(field))
    status = driver.find_element(By.XPATH, "//th[text()='状态']/following-sibling::td").text
    check(status == "已关闭", "the order went new → assigned → solved → closed")
    solved = driver.find_element(By.XPATH, "//th[text()='解决时间']/following-sibling::td").text
    check(solved == "2020-05-06 15:00", "solving took the time typed")
    events = driver.find_elements(By.CSS_SELECTOR, "#status-events tbody tr")
    check(len(events) >= 3 and "王丽" in events[-1].text, "each status change is recorded under the signed-in clerk")
    check(not re.search(r"\d{4}-\d\d-\d\dT\d\d:", driver.find_element(By.ID, "status-events").text), "times are local, no raw stamps")
    shot("04-order")

    # Cancelling asks first: without the box ticked the order's page says so and nothing changes.
    driver.get(base + "/orders/new")
    choose(driver.switch_to.active_element, "湖南美音网络技术有限公司")
    driver.switch_to.active_element.send_keys(Keys.TAB)
    choose(driver.switch_to.active_element, "全区网络故障")
    driver.find_element(By.ID, "f-opened").send_keys("2020-05-08 10:00")
    driver.find_element(By.ID, "f-summary").send_keys("将被取消")
    driver.find_element(By.ID, "f-ticket").send_keys(Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: "added=" in d.current_url)
    second = driver.find_element(By.CSS_SELECTOR, "p.notice a").text.lstrip("#")
    driver.get(base + f"/orders/{second}")
    solve_at = driver.find_element(By.ID, "at-solve")
    solve_at.send_keys("不是时间" + Keys.ENTER)
    WebDriverWait(driver, 10).until(gone(solve_at))
    check(driver.find_element(By.ID, "err-solve").is_displayed() and f"/orders/{second}" in driver.current_url,
          "a refused status action stays on the order's page with its message")
    shot("04b-order-refused")
    confirm = driver.find_element(By.ID, "confirm-cancel")
    confirm.send_keys(Keys.SPACE)
    check(confirm.is_selected(), "the confirmation box is ticked from the keyboard")
    confirm.send_keys(Keys.TAB)
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    WebDriverWait(driver, 10).until(gone(confirm))
    status = driver.find_element(By.XPATH, "//th[text()='状态']/following-sibling::td").text
    check(status == "已取消", "the order was cancelled once confirmed")

    driver.get(base + "/orders")
    Select(driver.find_element(By.NAME, "vendor")).select_by_visible_text("湖南美音网络技术有限公司")
    Select(driver.find_element(By.NAME, "status")).select_by_visible_text("已关闭")
    Select(driver.find_element(By.NAME, "year")).select_by_visible_text("2020")
    year = driver.find_element(By.NAME, "year")
    driver.find_element(By.CSS_SELECTOR, "form.filters button").click()
    WebDriverWait(driver, 10).until(gone(year))
    row = driver.find_element(By.CSS_SELECTOR, "form.filters")
    tops = [e.location["y"] for e in row.find_elements(By.CSS_SELECTOR, "select, input, button")]
    check(max(tops) - min(tops) < 20, f"the filter row stands on one line at 1280 px ({tops})")
    for heading in ["编号", "编号 ▲"]:
        link = driver.find_element(By.LINK_TEXT, heading)
        link.click()
        WebDriverWait(driver, 10).until(gone(link))
    check(driver.find_elements(By.LINK_TEXT, order), "the order is first in the list filtered by vendor and status, newest first")
    shot("05-orders")
    for page in ["vendors", "units", "projects", "categories", "password"]:
        driver.get(base + "/" + page)
        shot("05-" + page)

    total_after, may_after = dashboard_numbers()
    check(total_after == total_before + 1, f"the dashboard's total went from {total_before} to {total_after}")
    check(may_after == may_before + 1, f"May's bar went from {may_before} to {may_after}")

    upload = os.path.join(work, "vendor-may.csv")
    with open(upload, "w", encoding="utf-8") as f:
        f.write("vendor,category,opened,summary\n美音,终端桌面,2020-05-07 10:00,导入一\n美音,终端桌面,2020-05-08 11:00,导入二\n")
    driver.get(base + "/import")
    driver.find_element(By.ID, "file").send_keys(upload)
    button = driver.find_element(By.CSS_SELECTOR, "button[value='dry-run']")
    button.click()
    WebDriverWait(driver, 10).until(gone(button))
    check("将新增 2 条工单" in driver.find_element(By.ID, "import-result").text, "the dry run says both rows would be new")
    driver.find_element(By.ID, "file").send_keys(upload)
    button = driver.find_element(By.CSS_SELECTOR, "button[value='import']")
    button.click()
    WebDriverWait(driver, 10).until(gone(button))
    check("已导入 2 条工单" in driver.find_element(By.ID, "import-result").text, "the import wrote both rows")
    shot("06-import")
    check(dashboard_numbers()[1] == may_after + 2, "the imported orders count in May")

    driver.find_element(By.CSS_SELECTOR, "form.signout button").click()
    wait_for(lambda: "/login" in driver.current_url, "signing out")
    sign_in("主管", "browser-pass-2")
    wait_for(lambda: "/login" not in driver.current_url, "signing in as the manager")
    driver.get(base + "/orders?year=2020&vendor=%E7%BE%8E%E9%9F%B3")
    driver.find_element(By.PARTIAL_LINK_TEXT, "导出 CSV").click()
    path = None
    for _ in range(50):
        done = [f for f in os.listdir(DOWNLOADS) if f.endswith(".csv")]
        if done:
            path = os.path.join(DOWNLOADS, done[0])
            break
        time.sleep(0.2)
    check(path is not None, "the export downloaded")
    data = open(path, "rb").read()
    check(data.startswith(b"\xef\xbb\xbf"), "the export starts with a BOM (Excel reads it as UTF-8)")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    check(any(SUMMARY + "（已更正）" in row for row in rows), "the export holds the order entered, as corrected")
    driver.get(base + "/report?year=2020")
    check(driver.find_elements(By.CSS_SELECTOR, "article.report h1"), "the report page shows the report as HTML")
    check(not driver.find_elements(By.CSS_SELECTOR, "pre"), "the report page has no Markdown box")
    # Every bar label of the report's charts fits in its column, whole: none runs into the
    # bars or off the drawing, and none ends in an ellipsis.
    cut = driver.execute_script("""
        const out = [];
        for (const figure of document.querySelectorAll('article.report figure')) {
            const bar = figure.querySelector('rect');
            if (!bar) continue;
            const start = parseFloat(bar.getAttribute('x'));
            for (const label of figure.querySelectorAll('text.label')) {
                const box = label.getBBox();
                if (box.x < 0 || box.x + box.width > start || label.textContent.endsWith('…')) out.push(label.textContent);
            }
        }
        return out;""")
    check(cut == [], f"chart labels cut short or running into the bars: {cut}")
    parts = driver.find_elements(By.CSS_SELECTOR, "#chart-budget text.label.part")
    check(len(parts) >= 4, "the budget chart sets its parts in under their totals")
    shot("07-report")
    driver.execute_script("document.getElementById('chart-budget').scrollIntoView()")
    shot("07b-report-budget-chart")

    # The manager's pages carry the commands' numbers.
    driver.get(base + "/totals?year=2020&by=vendor")
    page_rows = table_cells("#totals-table")
    command = command_rows("totals", "--year", "2020", "--by", "vendor")
    check(page_rows[:len(command)] == command, f"the totals page's numbers are drc totals' ({command})")
    shot("10-totals")
    driver.get(base + "/totals?year=2020&compare=2019&by=category&by2=month")
    check(driver.find_element(By.ID, "chart-totals").is_displayed(), "the totals page draws its chart")
    shot("10b-totals-two-dimensions")
    driver.get(base + "/sla?year=2020")
    page_rows = table_cells("#sla-table")
    command = command_rows("sla", "--year", "2020")
    check(command and page_rows[:len(command)] == command, f"the service-level page's numbers are drc sla's ({command})")
    shot("11-sla")
    driver.get(base + "/score?year=2020")
    page_rows = table_cells("#score-table")
    command = command_rows("score", "--year", "2020")
    # The seed's 2020 indicators carry no weights: no sheet has a total, here as in drc score.
    check(page_rows[:len(command)] == command, f"the scoring page's 2020 numbers are drc score's ({command})")
    shot("12-score")
    # A weighted sheet (2021): its total and grade, and the sheet itself, as drc score gives them.
    driver.get(base + "/score?year=2021")
    page_rows = table_cells("#score-table")
    command = command_rows("score", "--year", "2021")
    check(command and page_rows[:len(command)] == command and command[0][4] == "优",
          f"the 2021 sheets' totals and grade are drc score's ({command})")
    driver.find_element(By.LINK_TEXT, "财政预算联网监督项目").click()
    wait_for(lambda: "project=" in driver.current_url, "the project's 自评表")
    page_rows = table_cells("#score-table")
    command = command_rows("score", "--year", "2021", "--project", "财政预算联网监督项目")
    check(command and page_rows[:len(command)] == command, f"the project's 自评表 is drc score --project's ({command})")
    shot("12b-score-sheet")
    driver.get(base + "/budget?year=2020")
    page_rows = table_cells("#budget-table")
    command = command_rows("budget", "totals", "--year", "2020", "--wan")
    check(command and page_rows[:len(command)] == command, "the budget page's numbers are drc budget totals --wan's")
    shot("13-budget")
    driver.get(base + "/loop?year=2020")
    shot("14-loop")
    for name, path in [("10-totals", "/totals?year=2020&by=vendor&by2=category"), ("02-dashboard", "/?year=2020"),
                       ("05-orders", "/orders"), ("04-order", f"/orders/{order}")]:
        driver.get(base + path)
        shot(name + "-1920", width=1920)
    driver.get(base + "/?year=2020")
    shot("08-dashboard-manager")
    driver.find_element(By.LINK_TEXT, "核对").click()
    wait_for(lambda: "/check" in driver.current_url, "the checks page")
    check("疑点是需要核实的事项，不是结论。" in driver.page_source, "the manager reaches the checks page from the menu")
    shot("09-check")

    driver.find_element(By.CSS_SELECTOR, "form.signout button").click()
    wait_for(lambda: "/login" in driver.current_url, "signing out")
    sign_in("管理员", "browser-pass-3")
    wait_for(lambda: "/login" not in driver.current_url, "signing in as the admin")
    driver.get(base + "/users")
    shot("15-users")

    if Axe is not None:
        serious = {page: found for page, found in accessibility.items() if found}
        check(not serious, "axe-core finds no serious or critical violation on any page: " + repr(serious))
        print("axe-core checked:", ", ".join(sorted(accessibility)))
    else:
        print("axe-core: not run (pip install axe-selenium-python)")
except Exception as error:  # noqa: BLE001 - any failure is reported with a screenshot
    failed = error
    shot("failure")
finally:
    driver.quit()
    server.terminate()
    server.wait(timeout=10)

if failed:
    print("FAILED:", failed)
    sys.exit(1)
print("browser suite: every check held; screenshots in", SHOTS)
