"""The staff console in a real browser against the whole suite: a day at a point from the
front desk to check-out, a complaint from filing to the satisfied callback, and the city
dashboard; every outcome is checked through the API, and the page must log no error."""
from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest
import requests

from testkit.suite import RunningSuite, suite_environment

pytestmark = [pytest.mark.integration, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts" / "browser"
ALL_DAY = {day: [["00:00", "23:59"]] for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
POINT = {
    "name": "拱墅区助浴点", "address": "杭州市拱墅区湖墅南路1号", "district": "拱墅区", "bath_capacity": 2,
    "rest_seats": 6, "opening_hours": ALL_DAY, "safety_reminders": ["地面湿滑，请扶好扶手", "水温先试后洗"],
}
CERTIFICATE = {"number": "H-2026-1", "issued_on": "2026-01-01", "expires_on": "2099-01-01"}
CARD = "HZ20250001"
# The plain words the console shows for a refused check-in (console/src/i18n.js).
REFUSAL_WORDS = {
    "UNKNOWN_CARD": "系统里没有这张市民卡",
    "NOT_ELIGIBLE": "能力评估不是 2 级或 3 级",
    "NO_SAFETY_COMMITMENT": "还没有签署当前版本的安全承诺书",
}


@pytest.fixture
def suite(suite_env, database_urls, tmp_path):
    if not (ROOT / "console" / "dist" / "index.html").exists():
        pytest.fail("the console is not built: run `make console` (make test does)")
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail("Chromium is missing: run `scripts/install-system-deps.sh --browser` (make test does)")
    env = suite_environment(dict(os.environ), tmp_path / "var", database_urls)
    env["ZHUYU_HYPERTENSION_INTERVAL_DAYS"] = "3"  # a new plan's first follow-up falls due this week
    running = RunningSuite(env, tmp_path / "var", tmp_path / "suite.log")
    running.start()
    yield running
    assert running.stop() == 0


class Api:
    def __init__(self, suite: RunningSuite):
        self.base = suite.gateway + "/api/v1"
        self.headers = {"Authorization": f"Bearer {suite.token()}"}

    def get(self, path: str, **params) -> dict:
        response = requests.get(self.base + path, params=params, headers=self.headers, timeout=10)
        assert response.status_code == 200, response.text
        return response.json()

    def post(self, path: str, body: dict) -> dict:
        response = requests.post(self.base + path, json=body, headers=self.headers, timeout=10)
        assert response.status_code == 201, response.text
        return response.json()


class Browser:
    """A page that records every console error and uncaught exception, and the refused
    requests the test provokes on purpose (a check-in before the elder may bathe)."""

    def __init__(self, page, shots: Path):
        self.page = page
        self.shots = shots
        self.errors: list[str] = []
        self.expected_conflicts = 0
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))

    def _console(self, message) -> None:
        if message.type != "error":
            return
        url = (message.location or {}).get("url", "")
        if self.expected_conflicts and "status of 409" in message.text and url.endswith("/api/v1/visits"):
            self.expected_conflicts -= 1
            return
        self.errors.append(f"console error: {message.text} ({url})")

    def shot(self, name: str) -> None:
        self.page.screenshot(path=str(self.shots / f"{name}.png"), full_page=True)

    def check_in(self):
        """Clicks check-in once; answers the response (201, or a 409 refusal)."""
        self.expected_conflicts += 1
        with self.page.expect_response(lambda r: r.url.endswith("/api/v1/visits") and r.request.method == "POST") as info:
            self.page.get_by_test_id("check-in").click()
        response = info.value
        if response.status == 201:
            self.expected_conflicts -= 1
        return response


def form(page, test_id: str):
    return page.get_by_test_id(test_id)


def check_the_console_is_served(gateway: str) -> None:
    """Pages and assets without credentials, with their types; a problem for anything else."""
    index = requests.get(f"{gateway}/console/", timeout=10)
    assert index.status_code == 200 and index.headers["Content-Type"].startswith("text/html")
    script = re.search(r'src="(/console/assets/[^"]+\.js)"', index.text).group(1)
    asset = requests.get(gateway + script, timeout=10)
    assert asset.status_code == 200 and asset.headers["Content-Type"].startswith("text/javascript")
    assert "immutable" in asset.headers["Cache-Control"]
    assert requests.get(f"{gateway}/console/settings.json", timeout=10).json()["timezone"]
    for path in ("/console/assets/missing.js", "/console/%2e%2e/pyproject.toml", "/console/..%2f..%2fMakefile",
                 "/console/assets/%2e%2e/%2e%2e/package.json"):
        missing = requests.get(gateway + path, timeout=10)
        assert missing.status_code == 404, path
        assert missing.headers["Content-Type"] == "application/problem+json", path
        assert missing.json()["code"] == "NOT_FOUND"
    assert requests.post(f"{gateway}/console/", timeout=10).status_code == 401


def test_a_day_at_the_point_through_the_console(suite, request):
    from playwright.sync_api import expect, sync_playwright

    check_the_console_is_served(suite.gateway)
    api = Api(suite)
    point = api.post("/service-points", POINT)
    point_admin = api.post("/staff", {
        "name": "赵站长", "gender": "male", "roles": ["point_admin"], "service_point_id": point["id"],
        "phone": "13700002222", "experience_years": 5, "health_certificate": CERTIFICATE,
        "care_training": {"completed_on": "2024-01-01"}})
    assistant = api.post("/staff", {
        "name": "王助浴", "gender": "female", "roles": ["bathing_assistant"], "service_point_id": point["id"],
        "phone": "13700001111", "experience_years": 3, "health_certificate": CERTIFICATE,
        "care_training": {"completed_on": "2024-01-01"}})
    novice = api.post("/staff", {
        "name": "李新人", "gender": "female", "roles": ["bathing_assistant"], "service_point_id": point["id"],
        "phone": "13700003333", "experience_years": 0.5})
    assert assistant["qualified"] and not novice["qualified"]

    shots = ARTIFACTS / re.sub(r"[^\w.-]+", "_", request.node.name)
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        context = chromium.new_context(viewport={"width": 1366, "height": 900}, locale="zh-CN")
        context.set_default_timeout(15000)
        page = context.new_page()
        browser = Browser(page, shots)
        try:
            run_the_day(page, browser, api, suite, point, point_admin, assistant, expect)
        finally:
            browser.shot("last")
            context.close()
            chromium.close()
    assert browser.errors == [], "\n".join(browser.errors)


def run_the_day(page, browser, api, suite, point, point_admin, assistant, expect):
    # --- log in (Chinese by default) ------------------------------------------------------
    page.goto(suite.gateway + "/console/")
    expect(page.locator("h1")).to_have_text("助浴服务工作台")
    page.locator("input[name=username]").fill("admin")
    page.locator("input[name=password]").fill(suite.env["ZHUYU_ADMIN_PASSWORD"])
    page.get_by_role("button", name="登录").click()
    expect(page.locator("nav a[data-screen=front-desk]")).to_have_text("前台")
    page.get_by_test_id("point-select").select_option(point["id"])

    # --- front desk: an unknown card, then the registration ------------------------------
    page.get_by_test_id("card-search").fill(CARD)
    page.get_by_test_id("card-search").press("Enter")
    expect(page.get_by_test_id("card-unknown")).to_contain_text(CARD)
    register = form(page, "register-form")
    for name, value in {"name": "张阿姨", "birth_date": "1945-03-01", "id_number": "110105194503010026",
                        "phone": "13912341234", "address": "杭州市拱墅区湖墅南路2号", "contact_name": "李明",
                        "contact_relation": "儿子", "contact_phone": "13800001111",
                        "chronic_conditions": "高血压"}.items():
        register.locator(f"[name={name}]").fill(value)
    expect(register.locator("[name=citizen_card_no]")).to_have_value(CARD)
    browser.shot("01-register")
    register.get_by_role("button", name="登记").click()
    expect(page.get_by_test_id("elder-summary")).to_contain_text(CARD)
    expect(page.get_by_test_id("eligible")).to_have_text("不符合助浴条件")
    [elder] = api.get("/elders", citizen_card_no=CARD)["items"]
    assert elder["name"] == "张阿姨" and elder["service_point_id"] == point["id"]

    # Without an assessment the elder is turned away, in plain words.
    refused = browser.check_in()
    assert refused.status == 409
    code = refused.json()["code"]
    assert code in ("UNKNOWN_CARD", "NOT_ELIGIBLE")  # UNKNOWN_CARD while the visits service catches up
    refusal = page.get_by_test_id("refusal")
    expect(refusal).to_have_attribute("data-code", code)
    expect(refusal).to_contain_text("不能入场")
    expect(refusal.locator("p")).to_contain_text(REFUSAL_WORDS[code])
    browser.shot("02-refused")

    # --- assessment and safety commitment ------------------------------------------------
    assessment = form(page, "assessment-form")
    assessment.locator("[name=level]").select_option("2")
    assessment.locator("[name=assessor]").fill("社区医生")
    assessment.locator("[name=reference]").fill("PG-2025-1")
    assessment.get_by_role("button", name="记录评估").click()
    expect(page.get_by_test_id("eligible")).to_have_text("符合助浴条件")
    commitment = form(page, "commitment-form")
    commitment.locator("[name=witness_staff_id]").select_option(point_admin["id"])
    commitment.get_by_role("button", name="签署").click()
    expect(page.get_by_test_id("commitment")).to_have_text("已签安全承诺")
    elder = api.get(f"/elders/{elder['id']}")
    assert elder["latest_assessment_level"] == 2 and elder["safety_commitment_current"]

    # --- check in (the visits service learns of the commitment through the broker) -------
    deadline = time.monotonic() + 30
    while True:
        response = browser.check_in()
        if response.status == 201:
            break
        assert response.json()["code"] in REFUSAL_WORDS, response.text()
        assert time.monotonic() < deadline, "check-in still refused after 30 s"
        page.wait_for_timeout(500)
    checked_in = page.get_by_test_id("checked-in")
    expect(checked_in).to_contain_text("张阿姨 已入场")
    visit_id = checked_in.get_attribute("data-visit-id")
    assert api.get(f"/visits/{visit_id}")["status"] == "checked_in"
    browser.shot("03-checked-in")

    # --- visit board: screening with the point's reminders read out ----------------------
    page.locator("nav a[data-screen=visits]").click()
    card = page.locator(f"[data-visit-id='{visit_id}']")
    expect(page.locator("[data-step=checked_in]")).to_contain_text("张阿姨")
    card.click()
    screening = form(page, "screening-form")
    reminders = page.get_by_test_id("point-reminders")
    for text in POINT["safety_reminders"]:
        expect(reminders).to_contain_text(text)
    for reminder in ("anti_slip", "anti_hypoxia", "anti_fainting", "call_for_help", "medication", "point_specific"):
        screening.locator(f"[data-reminder={reminder}]").check()
    screening.locator("[name=systolic]").fill("130")
    screening.locator("[name=diastolic]").fill("80")
    browser.shot("04-screening")
    page.get_by_test_id("screening-submit").click()
    expect(page.get_by_test_id("visit-panel")).to_have_attribute("data-status", "screened")

    # Only the qualified assistant is offered.
    assign = form(page, "assign-form")
    options = assign.locator("select[name=assistant] option")
    expect(options).to_have_count(1)
    expect(options.first).to_contain_text("王助浴")
    expect(assign).to_contain_text("另有 1 名助浴员无资质")
    page.get_by_test_id("start-bath").click()
    expect(page.get_by_test_id("visit-panel")).to_have_attribute("data-status", "bathing")
    expect(page.get_by_test_id("visit-timer")).to_contain_text("上限 20 分钟")
    expect(page.get_by_test_id("visit-timer")).not_to_contain_text("已洗浴 00:00")  # the timer runs

    # An incident, from the button on the visit.
    page.get_by_test_id("incident-button").click()
    incident = form(page, "incident-form")
    incident.locator("[name=kind]").select_option("scald")
    incident.locator("[name=description]").fill("水温偏高，手臂轻微发红，已冷敷")
    incident.get_by_role("button", name="上报意外").click()
    expect(incident).to_contain_text("已上报")
    browser.shot("05-bathing")

    page.get_by_test_id("start-rest").click()
    expect(page.get_by_test_id("visit-panel")).to_have_attribute("data-status", "resting")
    expect(page.get_by_test_id("visit-timer")).to_contain_text("至少 15 分钟")
    # Leaving before the minimum rest needs a reason.
    checkout = form(page, "checkout-form")
    checkout.locator("[name=early_leave_reason]").fill("家属来接")
    page.get_by_test_id("checkout").click()
    expect(page.get_by_test_id("visit-panel")).to_have_attribute("data-status", "checked_out")
    expect(page.locator("[data-step=checked_out]")).to_contain_text("张阿姨")
    browser.shot("06-checked-out")

    visit = api.get(f"/visits/{visit_id}")
    assert visit["status"] == "checked_out"
    assert visit["assistant_staff_id"] == assistant["id"]
    assert visit["early_leave_reason"] == "家属来接"
    assert visit["screening"]["systolic"] == 130 and visit["screening"]["warnings"] == []
    assert set(visit["screening"]["reminders_given"]) == {
        "anti_slip", "anti_hypoxia", "anti_fainting", "call_for_help", "medication", "point_specific"}
    actions = [entry["action"] for entry in visit["timeline"]]
    assert actions[0] == "checked_in" and "incident" in actions and actions[-1] == "checked_out"

    # --- follow-ups: the point's due follow-up, recorded --------------------------------
    plan = api.post("/follow-up-plans", {"elder_id": elder["id"], "programme": "hypertension",
                                         "staff_id": point_admin["id"]})
    page.locator("nav a[data-screen=follow-ups]").click()
    due = page.get_by_test_id("follow-up-list").locator("tr", has_text=plan["first_due_on"])
    expect(due).to_contain_text("张阿姨")
    due.get_by_role("button", name="记录").click()
    record = form(page, "follow-up-form")
    record.locator("[name=systolic]").fill("152")
    record.locator("[name=diastolic]").fill("92")
    record.get_by_role("button", name="保存随访记录").click()
    expect(page.get_by_test_id("follow-up-result")).to_contain_text("血压控制不满意")
    expect(page.get_by_test_id("follow-up-list")).not_to_contain_text(plan["first_due_on"])
    expect(page.get_by_test_id("follow-up-result")).to_contain_text("下次随访")
    [following] = api.get("/follow-ups", staff_id=point_admin["id"])["items"]
    assert following["id"] != plan["first_follow_up_id"] and following["programme"] == "hypertension"
    browser.shot("07-follow-up")

    # --- complaints desk: file, handle and close through a satisfied callback ------------
    page.locator("nav a[data-screen=complaints]").click()
    page.get_by_test_id("new-complaint").click()
    filing = form(page, "complaint-form")
    filing.locator("[name=category]").select_option("waiting_time")
    filing.locator("[name=name]").fill("李先生")
    filing.locator("[name=phone]").fill("13800002222")
    filing.locator("[name=content]").fill("周六上午等候时间太长")
    filing.get_by_role("button", name="登记").click()
    detail = page.get_by_test_id("complaint-detail")
    expect(detail).to_have_attribute("data-status", "received")
    complaint_id = page.locator(".queue-item.selected").get_attribute("data-complaint-id")
    expect(page.get_by_test_id("complaint-history")).to_contain_text("受理")

    def step(name: str, fields: dict[str, str], status: str) -> None:
        page.locator(f"[data-testid=complaint-steps] .tab[data-step={name}]").click()
        step_form = form(page, f"step-{name}")
        for field, value in fields.items():
            step_form.locator(f"[name={field}]").fill(value)
        step_form.get_by_test_id("step-submit").click()
        expect(detail).to_have_attribute("data-status", status)

    step("assign", {}, "assigned")
    step("reply", {"content": "已收到，正在核查排班"}, "in_progress")
    step("resolve", {"resolution": "周六上午增加一名助浴员"}, "resolved")
    step("reply", {"content": "已增加人手，欢迎再来"}, "replied")
    browser.shot("08-complaint")
    step("callback", {"comment": "满意"}, "closed")
    closed = api.get(f"/complaints/{complaint_id}")
    assert closed["status"] == "closed"
    assert [h["action"] for h in closed["history"]][-1] == "callback"
    assert closed["owner_staff_id"] == point_admin["id"]

    # A hotline call, answered.
    calls = form(page, "call-form")
    calls.locator("[name=caller]").fill("13800002222")
    calls.get_by_role("button", name="登记来电").click()
    expect(page.locator(".success", has_text="来电已登记")).to_be_visible()

    # --- city dashboard --------------------------------------------------------------------
    page.locator("nav a[data-screen=dashboard]").click()
    expect(page.locator("canvas[data-chart]")).to_have_count(4)
    expect(page.locator("canvas[data-chart=visits]")).to_have_attribute("data-total", "1")
    expect(page.locator("canvas[data-chart=incidents]")).to_have_attribute("data-total", "1")
    expect(page.locator("[data-testid=figures] [data-figure=visits] .tile-value")).to_have_text("1")
    expect(page.locator("[data-testid=figures] [data-figure=answer] .tile-value")).to_have_text("100.0%")
    expect(page.locator(f"[data-point-id='{point['id']}'] [data-figure=visits]")).to_have_text("1")
    for canvas in page.locator("canvas[data-chart]").all():
        box = canvas.bounding_box()
        assert box and box["width"] > 100 and box["height"] > 100
    assert page.evaluate("() => [...document.querySelectorAll('canvas[data-chart]')].every("
                         "c => c.getContext('2d').getImageData(0, 0, c.width, c.height).data.some(v => v))")
    with page.expect_download() as download:
        page.locator("[data-testid=reports] a[data-format=csv]").first.click()
    assert download.value.suggested_filename.startswith("complaints-")
    browser.shot("09-dashboard")

    # English on request, and a tablet's width.
    page.get_by_test_id("lang-switch").click()
    expect(page.locator("nav a[data-screen=dashboard]")).to_have_text("City dashboard")
    expect(page.locator("[data-testid=figures] [data-figure=visits] .tile-label")).to_have_text("Visits")
    page.set_viewport_size({"width": 820, "height": 1180})
    page.locator("nav a[data-screen=visits]").click()
    expect(page.locator("[data-step=checked_out]")).to_contain_text("张阿姨")
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")
    browser.shot("10-tablet-english")
    page.get_by_test_id("lang-switch").click()
    expect(page.locator("nav a[data-screen=visits]")).to_have_text("助浴看板")
