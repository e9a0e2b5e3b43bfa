"""The staff console in a real browser against the whole suite, as the people who use it:
a day at a point from the front desk to check-out (with a dropped poll, a session that
runs out while a form is being typed, and a bath that overruns), what each role is offered,
and a city's dashboard of 120 points. Every outcome is checked through the API.

Every page is checked at 1366×900, 1024×768 and 768×1024: the test fails on any console
error, on visible English words in the Chinese mode (outside proper names and values,
which the console marks `translate="no"`), on anything under the header, and on a page
wider than the screen. Screenshots are kept under test-artifacts/browser/.

One suite serves the module (on the first store kind of ZHUYU_TEST_DATABASES): the
console is what is under test here, the stores are tested elsewhere. Its tokens live
45 seconds, so the console renews its session several times while the test runs.
"""
from __future__ import annotations

import json
import os
import re
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import requests

from testkit.suite import RunningSuite, suite_environment
from tests.fixtures import DATABASES

pytestmark = [pytest.mark.integration, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts" / "browser"
TTL = 45  # seconds a token lives in this suite
PASSWORD = "a-long-enough-password"
VIEWPORTS = {"desktop": (1366, 900), "landscape": (1024, 768), "portrait": (768, 1024)}
ALL_DAY = {day: [["00:00", "23:59"]] for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
CERTIFICATE = {"number": "H-2026-1", "issued_on": "2026-01-01", "expires_on": "2099-01-01"}
TRAINED = {"experience_years": 3, "health_certificate": CERTIFICATE, "care_training": {"completed_on": "2024-01-01"}}
REMINDERS = ["地面湿滑，请扶好扶手", "水温先试后洗"]
# Words a Chinese page may show in Latin letters: the switch to English, file formats.
LATIN_ALLOWED = {"English", "CSV", "Excel", "JSON"}
TZ = ZoneInfo("Asia/Shanghai")
VISIT_LIST = re.compile(r"/api/v1/visits\?")  # the board's poll (and the front desk's day)


def api_path(path: str) -> re.Pattern:
    return re.compile(rf"/api/v1/{re.escape(path)}\?")


def id_number(birth: str, serial: int, male: bool = False) -> str:
    """A valid resident ID number (GB 11643) born on `birth` (YYYYMMDD)."""
    first17 = f"330105{birth}{100 + serial % 50 * 2 + (1 if male else 0):03d}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights)) % 11]


def today() -> str:
    return datetime.now(TZ).date().isoformat()


def age_of(birth: str) -> int:
    born, now = datetime.strptime(birth, "%Y-%m-%d").date(), datetime.now(TZ).date()
    return now.year - born.year - ((now.month, now.day) < (born.month, born.day))


# --- the suite, the API and the browser ---------------------------------------------------

@pytest.fixture(scope="module")
def suite(rabbit, request, tmp_path_factory):
    if not (ROOT / "console" / "dist" / "index.html").exists():
        pytest.fail("the console is not built: run `make console` (make test does)")
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail("Chromium is missing: run `scripts/install-system-deps.sh --browser` (make test does)")
    base = tmp_path_factory.mktemp("console-suite")
    cluster = request.getfixturevalue("pg_cluster") if DATABASES[0] == "postgresql" else None
    made: list[str] = []

    def database(name: str) -> str:
        if cluster is None:
            return f"sqlite:///{base / (name + '.db')}"
        made.append(f"t_{name}_{uuid.uuid4().hex[:10]}")
        return cluster.create_database(made[-1])

    vhost = rabbit.new_vhost()
    env = dict(os.environ, AMQP_URL=rabbit.url(vhost), ZHUYU_RETRY_DELAYS_SECONDS="1,1", ZHUYU_RELAY_LEASE_SECONDS="2",
               ZHUYU_WEBHOOK_ALLOW_PRIVATE="true", ZHUYU_TOKEN_TTL_SECONDS=str(TTL),
               ZHUYU_HYPERTENSION_INTERVAL_DAYS="3",  # a new plan's first follow-up falls due this week
               ZHUYU_SUBSIDY_RECHECK_DAYS="400")  # a subsidy approved here is on the re-check list at once
    env = suite_environment(env, base / "var", database)
    running = RunningSuite(env, base / "var", base / "suite.log")
    running.start()
    yield running
    assert running.stop() == 0
    rabbit.delete_vhost(vhost)
    for name in made:
        cluster.drop_database(name)


@pytest.fixture(scope="module")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield browser
        browser.close()


class Api:
    """The API as one user, renewing its token as the console does."""

    def __init__(self, suite: RunningSuite, username: str = "admin", password: str | None = None):
        self.base = suite.gateway + "/api/v1"
        self.suite, self.username, self.password = suite, username, password
        self.token, self.at = suite.token(username, password), time.monotonic()

    def headers(self) -> dict:
        if time.monotonic() - self.at > TTL / 2:
            renewed = requests.post(self.base + "/auth/refresh", headers={"Authorization": f"Bearer {self.token}"},
                                    timeout=30)
            self.token = (renewed.json()["access_token"] if renewed.status_code == 200
                          else self.suite.token(self.username, self.password))
            self.at = time.monotonic()
        return {"Authorization": f"Bearer {self.token}"}

    def get(self, path: str, **params) -> dict:
        response = requests.get(self.base + path, params=params, headers=self.headers(), timeout=30)
        assert response.status_code == 200, response.text
        return response.json()

    def post(self, path: str, body: dict, expect: tuple[int, ...] = (200, 201)) -> requests.Response:
        response = requests.post(self.base + path, json=body, headers=self.headers(), timeout=30)
        assert response.status_code in expect, response.text
        return response

    def make(self, path: str, body: dict) -> dict:
        return self.post(path, body).json()


def desk_knows(admin: "Api", staff_id: str) -> None:
    """Waits until the complaints desk has learnt of a new staff member through the broker: a
    call it answered is logged under that member (a desk record that names them) once it has."""
    deadline = time.monotonic() + 30
    while admin.post("/calls", {"caller": "13800009999", "started_at": datetime.now(TZ).isoformat(),
                                "answered": True, "duration_s": 30, "agent_id": staff_id},
                     expect=(201, 422)).status_code != 201:
        assert time.monotonic() < deadline, f"the desk never learnt of staff member {staff_id}"
        time.sleep(0.5)


class City:
    """A point with its staff and log-ins, made through the API."""

    def __init__(self, suite: RunningSuite, name: str):
        self.admin = Api(suite)
        self.point = self.admin.make("/service-points", {
            "name": name, "address": "杭州市拱墅区湖墅南路1号", "district": "拱墅区", "bath_capacity": 2,
            "rest_seats": 6, "opening_hours": ALL_DAY, "safety_reminders": REMINDERS})
        tag = uuid.uuid4().hex[:6]
        point = self.point["id"]

        def staff(name: str, gender: str, roles: list[str], trained: bool = True, at: str | None = point) -> dict:
            return self.admin.make("/staff", {"name": name, "gender": gender, "roles": roles, "service_point_id": at,
                                              "phone": "13700001111", **(TRAINED if trained else {"experience_years": 0.5})})

        self.head = staff("赵站长", "male", ["point_admin"])
        self.wang = staff("王秀英", "female", ["bathing_assistant"])
        self.liu = staff("刘建国", "male", ["bathing_assistant"])
        self.novice = staff("李新人", "female", ["bathing_assistant"], trained=False)
        self.agent = staff("陈客服", "female", ["cs_agent"], at=None)
        self.doctor = staff("孙医生", "male", ["case_manager"])
        self.logins = {}
        for role, member, bound in (("point_admin", self.head, True), ("bathing_assistant", self.wang, True),
                                    ("cs_agent", self.agent, False), ("city_operator", None, False)):
            username = f"{role.split('_')[0]}-{tag}"
            self.admin.make("/users", {"username": username, "password": PASSWORD, "role": role,
                                       "service_point_id": point if bound else None,
                                       "staff_id": member["id"] if member else None})
            self.logins[role] = username
        self.desk = Api(suite, self.logins["point_admin"], PASSWORD)

    def elder(self, name: str, card: str, serial: int, eligible: bool = True, male: bool = False, **extra) -> dict:
        elder = self.admin.make("/elders", {
            "name": name, "gender": "male" if male else "female", "birth_date": "1942-06-15",
            "id_number": id_number("19420615", serial, male),
            "citizen_card_no": card, "phone": "13912341234", "address": "湖墅南路2号", "district": "拱墅区",
            "service_point_id": self.point["id"], "emergency_contacts": [{"name": "李明", "relation": "儿子",
                                                                           "phone": "13800001111"}], **extra})
        if eligible:
            self.admin.make(f"/elders/{elder['id']}/assessments", {"level": 2, "assessed_on": today(),
                                                                  "assessor": "社区医生", "reference": "PG-1"})
            self.admin.make(f"/elders/{elder['id']}/safety-commitments", {
                "signer_name": name, "signer_relation": "self", "text_version": "v1",
                "witness_staff_id": self.head["id"]})
        return elder

    def check_in(self, card: str) -> dict:
        """Checks in as the front desk; the visits service learns of the elder through the broker."""
        deadline = time.monotonic() + 30
        while True:
            response = self.desk.post("/visits", {"citizen_card_no": card, "service_point_id": self.point["id"]},
                                      expect=(201, 409))
            if response.status_code == 201:
                return response.json()
            assert time.monotonic() < deadline, response.text
            time.sleep(0.5)

    def bathing(self, card: str, assistant: dict) -> dict:
        visit = self.check_in(card)
        self.desk.post(f"/visits/{visit['id']}/screening", {
            "mental_state": "good", "infectious_disease": False, "alcohol": False, "systolic": 125, "diastolic": 80,
            "reminders_given": ["anti_slip", "anti_hypoxia", "anti_fainting", "call_for_help", "medication",
                                "point_specific"]})
        self.desk.post(f"/visits/{visit['id']}/bath", {"assistant_staff_id": assistant["id"]})
        return visit


class Browser:
    """A page that records every console error and uncaught exception, except the failed
    requests a step provokes on purpose (`expect_failure`)."""

    def __init__(self, context, shots: Path):
        self.page = context.new_page()
        self.shots = shots
        self.errors: list[str] = []
        self.allowed: list[list] = []  # [status, url part, how many more]
        self.refreshes: list[int] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        self.page.on("response", self._response)

    def _response(self, response) -> None:
        if response.url.endswith("/api/v1/auth/refresh"):
            self.refreshes.append(response.status)

    def _console(self, message) -> None:
        if message.type != "error":
            return
        url = (message.location or {}).get("url", "")
        status = re.search(r"status of (\d{3})", message.text)
        for allowed in self.allowed:
            if status and int(status.group(1)) == allowed[0] and allowed[1] in url and allowed[2] > 0:
                allowed[2] -= 1
                return
        self.errors.append(f"console error: {message.text} ({url})")

    def expect_failure(self, status: int, url_part: str, times: int = 1) -> None:
        self.allowed.append([status, url_part, times])

    def shot(self, name: str) -> None:
        self.page.screenshot(path=str(self.shots / f"{name}.png"), full_page=True)

    def login(self, gateway: str, username: str, password: str = PASSWORD, screen: str = "") -> None:
        self.page.goto(f"{gateway}/console/#/{screen}")
        self.page.locator("input[name=username]").fill(username)
        self.page.locator("input[name=password]").fill(password)
        self.page.get_by_role("button", name="登录", exact=True).click()
        self.page.locator("nav a").first.wait_for()


@pytest.fixture
def browser(chromium, request):
    shots = ARTIFACTS / re.sub(r"[^\w.-]+", "_", request.node.name)
    shots.mkdir(parents=True, exist_ok=True)
    context = chromium.new_context(viewport={"width": 1366, "height": 900}, locale="zh-CN", accept_downloads=True)
    context.set_default_timeout(15000)
    opened = Browser(context, shots)
    yield opened
    opened.shot("last")
    context.close()
    assert opened.errors == [], "\n".join(opened.errors)


# --- what every page must be, at every width ------------------------------------------------

LATIN_WORDS = """(allowed) => {
  const found = [];
  const shown = (el) => { const s = getComputedStyle(el); return s.display !== 'none' && s.visibility !== 'hidden'
    && el.getClientRects().length > 0; };
  const look = (text, where) => (text.match(/[A-Za-z]{2,}/g) || []).filter((w) => !allowed.includes(w))
    .forEach((w) => found.push(`${w} in "${text.trim().slice(0, 90)}" (${where})`));
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || el.closest('[translate="no"], script, style, option:not(:checked)') || !shown(el)) continue;
    look(node.textContent, el.tagName.toLowerCase());
  }
  document.querySelectorAll('[placeholder], [title], [aria-label]').forEach((el) => {
    if (el.closest('[translate="no"]') || !shown(el)) return;
    ['placeholder', 'title', 'aria-label'].forEach((name) => el.hasAttribute(name) && look(el.getAttribute(name), name));
  });
  return found;
}"""

UNDER_HEADER = """() => {
  const header = document.querySelector('.topbar').getBoundingClientRect();
  const hits = [];
  for (const el of document.querySelectorAll('main *')) {
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height || getComputedStyle(el).visibility === 'hidden') continue;
    if (r.left < header.right && r.right > header.left && r.top < header.bottom && r.bottom > header.top) {
      hits.push(`${el.tagName.toLowerCase()}.${el.className} at ${Math.round(r.top)}`);
    }
  }
  return hits;
}"""

CONTRAST = """(el) => {
  const rgb = (c) => c.match(/[\\d.]+/g).map(Number);
  const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
  let back = [255, 255, 255];
  for (let e = el; e; e = e.parentElement) {
    const c = rgb(getComputedStyle(e).backgroundColor);
    if (c.length < 4 || c[3] > 0.5) { back = c; break; }
  }
  const [hi, lo] = [lum(rgb(getComputedStyle(el).color)), lum(back)].sort((a, b) => b - a);
  return (hi + 0.05) / (lo + 0.05);
}"""


def check_page(browser: Browser, name: str, chinese: bool = True) -> None:
    """The page as it stands, at each width: no English in Chinese, nothing under the
    header at any scroll position, a small header, nothing wider than the screen."""
    page = browser.page
    original = page.viewport_size
    for label, (width, height) in VIEWPORTS.items():
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(250)
        if chinese:
            latin = page.evaluate(LATIN_WORDS, sorted(LATIN_ALLOWED))
            assert latin == [], f"{name} at {label}: English in the Chinese page: {latin}"
        header = page.locator(".topbar").bounding_box()
        assert header["height"] <= 0.2 * height, f"{name} at {label}: the header is {header['height']} px tall"
        for position in (0, 0.5, 1):
            page.evaluate("(f) => window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) * f)", position)
            page.wait_for_timeout(50)
            hits = page.evaluate(UNDER_HEADER)
            assert hits == [], f"{name} at {label}, scrolled {position:.0%}: under the header: {hits[:5]}"
        assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth + 1"), (
            f"{name} at {label}: the page is wider than the screen")
        page.evaluate("() => window.scrollTo(0, 0)")
        browser.shot(f"{name}-{label}")
    page.set_viewport_size(original)


def refusing(status: int, code: str):
    """A route handler that answers a problem, as the gateway does for a refused call."""
    body = f'{{"type":"about:blank","title":"x","status":{status},"code":"{code}","detail":"refused on purpose"}}'
    return lambda route: route.fulfill(status=status, content_type="application/problem+json",
                                       headers={"Retry-After": "30"}, body=body)


def open_screen(page, screen: str) -> None:
    page.locator(f"nav a[data-screen={screen}]").click()
    page.wait_for_timeout(300)


def check_the_console_is_served(gateway: str) -> None:
    """Pages and assets without credentials, with their types; a problem for anything else."""
    index = requests.get(f"{gateway}/console/", timeout=30)
    assert index.status_code == 200 and index.headers["Content-Type"].startswith("text/html")
    assert "<title>助浴服务工作台</title>" in index.text
    script = re.search(r'src="(/console/assets/[^"]+\.js)"', index.text).group(1)
    asset = requests.get(gateway + script, timeout=30)
    assert asset.status_code == 200 and asset.headers["Content-Type"].startswith("text/javascript")
    assert "immutable" in asset.headers["Cache-Control"]
    assert requests.get(f"{gateway}/console/settings.json", timeout=30).json()["timezone"]
    for path in ("/console/assets/missing.js", "/console/%2e%2e/pyproject.toml", "/console/..%2f..%2fMakefile",
                 "/console/assets/%2e%2e/%2e%2e/package.json"):
        missing = requests.get(gateway + path, timeout=30)
        assert missing.status_code == 404, path
        assert missing.headers["Content-Type"] == "application/problem+json", path
        assert missing.json()["code"] == "NOT_FOUND"
    assert requests.post(f"{gateway}/console/", timeout=30).status_code == 401


# --- a day at the point -------------------------------------------------------------------------

def test_a_day_at_the_point_through_the_console(suite, browser):
    from playwright.sync_api import expect

    check_the_console_is_served(suite.gateway)
    city = City(suite, "湖墅街道老年助浴点")
    page = browser.page

    # --- log in: a wrong password is told in Chinese only ---------------------------------
    browser.expect_failure(401, "/api/v1/auth/token")
    page.goto(suite.gateway + "/console/")
    expect(page.locator("h1")).to_have_text("助浴服务工作台")
    page.locator("input[name=username]").fill(city.logins["point_admin"])
    page.locator("input[name=password]").fill("not-the-password")
    page.get_by_role("button", name="登录", exact=True).click()
    expect(page.locator(".login .problem")).to_have_text("用户名或密码错误。")
    page.locator("input[name=password]").fill(PASSWORD)
    page.get_by_role("button", name="登录", exact=True).click()
    expect(page.locator("nav a[data-screen=front-desk]")).to_have_text("前台")
    expect(page.get_by_test_id("user")).to_contain_text("赵站长")  # the staff member, not the log-in
    expect(page.get_by_test_id("point-select")).to_be_disabled()  # bound to the point

    front_desk(browser, city, expect)
    visit_id = visit_board(browser, city, expect)
    end_early(browser, city, expect)
    follow_ups(browser, city, expect)
    point_dashboard(browser, city, expect)

    # English on request, with the codes.
    page.get_by_test_id("lang-switch").click()
    expect(page.locator("nav a[data-screen=dashboard]")).to_have_text("City dashboard")
    expect(page.locator("[data-testid=figures] [data-figure=visits] .tile-label")).to_have_text("Visits")
    browser.shot("english")
    page.get_by_test_id("lang-switch").click()
    expect(page.locator("nav a[data-screen=visits]")).to_have_text("助浴看板")

    # Large text (适老化): everything grows and still fits a landscape tablet.
    open_screen(page, "visits")
    page.locator(f"[data-visit-id='{visit_id}']").first.click()
    page.get_by_test_id("large-text").click()
    page.wait_for_function("() => getComputedStyle(document.documentElement).fontSize === '20px'")
    check_page(browser, "board-large-text")
    page.get_by_test_id("large-text").click()
    page.wait_for_function("() => getComputedStyle(document.documentElement).fontSize === '16px'")

    # The session renews itself silently (tokens live 45 s here): no dialog, no lost work.
    if 200 not in browser.refreshes:
        with page.expect_response(lambda r: r.url.endswith("/api/v1/auth/refresh"), timeout=(TTL + 5) * 1000):
            pass
    assert 200 in browser.refreshes and set(browser.refreshes) <= {200, 401}, browser.refreshes
    expect(page.get_by_test_id("relogin")).to_have_count(0)


def front_desk(browser: Browser, city: City, expect) -> None:
    page = browser.page
    card = "HZ330105A0001"
    page.get_by_test_id("card-search").fill(card)
    page.get_by_test_id("card-search").press("Enter")
    expect(page.get_by_test_id("card-unknown")).to_contain_text(card)
    check_page(browser, "front-desk-unknown-card")
    page.get_by_test_id("start-register").click()
    register = page.get_by_test_id("register-form")
    expect(register.locator("[name=citizen_card_no]")).to_have_value(card)
    # A wrong check character is caught as it is typed; nothing is sent.
    register.locator("[name=name]").fill("陈桂兰")
    register.locator("[name=id_number]").fill("330105194206150241")
    expect(register.locator(".error-text")).to_contain_text("身份证号不正确")
    # The right number gives the birth date and the gender.
    register.locator("[name=id_number]").fill("330105194206150242")
    expect(register.locator("[name=birth_date]")).to_have_value("1942-06-15")
    expect(register.locator("[name=gender]")).to_have_value("female")
    for name, value in {"phone": "138-0000-1111", "address": "杭州市拱墅区湖墅南路2号", "contact_name": "李明",
                        "contact_relation": "儿子", "contact_phone": "138 0000 2222", "chronic_conditions": "高血压",
                        "medications": "氨氯地平"}.items():
        register.locator(f"[name={name}]").fill(value)
    check_page(browser, "front-desk-register")
    register.get_by_role("button", name="登记").click()
    expect(page.get_by_test_id("elder-summary")).to_contain_text(card)
    expect(page.get_by_test_id("elder-summary")).to_contain_text(f"{age_of('1942-06-15')} 岁")
    expect(page.get_by_test_id("eligible")).to_have_text("不符合助浴条件：尚无能力评估")  # and why
    [elder] = city.admin.get("/elders", citizen_card_no=card)["items"]
    assert (elder["phone"], elder["emergency_contacts"][0]["phone"]) == ("13800001111", "13800002222")

    # Without an assessment the elder is turned away, in plain words; the level is not pre-set.
    browser.expect_failure(409, "/api/v1/visits", times=20)
    expect(page.get_by_test_id("assessment-form").locator("[name=level]")).to_have_value("")
    page.get_by_test_id("check-in").click()
    refusal = page.get_by_test_id("refusal")
    expect(refusal).to_contain_text("不能入场")
    assert refusal.get_attribute("data-code") in ("UNKNOWN_CARD", "NOT_ELIGIBLE")
    check_page(browser, "front-desk-refused")

    assessment = page.get_by_test_id("assessment-form")
    assessment.locator("[name=level]").select_option("2")
    assessment.locator("[name=assessor]").fill("社区医生")
    assessment.locator("[name=reference]").fill("PG-2025-1")
    assessment.get_by_role("button", name="记录评估").click()
    expect(page.get_by_test_id("assessment-saved")).to_contain_text("2 级 半失能")
    expect(page.get_by_test_id("eligible")).to_have_text("符合助浴条件")
    [assessed] = city.admin.get("/elders", citizen_card_no=card)["items"]
    expect(page.get_by_test_id("assessment-due")).to_have_text(f"评估有效至 {assessed['assessment_due_on']}")
    expect(page.get_by_test_id("elder-summary")).to_contain_text("2 级 半失能")
    expect(page.get_by_test_id("refusal")).to_have_count(0)  # the refusal went with its cause

    # Until the commitment is signed the refusal says so; signing clears it.
    deadline = time.monotonic() + 30
    while True:
        page.get_by_test_id("check-in").click()
        expect(page.get_by_test_id("refusal")).to_be_visible()
        if page.get_by_test_id("refusal").get_attribute("data-code") == "NO_SAFETY_COMMITMENT":
            break
        assert time.monotonic() < deadline
        page.wait_for_timeout(500)
    expect(page.get_by_test_id("refusal")).to_contain_text("还没有签署当前版本的安全承诺书")
    commitment = page.get_by_test_id("commitment-form")
    expect(commitment.locator("[name=witness_staff_id]")).to_have_value(city.head["id"])  # the one at the desk
    commitment.get_by_role("button", name="签署").click()
    expect(page.get_by_test_id("commitment")).to_have_text("已签安全承诺")
    expect(page.get_by_test_id("commitment-saved")).to_be_visible()
    expect(page.get_by_test_id("refusal")).to_have_count(0)

    deadline = time.monotonic() + 30
    while not page.get_by_test_id("checked-in").is_visible():
        page.get_by_test_id("check-in").click()
        page.wait_for_timeout(500)
        assert time.monotonic() < deadline, "check-in still refused after 30 s"
    expect(page.get_by_test_id("checked-in")).to_contain_text("陈桂兰 已入场")
    # who pays, as decided at check-in: no subsidy approved for her, so she pays herself
    checked_in = city.admin.get(f"/visits/{page.get_by_test_id('checked-in').get_attribute('data-visit-id')}")
    assert checked_in["funding"] == {"source": "self_pay"}
    expect(page.get_by_test_id("funding")).to_have_text("本次费用：自费")
    # The card field is empty and focused: the next swipe is a new search, not an append.
    expect(page.get_by_test_id("card-search")).to_have_value("")
    expect(page.get_by_test_id("card-search")).to_be_focused()
    expect(page.get_by_test_id("today-visits")).to_contain_text("陈桂兰")
    check_page(browser, "front-desk-checked-in")

    # A second elder by keyboard-wedge swipe, then found by name.
    city.elder("周德明", "HZ330105A0002", 2, male=True, chronic_conditions=["高血压"])
    page.keyboard.type("HZ330105A0002")
    page.keyboard.press("Enter")
    expect(page.locator(".elder-summary h2")).to_have_text("周德明")
    page.get_by_test_id("card-search").fill("330105194206150242")  # the ID number: the desk may see them
    page.get_by_test_id("card-search").press("Enter")
    expect(page.locator(".elder-summary h2")).to_have_text("陈桂兰")
    expect(page.get_by_test_id("visits-today")).to_contain_text("今天已到访 1 次")
    page.get_by_test_id("card-search").fill("周德")
    page.get_by_test_id("card-search").press("Enter")
    expect(page.locator(".elder-summary h2")).to_have_text("周德明")


def visit_board(browser: Browser, city: City, expect) -> str:
    page = browser.page
    [visit] = city.admin.get("/visits", service_point_id=city.point["id"], status="checked_in")["items"]
    visit_id = visit["id"]
    open_screen(page, "visits")
    expect(page.locator("[data-step=checked_in]")).to_contain_text("陈桂兰")
    page.locator(f"[data-visit-id='{visit_id}']").click()
    screening = page.get_by_test_id("screening-form")
    for text in REMINDERS:
        expect(page.get_by_test_id("point-reminders")).to_contain_text(text)
    # The required reminders are asked for before anything is sent.
    page.get_by_test_id("screening-submit").click()
    expect(page.get_by_test_id("reminders-missing")).to_contain_text("不适时及时呼叫")
    expect(page.get_by_test_id("visit-panel")).to_have_attribute("data-status", "checked_in")
    screening.locator("[name=systolic]").fill("138")

    # One poll fails: the board, the panel and what is typed stay; it says it reconnects.
    browser.expect_failure(503, "/api/v1/visits")
    page.route(VISIT_LIST, lambda route: route.fulfill(
        status=503, content_type="application/problem+json", headers={"Retry-After": "5"},
        body='{"type":"about:blank","title":"Service Unavailable","status":503,"code":"SERVICE_UNAVAILABLE",'
             '"detail":"The visits service is not reachable; try again shortly."}'), times=1)
    expect(page.get_by_test_id("reconnecting")).to_be_visible(timeout=12000)
    expect(page.get_by_test_id("reconnecting")).to_contain_text("正在重新连接")
    expect(page.locator(f"[data-visit-id='{visit_id}']")).to_be_visible()
    expect(screening.locator("[name=systolic]")).to_have_value("138")
    check_page(browser, "board-reconnecting")
    expect(page.get_by_test_id("reconnecting")).to_have_count(0, timeout=12000)

    # The session cannot be renewed any more (it has reached its longest life) while the
    # form is typed: a login over the page, and nothing typed is lost.
    screening.locator("[name=diastolic]").fill("85")
    screening.locator("[data-reminder=call_for_help]").check()
    browser.expect_failure(401, "/api/v1/auth/refresh")
    page.route(re.compile(r"/api/v1/auth/refresh$"), refusing(401, "UNAUTHORIZED"), times=1)
    relogin = page.get_by_test_id("relogin")
    expect(relogin).to_be_visible(timeout=(TTL + 5) * 1000)  # renewals come every 3/4 of a token's life
    expect(relogin).to_contain_text("登录已过期")
    browser.shot("session-expired")
    expect(screening.locator("[name=systolic]")).to_have_value("138")
    expect(screening.locator("[data-reminder=call_for_help]")).to_be_checked()
    relogin.locator("input[name=password]").fill(PASSWORD)
    relogin.get_by_role("button", name="登录", exact=True).click()
    expect(relogin).to_have_count(0)
    expect(screening.locator("[name=diastolic]")).to_have_value("85")
    for reminder in ("anti_slip", "anti_hypoxia", "anti_fainting", "medication", "point_specific"):
        screening.locator(f"[data-reminder={reminder}]").check()
    check_page(browser, "board-screening")
    page.get_by_test_id("screening-submit").click()
    expect(page.get_by_test_id("visit-panel")).to_have_attribute("data-status", "screened")
    screened = city.admin.get(f"/visits/{visit_id}")["screening"]
    assert (screened["systolic"], screened["diastolic"]) == (138, 85)

    # Another elder is in the bath with 王秀英: she shows busy; nobody is chosen for you.
    other = city.bathing("HZ330105A0002", city.wang)
    assign = page.get_by_test_id("assign-form")
    expect(assign.locator("select[name=assistant]")).to_have_value("")
    # The board learns of that bath at its next refresh (every 5 s).
    expect(page.locator(f"[data-visit-id='{other['id']}']")).to_contain_text("助浴员：王秀英", timeout=8000)
    expect(assign.locator("option[data-busy=true]")).to_contain_text("王秀英")
    expect(assign).to_contain_text("另有 1 名助浴员无资质")
    assign.locator("select[name=assistant]").select_option(city.liu["id"])
    page.get_by_test_id("start-bath").click()
    expect(page.get_by_test_id("visit-panel")).to_have_attribute("data-status", "bathing")
    timer = page.get_by_test_id("visit-timer")
    expect(timer).to_contain_text("已洗 0 分钟 · 还剩 20 分钟")
    expect(page.get_by_test_id("visit-panel").locator("xpath=..")).to_contain_text("助浴员：刘建国")

    # The bath overruns (its start moved back 25 minutes): the timers stay readable, the alarm is announced.
    started = (datetime.now(timezone.utc) - timedelta(minutes=25)).isoformat()

    def earlier(route):
        response = route.fetch()
        body = response.json()
        for item in body["items"]:
            if item["id"] == visit_id:
                item["bath_started_at"] = started
        route.fulfill(response=response, json=body)

    page.route(VISIT_LIST, earlier)
    alarm = page.get_by_test_id("bath-alert")
    expect(alarm).to_contain_text("陈桂兰 已洗浴 25 分钟，超过 20 分钟上限", timeout=12000)
    assert page.locator("[aria-live=assertive]").locator("[data-testid=bath-alert]").count() == 1
    card_timer = page.locator(f"[data-visit-id='{visit_id}'] [data-testid=card-timer]")
    expect(card_timer).to_have_text("超时 5 分钟 · 已洗 25 分钟")
    expect(timer).to_contain_text("超时 5 分钟")
    for readable in (card_timer, timer, alarm):
        assert readable.evaluate(CONTRAST) >= 4.5, readable.inner_text()
    check_page(browser, "board-overrun")
    open_screen(page, "front-desk")  # the desk is told too
    expect(page.get_by_test_id("desk-overrun")).to_contain_text("陈桂兰 洗浴已超过 20 分钟上限")
    page.unroute(VISIT_LIST)
    open_screen(page, "visits")
    page.locator(f"[data-visit-id='{visit_id}']").click()

    # An incident: nothing pre-chosen; the message says what a minor one sets off.
    page.get_by_test_id("incident-button").click()
    incident = page.get_by_test_id("incident-form")
    expect(incident.locator("[name=severity]")).to_have_value("")
    incident.locator("[name=kind]").select_option("fall")
    incident.locator("[name=severity]").select_option("minor")
    incident.locator("[name=description]").fill("起身时滑了一下，无外伤")
    incident.get_by_role("button", name="上报意外").click()
    expect(page.get_by_test_id("incident-reported")).to_contain_text("轻微事件不通知家属")
    expect(page.get_by_test_id("incident-reported")).not_to_contain_text("紧急情况已通知")
    expect(page.get_by_test_id("timeline")).to_contain_text("意外事件：跌倒 · 轻微")

    page.get_by_test_id("start-rest").click()
    expect(page.get_by_test_id("visit-panel")).to_have_attribute("data-status", "resting")
    expect(page.get_by_test_id("visit-timer")).to_contain_text("还需 15 分钟")
    # Leaving before the minimum rest needs a reason, and a confirmation.
    checkout = page.get_by_test_id("checkout-form")
    checkout.locator("[name=early_reason]").select_option("family")
    checkout.locator("[name=early_leave_reason]").fill("女儿来接")
    page.get_by_test_id("checkout").click()
    expect(page.get_by_test_id("checkout-confirm")).to_contain_text("确认 陈桂兰 离场？")
    expect(page.get_by_test_id("visit-panel")).to_have_attribute("data-status", "resting")
    page.get_by_test_id("checkout").click()
    expect(page.get_by_test_id("visit-panel")).to_have_attribute("data-status", "checked_out")
    expect(page.locator("[data-step=checked_out]")).to_contain_text("陈桂兰")

    done = city.admin.get(f"/visits/{visit_id}")
    assert done["status"] == "checked_out" and done["assistant_staff_id"] == city.liu["id"]
    assert done["early_leave_reason"] == "家属接走：女儿来接"
    assert set(done["screening"]["reminders_given"]) == {
        "anti_slip", "anti_hypoxia", "anti_fainting", "call_for_help", "medication", "point_specific"}
    actions = [entry["action"] for entry in done["timeline"]]
    assert actions[0] == "checked_in" and "incident" in actions and actions[-1] == "checked_out"
    check_page(browser, "board-checked-out")
    return visit_id


def end_early(browser: Browser, city: City, expect) -> None:
    """An elder screened who changes her mind: the board ends the visit with a reason, and
    she may come again."""
    page = browser.page
    city.elder("周阿姨", "HZ330105A0009", 9)
    visit = city.check_in("HZ330105A0009")
    city.desk.post(f"/visits/{visit['id']}/screening", {
        "mental_state": "good", "infectious_disease": False, "alcohol": False, "systolic": 125, "diastolic": 80,
        "reminders_given": ["anti_slip", "anti_hypoxia", "anti_fainting", "call_for_help", "point_specific"]})
    open_screen(page, "visits")
    page.locator(f"[data-visit-id='{visit['id']}']").click()
    expect(page.get_by_test_id("visit-panel")).to_have_attribute("data-status", "screened")
    page.get_by_test_id("end-early-button").click()
    form = page.get_by_test_id("end-early-form")
    expect(page.get_by_test_id("end-early")).to_be_disabled()  # a reason first
    form.locator("[name=end_reason]").select_option("left_before_bath")
    form.locator("[name=end_note]").fill("老人改变主意")
    page.get_by_test_id("end-early").click()
    expect(page.get_by_test_id("visit-panel")).to_have_attribute("data-status", "ended_early")
    expect(page.locator("[data-step=ended_early]")).to_contain_text("周阿姨")
    ended = city.admin.get(f"/visits/{visit['id']}")
    assert ended["status"] == "ended_early" and ended["timeline"][-1]["details"] == {
        "reason": "left_before_bath", "note": "老人改变主意", "from_status": "screened"}
    check_page(browser, "board-ended-early")
    assert city.check_in("HZ330105A0009")["status"] == "checked_in", "she may come again"


def follow_ups(browser: Browser, city: City, expect) -> None:
    """A point administrator sees the point's follow-ups, not only their own."""
    page = browser.page
    [elder] = city.admin.get("/elders", citizen_card_no="HZ330105A0001")["items"]
    plan = city.admin.make("/follow-up-plans", {"elder_id": elder["id"], "programme": "hypertension",
                                                "staff_id": city.doctor["id"]})
    open_screen(page, "follow-ups")
    expect(page.get_by_test_id("follow-up-scope")).to_contain_text("本助浴点")
    due = page.get_by_test_id("follow-up-list").locator("tr", has_text="陈桂兰")
    expect(due).to_be_visible()
    due.get_by_role("button", name="记录").click()
    record = page.get_by_test_id("follow-up-form")
    record.locator("[name=systolic]").fill("152")
    record.locator("[name=diastolic]").fill("92")
    record.get_by_role("button", name="保存随访记录").click()
    expect(page.get_by_test_id("follow-up-result")).to_contain_text("血压控制不满意")
    expect(page.get_by_test_id("follow-up-result")).to_contain_text("下次随访：")
    assert plan["first_follow_up_id"] not in [f["id"] for f in city.admin.get("/follow-ups",
                                                                              staff_id=city.doctor["id"])["items"]]
    check_page(browser, "follow-ups")
    # The high-risk group's programme: named in words, its reading recorded like hypertension's
    # (a discharge a week ago brings its first follow-up to today).
    discharged = (datetime.now(timezone.utc) - timedelta(days=7)).date().isoformat()
    risk_plan = city.admin.make("/follow-up-plans", {"elder_id": elder["id"], "programme": "high_risk",
                                                     "staff_id": city.doctor["id"], "discharged_on": discharged})
    open_screen(page, "visits")  # and back: the list is read again
    open_screen(page, "follow-ups")
    risk = page.get_by_test_id("follow-up-list").locator("tr", has_text="高危人群血压随访")
    expect(risk).to_contain_text("陈桂兰")
    risk.get_by_role("button", name="记录").click()
    record = page.get_by_test_id("follow-up-form")
    record.locator("[name=systolic]").fill("128")
    record.locator("[name=diastolic]").fill("78")
    expect(record.locator("[name=s_other]")).to_have_count(0)  # symptoms are hypertension's
    record.get_by_role("button", name="保存随访记录").click()
    expect(page.get_by_test_id("follow-up-result")).to_contain_text("下次随访：")
    kept = city.admin.get(f"/follow-ups/{risk_plan['first_follow_up_id']}")["record"]
    assert (kept["systolic"], kept["diastolic"]) == (128, 78)


def point_dashboard(browser: Browser, city: City, expect) -> None:
    page = browser.page
    open_screen(page, "dashboard")
    expect(page.get_by_test_id("scope")).to_be_disabled()
    figures = city.admin.get("/visits/figures", service_point_id=city.point["id"], **{"from": today(), "to": today()})
    expect(page.locator("[data-testid=figures] [data-figure=visits] .tile-value")).to_have_text(
        str(figures["totals"]["visits"]))
    expect(page.locator("[data-testid=figures] [data-figure=incidents] .tile-value")).to_have_text("1")
    expect(page.locator("canvas[data-chart=visits]")).to_have_attribute("data-total", str(figures["totals"]["visits"]))
    with page.expect_download() as download:
        page.locator("[data-testid=reports] button[data-format=csv]").first.click()
    assert download.value.suggested_filename.startswith("月度投诉统计-")
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == "项目,分项,数值" and "湖墅街道老年助浴点" in text
    for button in page.locator("[data-testid=reports] button").all():
        assert button.bounding_box()["height"] >= 44
    # the month's settlement of the visits by who pays for them, the point's own
    with page.expect_download() as download:
        page.locator("[data-testid=settlement] button[data-format=csv]").first.click()
    assert download.value.suggested_filename.startswith("月度结算-")
    rows = Path(download.value.path()).read_text(encoding="utf-8-sig").splitlines()
    assert rows[0].startswith("service_point_id,name,visits,government_visits,government_sanwu")
    assert rows[-1].startswith("total,")
    assert all(row.startswith((city.point["id"], "total,")) for row in rows[1:])
    check_page(browser, "point-dashboard")


# --- roles ---------------------------------------------------------------------------------------

def test_each_role_is_offered_only_what_it_may_do(suite, browser):
    from playwright.sync_api import expect

    city = City(suite, "米市巷助浴点")
    page = browser.page
    city.elder("吴阿婆", "HZ330105B0001", 11)
    city.elder("钱老伯", "HZ330105B0002", 12, male=True)

    # The desk agent (no point): the queue is every point's, and a complaint just filed is in it.
    browser.login(suite.gateway, city.logins["cs_agent"])
    expect(page.locator("nav a")).to_have_text(["投诉台", "值班与口径"])
    expect(page.get_by_test_id("queue-scope")).to_contain_text("全部助浴点")
    page.get_by_test_id("new-complaint").click()
    filing = page.get_by_test_id("complaint-form")
    filing.locator("[name=channel]").select_option("phone")
    filing.locator("[name=category]").select_option("waiting_time")
    filing.locator("[name=service_point_id]").select_option(city.point["id"])
    filing.locator("[name=name]").fill("陈建华")
    filing.locator("[name=phone]").fill("138-0000-3333")
    filing.locator("[name=content]").fill("周六上午等了七十分钟")
    filing.get_by_role("button", name="登记").click()
    detail = page.get_by_test_id("complaint-detail")
    expect(detail).to_have_attribute("data-status", "received")
    complaint_id = page.locator(".queue-item.selected").get_attribute("data-complaint-id")
    assert complaint_id
    # No assign or escalate for the agent; answering the caller at once, following up,
    # investigating, pausing the clock and merging a duplicate are theirs.
    tabs = page.locator("[data-testid=complaint-steps] .tab")
    expect(tabs).to_have_text(["答复", "跟进", "调查核实", "暂停计时", "合并重复投诉"])
    check_page(browser, "agent-complaint")

    # The hotline log: a number only, the agent who took it, the time it was logged.
    calls = page.get_by_test_id("call-form")
    expect(page.get_by_test_id("call-log")).to_contain_text("接听人：陈客服")
    calls.locator("[name=caller]").fill("abc")
    calls.get_by_role("button", name="登记来电").click()
    assert calls.locator("[name=caller]").evaluate("(el) => !el.checkValidity()")
    page.wait_for_timeout(2000)  # the log would have been sent by now
    opened = datetime.now(timezone.utc)
    page.wait_for_timeout(1500)  # the call is logged a while after the form was opened
    calls.locator("[name=caller]").fill("0571-8888 1234")
    calls.locator("[name=duration_min]").fill("2")
    with page.expect_request(lambda r: r.url.endswith("/api/v1/calls") and r.method == "POST") as sent:
        calls.get_by_role("button", name="登记来电").click()
    body = sent.value.post_data_json
    logged = datetime.fromisoformat(body["started_at"].replace("Z", "+00:00"))
    assert opened + timedelta(seconds=1) <= logged <= datetime.now(timezone.utc)
    assert (body["caller"], body["agent_id"], body["duration_s"]) == ("057188881234", city.agent["id"], 120)
    expect(page.get_by_test_id("call-logged")).to_be_visible()
    expect(page.get_by_test_id("calls-logged").locator("tr")).to_have_count(1)

    # The point administrator handles it (through the API); the agent calls back, from an empty form.
    url = f"/complaints/{complaint_id}"
    for path, body in (("assign", {"staff_id": city.head["id"]}), ("replies", {"content": "已收到"}),
                       ("resolve", {"resolution": "周六增加一名助浴员"}), ("replies", {"content": "已增加人手"})):
        city.desk.post(f"{url}/{path}", body)
    page.get_by_role("button", name="刷新").click()
    page.locator(f"[data-complaint-id='{complaint_id}']").click()
    expect(detail).to_have_attribute("data-status", "replied")
    page.locator("[data-testid=complaint-steps] .tab[data-step=callback]").click()
    callback = page.get_by_test_id("step-callback")
    expect(callback.locator("[name=reached]")).to_have_value("")
    callback.locator("[name=reached]").select_option("yes")
    for name in ("satisfied", "solved", "attitude"):
        expect(callback.locator(f"[name={name}]")).to_have_value("")
    expect(callback.locator("[name=score]")).to_have_value("")
    callback.locator("[name=satisfied]").select_option("yes")
    callback.locator("[name=score]").fill("8")
    callback.get_by_test_id("step-submit").click()
    expect(detail).to_have_attribute("data-status", "closed")
    history = city.admin.get(url)["history"]
    assert history[-1]["action"] == "callback" and history[-1]["score"] == 8
    call = city.admin.get("/stats/hotline", **{"from": today(), "to": today()})
    assert call["calls"] >= 1
    page.get_by_role("button", name="退出").click()

    # The bathing assistant: the board only; the bath's end is recorded by the hall's staff.
    visit = city.bathing("HZ330105B0001", city.wang)
    browser.login(suite.gateway, city.logins["bathing_assistant"])
    expect(page.locator("nav a")).to_have_text(["助浴看板"])
    page.locator(f"[data-visit-id='{visit['id']}']").click()
    expect(page.get_by_test_id("visit-panel")).to_have_attribute("data-status", "bathing")
    expect(page.get_by_test_id("start-rest")).to_have_count(0)
    expect(page.get_by_test_id("rest-by-others")).to_be_visible()
    expect(page.get_by_test_id("incident-button")).to_be_visible()
    check_page(browser, "assistant-board")
    page.get_by_role("button", name="退出").click()


def test_the_desk_finds_a_callers_complaint_merges_a_duplicate_and_closes_by_an_independent_callback(suite, browser):
    from playwright.sync_api import expect

    city = City(suite, "和睦助浴点")
    page = browser.page
    number = "13800005555"
    filed = {"channel": "phone", "type": "complaint", "category": "hygiene_facility", "service_point_id": city.point["id"],
             "complainant": {"name": "周女士", "phone": number}}
    earlier = city.desk.make("/complaints", filed | {"content": "浴室地面有积水"})
    duplicate = city.desk.make("/complaints", filed | {"content": "再次来电：浴室积水还没处理"})
    missed = city.admin.make("/calls", {"caller": "13900006666", "started_at": datetime.now(timezone.utc).isoformat(),
                                        "answered": False, "duration_s": 0})

    # A call comes in: the agent types the number and finds the caller's two complaints.
    browser.login(suite.gateway, city.logins["cs_agent"])
    calls = page.get_by_test_id("call-form")
    calls.locator("[name=caller]").fill("138 0000 5555")
    page.get_by_test_id("caller-lookup").click()
    history = page.get_by_test_id("caller-history")
    expect(history.locator("[data-earlier-complaint]")).to_have_count(2)
    expect(history.locator(f"[data-earlier-complaint='{earlier['id']}']")).to_contain_text("浴室地面有积水")
    calls.get_by_role("button", name="登记来电").click()
    expect(page.get_by_test_id("call-logged")).to_be_visible()

    # The second record is the same matter: merged into the first, which keeps the handling.
    page.locator(f".queue-item[data-complaint-id='{duplicate['id']}']").click()
    detail = page.get_by_test_id("complaint-detail")
    expect(detail).to_have_attribute("data-status", "received")
    page.locator("[data-testid=complaint-steps] .tab[data-step=merge]").click()
    merge = page.get_by_test_id("step-merge")
    merge.locator("[name=into]").select_option(earlier["id"])
    merge.get_by_test_id("step-submit").click()
    expect(detail).to_have_attribute("data-status", "closed")
    expect(page.get_by_test_id("merged-into")).to_be_visible()
    assert city.admin.get(f"/complaints/{earlier['id']}")["merged"] == [duplicate["id"]]

    # Waiting on the complainant: the clock pauses with the reason shown, and resumes.
    history.locator(f"[data-earlier-complaint='{earlier['id']}']").click()
    expect(detail).to_have_attribute("data-status", "received")
    page.locator("[data-testid=complaint-steps] .tab[data-step=pause]").click()
    page.get_by_test_id("step-pause").locator("[name=reason]").fill("等待周女士发来积水照片")
    page.get_by_test_id("step-pause").get_by_test_id("step-submit").click()
    expect(page.get_by_test_id("paused-clock")).to_contain_text("等待周女士发来积水照片")
    page.locator("[data-testid=complaint-steps] .tab[data-step=resume]").click()
    page.get_by_test_id("step-resume").get_by_test_id("step-submit").click()
    expect(page.get_by_test_id("paused-clock")).to_have_count(0)

    # The point handles it; it may not close its own complaint by a callback.
    url = f"/complaints/{earlier['id']}"
    for path, body in (("assign", {"staff_id": city.head["id"]}), ("replies", {"content": "已安排清理"}),
                       ("resolve", {"resolution": "更换地漏并增加防滑垫"}), ("replies", {"content": "已整改完毕"})):
        city.desk.post(f"{url}/{path}", body)
    refused = city.desk.post(f"{url}/callback", {"satisfied": True}, expect=(409,))
    assert refused.json()["code"] == "CALLBACK_NOT_INDEPENDENT"

    # The agent, who neither owns nor resolved it, calls back and closes it.
    page.get_by_role("button", name="刷新").click()
    page.locator(f".queue-item[data-complaint-id='{earlier['id']}']").click()
    expect(detail).to_have_attribute("data-status", "replied")
    page.locator("[data-testid=complaint-steps] .tab[data-step=callback]").click()
    callback = page.get_by_test_id("step-callback")
    callback.locator("[name=reached]").select_option("yes")
    callback.locator("[name=satisfied]").select_option("yes")
    callback.locator("[name=charged]").select_option("no")
    callback.locator("[name=score]").fill("9")
    callback.get_by_test_id("step-submit").click()
    expect(detail).to_have_attribute("data-status", "closed")
    assert city.admin.get(url)["history"][-1]["charged"] is False

    # The missed call is called back and leaves the list.
    missed_calls = page.get_by_test_id("missed-calls")
    row = missed_calls.locator(f"[data-call-id='{missed['id']}']")
    expect(row).to_have_count(1)
    check_page(browser, "desk-caller-history")
    row.get_by_test_id("reached-back").click()
    expect(row).to_have_count(0)
    page.get_by_role("button", name="退出").click()


# --- home-care subsidies ------------------------------------------------------------------------

def file_subsidy(panel, category: str, household: str = "yes", evidence: str | None = None) -> None:
    form = panel.get_by_test_id("subsidy-form")
    form.locator("[name=category]").select_option(category)
    form.locator("[name=household_registered_locally]").select_option(household)
    form.locator("[name=resides_locally]").select_option("yes")
    if evidence:
        form.locator("[name=evidence_reference]").fill(evidence)
    form.get_by_test_id("subsidy-apply").click()


def test_the_station_files_and_reviews_a_subsidy_and_the_centre_approves_it(suite, browser):
    from playwright.sync_api import expect

    city = City(suite, "大关助浴点")
    page = browser.page
    card = "HZ330105D0001"
    elder = city.elder("沈阿婆", card, 31)
    age = age_of("1942-06-15")

    # The front desk: the elder pays for herself, and why; an application, checked at once.
    browser.login(suite.gateway, city.logins["point_admin"])
    page.get_by_test_id("card-search").fill(card)
    page.get_by_test_id("card-search").press("Enter")
    panel = page.get_by_test_id("subsidy-panel")
    funding = panel.get_by_test_id("subsidy-funding")
    expect(funding).to_have_attribute("data-why", "none")
    expect(funding).to_contain_text("自费")
    expect(funding).to_contain_text("没有补贴申请")
    file_subsidy(panel, "sanwu", evidence="TK-2026-0031")
    eligibility = panel.get_by_test_id("subsidy-eligibility")
    expect(eligibility).to_have_attribute("data-eligible", "true")
    expect(eligibility.locator("strong")).to_have_text("已提交“三无老人”补贴申请：符合补贴条件")
    expect(eligibility.locator("li")).to_have_text([f"城区三无老人，{age} 周岁"])
    expect(funding).to_have_attribute("data-why", "pending")
    expect(panel.locator("[data-testid=subsidy-applications] tr")).to_have_count(1)
    # the same category again: refused in words, nothing filed
    browser.expect_failure(409, "/api/v1/subsidy-applications")
    file_subsidy(panel, "sanwu", evidence="TK-2026-0031")
    refused = panel.get_by_test_id("subsidy-refused")
    expect(refused).to_have_attribute("data-code", "DUPLICATE_APPLICATION")
    expect(refused).to_contain_text("不能重复申请")
    expect(eligibility).to_have_count(0)  # what is on screen is the refusal, not the earlier application
    # 90+ for an elder of 84 registered elsewhere: filed, with every condition not met in words
    file_subsidy(panel, "age_90", household="no")
    expect(eligibility).to_have_attribute("data-eligible", "false")
    expect(eligibility.locator("li")).to_have_text(["户籍不在本镇（街道）",
                                                    f"{age} 周岁，未达到“90 周岁以上”类别的补贴年龄"])
    expect(panel.locator("[data-testid=subsidy-applications] tr")).to_have_count(2)
    check_page(browser, "subsidy-filed")
    filed = {a["category"]: a for a in city.admin.get("/subsidy-applications", elder_id=elder["id"])["items"]}
    assert sorted(filed) == ["age_90", "sanwu"]
    assert (filed["sanwu"]["eligible"], filed["sanwu"]["household_registered_locally"],
            filed["sanwu"]["evidence_reference"]) == (True, True, "TK-2026-0031")
    assert (filed["age_90"]["eligible"], filed["age_90"]["household_registered_locally"]) == (False, False)

    # The community station's review queue: only review, no approval, for the point's administrator.
    open_screen(page, "subsidies")
    expect(page.locator("[data-testid=subsidy-queues] .tab")).to_have_text(["待审核", "年度复核"])
    queue = page.get_by_test_id("subsidy-queue")
    expect(queue.locator("tr[data-application-id]")).to_have_count(2)
    queue.locator(f"tr[data-application-id='{filed['sanwu']['id']}']").click()
    decision = page.get_by_test_id("subsidy-decision")
    decision.get_by_test_id("subsidy-note").fill("已核对特困供养证")
    decision.get_by_test_id("subsidy-pass").click()
    expect(decision.get_by_test_id("subsidy-decided")).to_contain_text("已审核通过")
    expect(queue.locator("tr[data-application-id]")).to_have_count(1)
    # an application that does not meet the conditions cannot be passed: a clear refusal
    queue.locator(f"tr[data-application-id='{filed['age_90']['id']}']").click()
    expect(decision.get_by_test_id("subsidy-only-refuse")).to_be_visible()
    browser.expect_failure(409, "/review")
    decision.get_by_test_id("subsidy-pass").click()
    refused = decision.get_by_test_id("subsidy-refused")
    expect(refused).to_have_attribute("data-code", "NOT_ELIGIBLE")
    expect(refused).to_contain_text("不符合补贴条件")
    check_page(browser, "subsidy-review-refused")
    decision.get_by_test_id("subsidy-note").fill("户籍不在本镇，且未满90周岁")
    decision.get_by_test_id("subsidy-refuse").click()
    expect(decision.get_by_test_id("subsidy-decided")).to_contain_text("不予通过")
    expect(queue.get_by_test_id("subsidy-queue-empty")).to_be_visible()
    reviewed = city.admin.get(f"/subsidy-applications/{filed['sanwu']['id']}")
    assert (reviewed["status"], reviewed["steps"][-1]["note"]) == ("reviewed", "已核对特困供养证")
    assert city.admin.get(f"/subsidy-applications/{filed['age_90']['id']}")["status"] == "rejected"
    page.get_by_role("button", name="退出").click()

    # The centre: the reviewed application with its reasons in words and the station's note; approved.
    browser.login(suite.gateway, city.logins["city_operator"], screen="subsidies")
    expect(page.locator("[data-testid=subsidy-queues] .tab")).to_have_text(["待审批", "年度复核"])
    page.get_by_test_id("subsidy-queue").locator(f"tr[data-application-id='{filed['sanwu']['id']}']").click()
    decision = page.get_by_test_id("subsidy-decision")
    expect(decision.get_by_test_id("subsidy-eligibility").locator("li")).to_have_text([f"城区三无老人，{age} 周岁"])
    expect(decision.get_by_test_id("subsidy-steps")).to_contain_text("社区审核通过：已核对特困供养证")
    expect(decision.get_by_test_id("subsidy-facts")).to_contain_text("大关助浴点")
    decision.get_by_test_id("subsidy-note").fill("同意")
    decision.get_by_test_id("subsidy-pass").click()
    expect(decision.get_by_test_id("subsidy-decided")).to_contain_text("已批准")
    check_page(browser, "subsidy-approved")
    # the yearly re-check list (the window is wider than a year here): the subsidy, with its last day
    page.locator("[data-testid=subsidy-queues] .tab[data-queue=rechecks]").click()
    due = page.get_by_test_id("subsidy-queue").locator(f"tr[data-application-id='{filed['sanwu']['id']}']")
    expect(due).to_contain_text("有效期至")
    due.click()
    expect(decision.get_by_test_id("subsidy-pass")).to_have_count(0)
    expect(decision).to_contain_text("重新提交申请")
    check_page(browser, "subsidy-rechecks")
    # the same in English, from the codes
    page.get_by_test_id("lang-switch").click()
    expect(decision.get_by_test_id("subsidy-eligibility").locator("li")).to_have_text([f"Urban sanwu elder aged {age}"])
    expect(decision.get_by_test_id("subsidy-steps")).to_contain_text("Approved by the centre")
    page.get_by_test_id("lang-switch").click()
    approved = city.admin.get(f"/subsidy-applications/{filed['sanwu']['id']}")
    assert (approved["status"], approved["in_force"], approved["steps"][-1]["note"]) == ("approved", True, "同意")
    page.get_by_role("button", name="退出").click()

    # Back at the desk, the government pays for her visits until the subsidy's last day.
    browser.login(suite.gateway, city.logins["point_admin"])
    page.get_by_test_id("card-search").fill(card)
    page.get_by_test_id("card-search").press("Enter")
    funding = page.get_by_test_id("subsidy-funding")
    expect(funding).to_have_attribute("data-source", "government")
    until = datetime.strptime(approved["valid_until"], "%Y-%m-%d").date()
    expect(funding).to_contain_text("三无老人")
    expect(funding).to_contain_text(f"{until.year}年{until.month}月{until.day}日")
    expect(page.locator(f"[data-testid=subsidy-applications] tr[data-application-id='{filed['sanwu']['id']}']")
           ).to_contain_text("需年度复核")


LOCAL_INPUT = """(minutes) => { const d = new Date(Date.now() + minutes * 60000);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16); }"""


def test_the_desk_keeps_its_roster_handovers_reply_templates_and_calendar(suite, browser):
    from playwright.sync_api import expect

    city = City(suite, "德胜助浴点")
    page = browser.page
    tag = f"{uuid.uuid4().int % 10**6:06d}"  # digits: typed text is not marked as foreign words
    supervisor = city.admin.make("/staff", {"name": "林主管", "gender": "female", "roles": ["cs_supervisor"],
                                            "service_point_id": None, "phone": "13700002222", **TRAINED})
    city.admin.make("/users", {"username": f"cs-sup-{tag}", "password": PASSWORD, "role": "cs_supervisor",
                               "service_point_id": None, "staff_id": supervisor["id"]})
    for member in (city.agent, supervisor):  # the roster names staff once the desk has learnt of them
        desk_knows(city.admin, member["id"])

    # The supervisor keeps the desk's wording: a template for waiting-time complaints.
    browser.login(suite.gateway, f"cs-sup-{tag}", screen="desk-office")
    expect(page.locator("nav a[data-screen=desk-office]")).to_have_text("值班与口径")
    templates = page.get_by_test_id("reply-templates")
    templates.get_by_test_id("add-template").click()
    form = page.get_by_test_id("template-form")
    wording = f"您好，关于等候时间过长的问题，我们已安排增加周末人手（{tag}）。"
    form.locator("[name=title]").fill(f"等候时间 {tag}")
    form.locator("[name=category]").select_option("waiting_time")
    form.locator("[name=text]").fill(wording)
    form.get_by_role("button", name="保存口径").click()
    expect(templates).to_contain_text(wording)
    kept = [t for t in city.admin.get("/reply-templates", category="waiting_time")["items"] if t["text"] == wording]
    assert len(kept) == 1 and kept[0]["category"] == "waiting_time" and kept[0]["active"]

    # A shift from an hour ago for eight hours, the agent and the supervisor on it: one
    # shift leaves the rest of the week short, and the roster says so.
    roster = page.get_by_test_id("duty-roster")
    roster.get_by_test_id("add-shift").click()
    shift_form = page.get_by_test_id("shift-form")
    shift_form.locator("[name=starts_at]").fill(page.evaluate(LOCAL_INPUT, -60))
    shift_form.locator("[name=ends_at]").fill(page.evaluate(LOCAL_INPUT, 420))
    shift_form.locator(f"input[name=staff][value='{city.agent['id']}']").check()
    shift_form.locator(f"input[name=staff][value='{supervisor['id']}']").check()
    shift_form.get_by_role("button", name="保存班次").click()
    row = roster.locator("[data-shift-id]")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("陈客服")
    expect(row).to_contain_text("2 个座席")
    expect(roster.get_by_test_id("coverage-gaps")).to_be_visible()
    shifts = city.admin.get("/duty-shifts", **{"from": today(), "to": today()})["items"]
    assert len(shifts) == 1 and sorted(shifts[0]["staff_ids"]) == sorted([city.agent["id"], supervisor["id"]])
    assert timedelta(hours=8) == (datetime.fromisoformat(shifts[0]["ends_at"])
                                  - datetime.fromisoformat(shifts[0]["starts_at"]))

    # Its written handover, with what is left open one item a line.
    row.get_by_test_id("write-handover").click()
    handover = page.get_by_test_id("handover-form")
    handover.locator("[name=note]").fill("白班平稳，无重大投诉")
    handover.locator("[name=open_items]").fill("回拨周女士，确认整改\n\n跟进德胜点热水器维修")
    handover.get_by_role("button", name="提交交接班记录").click()
    log = page.get_by_test_id("handover-log")
    entry = log.locator("[data-handover-id]")
    expect(entry).to_have_count(1)
    expect(entry.get_by_test_id("open-items").locator("li")).to_have_count(2)
    expect(entry.get_by_test_id("take-over")).to_have_count(0)  # not by whoever wrote it
    written = city.admin.get("/handovers")["items"]
    assert [(h["note"], h["open_items"], h["shift_id"]) for h in written] == [
        ("白班平稳，无重大投诉", ["回拨周女士，确认整改", "跟进德胜点热水器维修"], shifts[0]["id"])]

    # The calendar of this year, as loaded; loading a year is not the supervisor's.
    calendar = page.get_by_test_id("work-calendar")
    expect(calendar.get_by_test_id("calendar-year")).to_have_attribute("data-year", str(datetime.now(TZ).year))
    expect(calendar.get_by_test_id("calendar-load")).to_have_count(0)
    check_page(browser, "desk-office-supervisor")
    page.get_by_role("button", name="退出").click()

    # The agent takes the shift over, then answers a caller with the template.
    browser.login(suite.gateway, city.logins["cs_agent"], screen="desk-office")
    expect(page.get_by_test_id("duty-roster").locator("[data-shift-id]")).to_have_count(1)
    expect(page.get_by_test_id("add-shift")).to_have_count(0)
    expect(page.get_by_test_id("add-template")).to_have_count(0)
    entry = page.get_by_test_id("handover-log").locator(f"[data-handover-id='{written[0]['id']}']")
    entry.get_by_test_id("take-over").click()
    expect(entry).to_have_attribute("data-accepted", "yes")
    expect(entry.get_by_test_id("taken-over")).to_contain_text("陈客服")
    assert city.admin.get("/handovers")["items"][0]["accepted_by_staff_id"] == city.agent["id"]

    filed = city.desk.make("/complaints", {
        "channel": "phone", "type": "complaint", "category": "waiting_time", "service_point_id": city.point["id"],
        "complainant": {"name": "郑先生", "phone": "13800007777"}, "content": "周日排队一个多小时"})
    open_screen(page, "complaints")
    page.locator(f".queue-item[data-complaint-id='{filed['id']}']").click()
    page.locator("[data-testid=complaint-steps] .tab[data-step=reply]").click()
    reply = page.get_by_test_id("step-reply")
    reply.locator("[name=template]").select_option(label=f"等候时间 {tag}")
    expect(reply.locator("[name=content]")).to_have_value(wording)
    reply.get_by_test_id("step-submit").click()
    expect(page.get_by_test_id("complaint-history").locator("li[data-action=replied]")).to_have_count(1)
    assert [h["content"] for h in city.admin.get(f"/complaints/{filed['id']}")["history"]
            if h["action"] == "replied"] == [wording]
    page.get_by_role("button", name="退出").click()

    # The administrator: next year is provisional until its arrangement is loaded here.
    next_year = datetime.now(TZ).year + 1
    saturday = next(day for day in (datetime(next_year, 1, d) for d in range(4, 11)) if day.weekday() == 5)
    browser.login(suite.gateway, "admin", suite.env["ZHUYU_ADMIN_PASSWORD"], screen="desk-office")
    calendar = page.get_by_test_id("work-calendar")
    calendar.locator("[name=year]").select_option(str(next_year))
    expect(calendar.get_by_test_id("calendar-provisional")).to_contain_text(f"{next_year} 年")
    arrangement = {"year": next_year, "source": "测试用安排（非官方通知）",
                   "holidays": [{"name": "元旦", "from": f"{next_year}-01-01", "to": f"{next_year}-01-03"}],
                   "workdays": [{"name": "元旦", "date": saturday.date().isoformat()}]}
    load = calendar.get_by_test_id("calendar-load")
    load.locator("textarea").fill("{not json")
    load.get_by_role("button", name="载入").click()
    expect(load).to_contain_text("内容不是有效的")
    load.locator("textarea").fill(json.dumps(arrangement, ensure_ascii=False))
    load.get_by_role("button", name="载入").click()
    expect(calendar.get_by_test_id("calendar-loaded")).to_be_visible()
    expect(calendar.get_by_test_id("calendar-provisional")).to_have_count(0)
    expect(calendar.locator("[data-holiday=元旦] [data-days-off]")).to_have_attribute("data-days-off", "3")
    expect(calendar.locator(f"[data-workday='{saturday.date().isoformat()}']")).to_have_count(1)
    loaded = city.admin.get(f"/calendar/{next_year}")
    assert [d["date"] for d in loaded["holidays"]] == [f"{next_year}-01-0{d}" for d in (1, 2, 3)]
    check_page(browser, "desk-office-admin")
    page.get_by_role("button", name="退出").click()


# --- the city's dashboard ------------------------------------------------------------------------

def test_the_city_dashboard_loads_in_a_few_calls_and_never_shows_partial_totals(suite, browser):
    from playwright.sync_api import expect

    city = City(suite, "拱宸桥助浴点")
    page = browser.page
    for number in range(120):
        city.admin.make("/service-points", {
            "name": f"第{number + 1:03d}助浴点", "address": "杭州", "district": "拱墅区", "bath_capacity": 2,
            "rest_seats": 4, "opening_hours": ALL_DAY, "safety_reminders": []})
    # More visits today than any point of the tests before this one (a point's day has 4).
    cards = [f"HZ330105C000{n}" for n in range(1, 7)]
    for serial, card in enumerate(cards, start=21):
        city.elder(f"张{serial}", card, serial)
        city.check_in(card)
    expected = city.admin.get("/visits/figures", **{"from": today(), "to": today()})["totals"]
    points = len(city.admin.get("/service-points", limit=200)["items"])
    assert points >= 121

    # Count every API call from the log-in to the loaded dashboard.
    calls: list[str] = []
    page.on("request", lambda request: "/api/v1/" in request.url and calls.append(request.url.split("/api/v1")[1]))
    browser.login(suite.gateway, city.logins["city_operator"], screen="dashboard")
    tiles = page.get_by_test_id("figures")
    expect(tiles.locator("[data-figure=visits] .tile-value")).to_have_text(str(expected["visits"]))
    page.wait_for_load_state("networkidle")
    assert len(calls) <= 10, calls
    rows = page.get_by_test_id("point-table").locator("tbody tr")
    expect(rows).to_have_count(points)
    expect(page.locator(f"[data-point-id='{city.point['id']}'] [data-figure=visits]")).to_have_text(str(len(cards)))
    # At most the five busiest points and "others" in the chart.
    series = page.locator("canvas[data-chart=visits]").get_attribute("data-series")
    assert int(series) <= 6
    expect(page.locator("canvas[data-chart=visits]")).to_have_attribute("data-total", str(expected["visits"]))
    # Sorted by visits, busiest first; sorted the other way; filtered to one point.
    page.locator("button[data-sort=visits]").click()
    expect(rows.first).not_to_contain_text("拱宸桥")
    page.locator("button[data-sort=visits]").click()
    expect(rows.first).to_contain_text("拱宸桥助浴点")
    page.get_by_test_id("point-filter").fill("拱宸桥")
    expect(rows).to_have_count(1)
    page.get_by_test_id("point-filter").fill("")
    check_page(browser, "city-dashboard")

    # A new period: a loading state, never the old figures drawn against the new dates.
    def slow(route):
        time.sleep(1.5)
        route.continue_()

    page.route(api_path("stats/points"), slow, times=1)
    start = (datetime.now(TZ).date() - timedelta(days=20)).isoformat()
    page.locator("input[name=from]").fill(start)
    page.get_by_role("button", name="查看").click()
    expect(page.get_by_test_id("figures-loading")).to_be_visible()
    expect(tiles).to_have_count(0)
    expect(tiles).to_have_attribute("data-from", start)
    expect(tiles.locator("[data-figure=visits] .tile-value")).to_have_text(str(expected["visits"]))

    # A refused call mid-load (rate limit, a service down): an error and no totals at all.
    for status, path, code in ((429, "stats/points", "RATE_LIMITED"),
                               (503, "visits/figures/points", "SERVICE_UNAVAILABLE")):
        browser.expect_failure(status, f"/api/v1/{path}")
        page.route(api_path(path), refusing(status, code), times=1)
        page.locator("input[name=from]").fill(today())
        page.get_by_role("button", name="查看").click()
        failed = page.get_by_test_id("figures-failed")
        expect(failed).to_be_visible()
        expect(failed).to_contain_text("不显示任何合计")
        expect(tiles).to_have_count(0)
        expect(page.get_by_test_id("point-table")).to_have_count(0)
        check_page(browser, f"city-dashboard-{status}")
        failed.get_by_role("button", name="重试").click()
        expect(tiles.locator("[data-figure=visits] .tile-value")).to_have_text(str(expected["visits"]))
