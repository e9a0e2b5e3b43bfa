"""The reference page at /api/v1/docs, as a partner's browser shows it from the merged
document: the introduction, authentication with each scope's operations, the reason codes,
webhooks with a verification recipe, and every operation with its description, parameters,
examples and answers. The gateway serves the page and the document as files; here they are
served the same way from 127.0.0.1."""
from __future__ import annotations

import json
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from gateway.app import merge_openapi
from kit import reasons
from tests.openapi_documents import service_documents

pytestmark = [pytest.mark.slow]
CHROMIUM = "/usr/bin/chromium"
PAGE = Path(__file__).resolve().parents[2] / "gateway" / "static" / "docs.html"


@pytest.fixture
def site(tmp_path):
    document = merge_openapi(service_documents())
    (tmp_path / "docs").write_bytes(PAGE.read_bytes())
    (tmp_path / "openapi.json").write_text(json.dumps(document, ensure_ascii=False))

    class Quiet(SimpleHTTPRequestHandler):
        extensions_map = {"": "text/html", ".json": "application/json"}

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/docs", document
    server.shutdown()


def test_the_reference_page_teaches_from_the_document(site):
    from playwright.sync_api import sync_playwright

    url, document = site
    operations = sum(1 for item in document["paths"].values() for m in item if m in ("get", "post", "put", "patch", "delete"))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(url)
        page.wait_for_selector("#ops details")
        assert errors == []
        assert page.locator("#ops details").count() == operations
        assert page.locator("#count").inner_text() == str(operations)
        assert "API key" in page.locator("#description").inner_text()
        assert "Idempotent-Replayed" in page.locator("#idempotency").inner_text()
        assert "RateLimit-Remaining" in page.locator("#ratelimits").inner_text()
        codes = page.locator("#codes tr td:first-child").all_inner_texts()
        assert sorted(codes) == sorted(reasons.CODES)
        scopes = page.locator("#scopes tr td:first-child").all_inner_texts()
        assert {"elders:read", "visits:write", "webhooks:write"} <= set(scopes)
        assert "hmac.compare_digest" in page.locator("#webhooks").inner_text()

        page.fill("#filter", "getElders")  # how a partner finds an elder by card
        shown = page.locator("#ops details:not([hidden])")
        assert shown.count() == 1
        shown.first.locator("summary").click()
        text = shown.first.inner_text()
        assert "/api/v1/elders" in text and "elders:read" in text
        assert "citizen_card_no" in text and "429" in text and "403" in text

        page.fill("#filter", "postElders")
        shown = page.locator("#ops details:not([hidden])")
        shown.first.locator("summary").click()
        example = shown.first.locator("pre").first.inner_text()
        assert json.loads(example)["id_number"] == "110105194503010026"
        browser.close()
