"""`zhuyu users` and `zhuyu api-keys` in process, on a store of their own: the command line
refuses what the gateway's endpoints refuse, because both call `gateway.accounts`."""
from __future__ import annotations

import io
import json

import pytest

from kit import paging
from ops import cli


@pytest.fixture
def zhuyu(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ZHUYU_VAR_DIR", str(tmp_path))
    monkeypatch.setenv("GATEWAY_DATABASE_URL", f"sqlite:///{tmp_path / 'gateway.db'}")
    monkeypatch.setenv("ZHUYU_ADMIN_PASSWORD", "admin-test-password")

    def run(*args: str, stdin: str | None = None) -> tuple[int, list[dict], str]:
        if stdin is not None:
            monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        try:
            cli.main(list(args))
            code = 0
        except SystemExit as done:
            code = done.code or 0
        out, err = capsys.readouterr()
        return code, [json.loads(line) for line in out.splitlines()], err

    return run


@pytest.mark.parametrize("args, field", [
    (["--username", "Admin"], "taken"),
    (["--username", " ops-1"], "username: no spaces"),
    (["--username", "ops\x00"], "username: no control"),
    (["--username", "ops-1", "--service-point-id", "not-a-uuid"], "service_point_id: not a valid uuid"),
    (["--username", "ops-1", "--staff-id", "42"], "staff_id: not a valid uuid"),
    (["--username", "ops-1", "--role", "root"], "role: one of admin"),
])
def test_a_user_the_gateway_would_refuse_is_refused_on_the_command_line(zhuyu, args, field):
    if "--role" not in args:
        args = [*args, "--role", "doctor"]
    code, out, err = zhuyu("users", "create", *args)
    assert code == 1 and out == [] and field in err.lower(), err
    assert [u["username"] for u in zhuyu("users", "list")[1]] == ["admin"]


@pytest.mark.parametrize("limit", ["0", "-5", "100001"])
def test_a_rate_limit_out_of_range_is_refused_on_the_command_line_too(zhuyu, limit):
    code, _, err = zhuyu("api-keys", "create", "--name", "partner", "--scope", "elders:read", "--rate-limit", limit)
    assert code == 1 and "rate_limit_per_minute: a whole number of requests per minute, 1 to 100000" in err
    assert zhuyu("api-keys", "list")[1] == []


def test_a_short_password_on_stdin_is_refused(zhuyu):
    code, _, err = zhuyu("users", "create", "--username", "ops-1", "--role", "doctor", "--password-stdin",
                         stdin="short\n")
    assert code == 1 and "password: at least 10 characters" in err


def test_users_and_keys_are_listed_whole_however_many_pages_they_take(zhuyu, monkeypatch):
    monkeypatch.setattr(paging, "MAX_LIMIT", 2)  # the command line reads page after page
    for n in range(4):
        assert zhuyu("users", "create", "--username", f"ops-{n}", "--role", "city_operator")[0] == 0
    code, users, _ = zhuyu("users", "list")
    assert code == 0 and [u["username"] for u in users] == ["admin", "ops-0", "ops-1", "ops-2", "ops-3"]
    keys = [zhuyu("api-keys", "create", "--name", f"k{n}", "--scope", "visits:read")[1][0] for n in range(3)]
    code, listed, _ = zhuyu("api-keys", "list")
    assert code == 0 and [k["id"] for k in listed] == [k["id"] for k in keys]
    assert all("key" not in k for k in listed)


def test_a_user_is_disabled_by_name_or_id(zhuyu):
    made = zhuyu("users", "create", "--username", "ops-1", "--role", "doctor",
                 "--service-point-id", "7D0B6A3E-0000-4000-8000-000000000001")[1][0]
    assert zhuyu("users", "disable", "ops-1")[1] == [{"id": made["id"], "disabled": True}]
    listed = {u["username"]: u for u in zhuyu("users", "list")[1]}
    assert listed["ops-1"]["disabled"] and listed["ops-1"]["service_point_id"] == "7d0b6a3e-0000-4000-8000-000000000001"
    code, _, err = zhuyu("users", "disable", "nobody")
    assert code == 1 and "no user 'nobody'" in err
