"""A fuzzing run of the merged OpenAPI document against the running suite: whatever
schemathesis sends, no response is a server error and every response matches the schema
the document gives for its status."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from testkit.suite import RunningSuite, suite_environment

pytestmark = [pytest.mark.integration, pytest.mark.slow]


@pytest.fixture
def suite(suite_env, tmp_path):
    # One store kind is enough here: what is fuzzed is the HTTP surface.
    env = suite_environment(dict(os.environ), tmp_path / "var", lambda name: f"sqlite:///{tmp_path / name}.db")
    env["ZHUYU_RATE_LIMIT_USER"] = "1000000 per minute"
    running = RunningSuite(env, tmp_path / "var", tmp_path / "suite.log")
    running.start()
    yield running
    running.stop()


def test_no_generated_request_gets_a_server_error_or_an_undocumented_body(suite, tmp_path):
    schemathesis = Path(sys.executable).with_name("schemathesis")
    done = subprocess.run(
        [str(schemathesis), "run", f"{suite.gateway}/api/v1/openapi.json", "-u", suite.gateway,
         "-H", f"Authorization: Bearer {suite.token()}", "-c", "not_a_server_error,response_schema_conformance",
         "--max-examples", os.environ.get("ZHUYU_FUZZ_EXAMPLES", "10"), "-w", "2", "--seed", "2026"],
        capture_output=True, text=True, timeout=1200)  # bounded; over 100 operations now
    (tmp_path / "fuzz.log").write_text(done.stdout + done.stderr)
    assert done.returncode == 0, done.stdout[-6000:]
