"""A running suite for the operators' commands."""
from __future__ import annotations

import os

import pytest

from testkit.suite import RunningSuite, suite_environment


@pytest.fixture
def suite(suite_env, database_urls, tmp_path):
    env = suite_environment(dict(os.environ), tmp_path / "var", database_urls)
    env["ZHUYU_QUIET_HOURS_START"] = env["ZHUYU_QUIET_HOURS_END"] = "00:00"  # no quiet hours: SMS go out now
    env["ZHUYU_GATEWAY_URL"] = f"http://127.0.0.1:{env['GATEWAY_PORT']}"
    running = RunningSuite(env, tmp_path / "var", tmp_path / "suite.log")
    running.start()
    yield running
    running.stop()

