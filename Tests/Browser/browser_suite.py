#!/usr/bin/env python3
"""drc's web interface in a real browser (headless Chromium driven by Selenium).

Usage: browser_suite.py DRC_BINARY OUTPUT_FOLDER

Builds a fresh database (init, seed, two accounts), starts `drc serve --port 0`, then as a
clerk signs in, enters an order from the keyboard, moves it new -> assigned -> solved -> closed,
finds it in the filtered list and in the dashboard's numbers, imports a file (dry run, then for
real); as a manager downloads the CSV export and checks it, and opens the checks (疑点) page. Screenshots of the main pages go to
OUTPUT_FOLDER/screenshots. Exits 0 when every check held, 1 with the failed check otherwise.
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
from selenium.webdriver.support.ui import WebDriverWait

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


def shot(name):
    driver.save_screenshot(os.path.join(SHOTS, name + ".png"))


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

    # Order entry, from the keyboard only: type, Tab to the next field, Enter to save.
    driver.get(base + "/orders/new")
    shot("03-entry")
    active = driver.switch_to.active_element
    check(active.get_attribute("name") == "year", "the entry form's first field has the focus")
    active.send_keys(Keys.TAB)
    for value in ["美音", "", "全区网络故障", "", "2020年5月6日 09:30", SUMMARY]:
        driver.switch_to.active_element.send_keys(value)
        driver.switch_to.active_element.send_keys(Keys.TAB)
    driver.switch_to.active_element.send_keys(Keys.TAB)  # past the solution, onto Save
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: "added=" in d.current_url)
    notice = driver.find_element(By.CSS_SELECTOR, "p.notice a")
    order = notice.text.lstrip("#")
    check(order.isdigit(), f"the order was added (#{order})")

    driver.get(base + f"/orders/{order}")
    for action in ["assign", "solve", "close"]:
        button = driver.find_element(By.CSS_SELECTOR, f"button[value='{action}']")
        button.click()
        WebDriverWait(driver, 10).until(gone(button))
    status = driver.find_element(By.XPATH, "//th[text()='状态']/following-sibling::td").text
    check(status == "已关闭", "the order went new → assigned → solved → closed")
    events = driver.find_elements(By.CSS_SELECTOR, "h2 + table tbody tr")
    check(len(events) >= 3 and "王丽" in events[-1].text, "each status change is recorded under the signed-in clerk")
    shot("04-order")

    driver.get(base + "/orders")
    driver.find_element(By.NAME, "vendor").send_keys("美音")
    driver.find_element(By.NAME, "status").send_keys("已关闭")
    year = driver.find_element(By.NAME, "year")
    year.send_keys("2020" + Keys.ENTER)
    WebDriverWait(driver, 10).until(gone(year))
    for heading in ["编号", "编号 ▲"]:
        link = driver.find_element(By.LINK_TEXT, heading)
        link.click()
        WebDriverWait(driver, 10).until(gone(link))
    check(driver.find_elements(By.LINK_TEXT, order), "the order is first in the list filtered by vendor and status, newest first")
    shot("05-orders")

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
    check(any(SUMMARY in row for row in rows), "the export holds the order entered")
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
    driver.get(base + "/?year=2020")
    shot("08-dashboard-manager")
    driver.find_element(By.LINK_TEXT, "核对").click()
    wait_for(lambda: "/check" in driver.current_url, "the checks page")
    check("疑点是需要核实的事项，不是结论。" in driver.page_source, "the manager reaches the checks page from the menu")
    shot("09-check")
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
