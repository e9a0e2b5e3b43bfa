"""`zhuyu` inside one part's image, where the other parts are not installed: a service's
image holds its own service and no gateway; the gateway's image holds no service. The
commands that make sense there work; the others say where to run them."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Runs `zhuyu` in an interpreter that cannot import what the image leaves out.
IMAGE = """
import sys
KEEP = sys.argv.pop(1)

class LeftOut:
    def find_spec(self, name, path=None, target=None):
        parts = name.split(".")
        if parts[0] == "gateway" and KEEP != "gateway" or \\
                parts[0] == "services" and (KEEP == "gateway" or len(parts) > 1 and parts[1] != KEEP):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

sys.meta_path.insert(0, LeftOut())
from ops.cli import main
main()
"""


@pytest.fixture
def image(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.endswith("_DATABASE_URL")}
    env.update(ZHUYU_VAR_DIR=str(tmp_path / "var"), ZHUYU_ADMIN_PASSWORD="admin-test-password",
               ZHUYU_JWT_SECRET="test-secret")

    def zhuyu(part: str, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-c", IMAGE, part, *args], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=120)

    return zhuyu


def said_where_to_run_it(done: subprocess.CompletedProcess, part: str, container: str) -> bool:
    return (done.returncode == 2 and "Traceback" not in done.stderr and f"needs {part}" in done.stderr
            and f"docker compose exec {container} zhuyu" in done.stderr)


def test_the_command_line_starts_in_a_services_image(image):
    done = image("visits", "--help")
    assert done.returncode == 0 and "users" in done.stdout and "backup" in done.stdout, done.stderr
    assert image("visits", "users", "create", "--help").returncode == 0


def test_a_services_image_migrates_and_backs_up_its_own_store(image, tmp_path):
    migrated = image("visits", "migrate", "visits")
    assert migrated.returncode == 0 and "visits: schema at head" in migrated.stdout, migrated.stderr
    backed = image("visits", "backup", "--to", str(tmp_path / "backup"))
    assert backed.returncode == 0, backed.stderr
    assert [json.loads(line)["store"] for line in backed.stdout.splitlines()] == ["visits"]
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    assert list(manifest["stores"]) == ["visits"] and manifest["stores"]["visits"]["kind"] == "sqlite"


@pytest.mark.parametrize("args", [
    ("users", "list"), ("api-keys", "create", "--name", "x", "--scope", "elders:read"), ("migrate", "gateway"),
    ("serve", "gateway"), ("backup", "--store", "gateway"),
])
def test_a_services_image_says_where_to_run_what_needs_the_gateway(image, args):
    assert said_where_to_run_it(image("visits", *args), "the gateway", "gateway")


@pytest.mark.parametrize("args", [("serve", "registration", "web"), ("migrate", "notify"),
                                  ("outbox", "republish", "complaints")])
def test_an_image_says_where_to_run_what_needs_another_service(image, args):
    service = args[1] if args[0] != "outbox" else args[2]
    assert said_where_to_run_it(image("visits", *args), f"the {service} service", service)
    assert said_where_to_run_it(image("gateway", *args), f"the {service} service", service)


def test_the_gateways_image_runs_the_account_commands_and_backs_up_its_store(image, tmp_path):
    made = image("gateway", "users", "create", "--username", "ops-1", "--role", "doctor")
    assert made.returncode == 0, made.stderr
    listed = [json.loads(line)["username"] for line in image("gateway", "users", "list").stdout.splitlines()]
    assert listed == ["admin", "ops-1"]
    backed = image("gateway", "backup", "--to", str(tmp_path / "backup"))
    assert backed.returncode == 0, backed.stderr
    assert [json.loads(line)["store"] for line in backed.stdout.splitlines()] == ["gateway"]
