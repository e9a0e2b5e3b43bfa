"""The generated part of the Python client (clients/python/zhuyu_api/) is what the
generator makes from today's merged OpenAPI document: regenerated and compared."""
from __future__ import annotations

from scripts import python_client


def test_the_generated_client_is_current(capsys):
    assert python_client.main(["--check"]) == 0, capsys.readouterr().err + " (run `make client`)"
