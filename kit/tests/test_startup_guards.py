"""What a process checks before it serves: no development secrets, one `zhuyu run` per
folder, a schema at this release's head (or a wait for the migration Job), and a
readiness that a broker outage does not fail when asked to skip the broker."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kit import dev_secrets, registry
from ops import run_lock
from kit.broker import free_port
from kit.db import Store
from kit.web import create_app

ROOT = Path(__file__).resolve().parents[2]
MIGRATIONS = ROOT / "services" / "notify" / "migrations"


# --- development secrets ------------------------------------------------------------------

def test_a_development_password_in_any_variable_refuses_the_start(capsys):
    environ = {"AMQP_URL": "amqp://zhuyu:zhuyu-dev-only@rabbitmq:5672/%2F", "ZHUYU_TIMEZONE": "Asia/Shanghai",
               "ZHUYU_JWT_SECRET": "REPLACE-with-a-long-random-string"}
    with pytest.raises(SystemExit) as exited:
        dev_secrets.refuse_development_secrets(environ)
    assert exited.value.code == dev_secrets.EXIT_CONFIG
    message = capsys.readouterr().err
    assert "AMQP_URL" in message and "ZHUYU_JWT_SECRET" in message and "ZHUYU_TIMEZONE" not in message
    assert "zhuyu-dev-only" not in message, "the message names variables, never their values"


def test_the_development_flag_allows_them_and_real_secrets_pass():
    dev_secrets.refuse_development_secrets({"AMQP_URL": "amqp://zhuyu:zhuyu-dev-only@rabbitmq/%2F",
                                            "ZHUYU_ALLOW_DEV_SECRETS": "true"})
    dev_secrets.refuse_development_secrets({"AMQP_URL": "amqp://zhuyu:Xq8v0kT2mZ@rabbitmq/%2F",
                                            "ZHUYU_SURVEY_TOKEN_SECRET": "k3J9sQ0pL2vX7wB1nM4cR6tY8uI5oA"})


def test_zhuyu_serve_exits_before_serving_with_a_development_secret(tmp_path):
    environ = {k: v for k, v in os.environ.items() if not k.startswith("ZHUYU_")}
    environ.update(ZHUYU_VAR_DIR=str(tmp_path), ZHUYU_SURVEY_TOKEN_SECRET="zhuyu-dev-only-survey-secret")
    done = subprocess.run([sys.executable, "-m", "ops.cli", "serve", "complaints", "web"], env=environ, cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == dev_secrets.EXIT_CONFIG, done.stderr
    assert "ZHUYU_SURVEY_TOKEN_SECRET" in done.stderr
    assert not (tmp_path / "complaints.db").exists(), "nothing was started or migrated"


# --- one `zhuyu run` per folder -----------------------------------------------------------

def test_a_second_run_in_the_same_folder_says_so_and_exits(tmp_path):
    holder = run_lock.acquire(tmp_path)
    try:
        # Should the lock fail, nothing may land on the default ports: a dead broker, free ports.
        environ = dict(os.environ, ZHUYU_VAR_DIR=str(tmp_path), AMQP_URL="amqp://guest:guest@127.0.0.1:1//",
                       GATEWAY_PORT=str(free_port()),
                       **{f"{name.upper()}_PORT": str(free_port()) for name in registry.SERVICES})
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "ops.cli", "run"], env=environ, cwd=ROOT,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 1
        assert "already running" in done.stderr and str(os.getpid()) in done.stderr
        assert time.monotonic() - started < 30
        assert not list(tmp_path.glob("*.db")), "it migrated and started nothing"
    finally:
        holder.close()
    run_lock.acquire(tmp_path).close()  # free again once the first run has ended


def test_the_lock_is_freed_when_its_holder_dies(tmp_path):
    child = subprocess.Popen([sys.executable, "-c", "import sys, time; from pathlib import Path; "
                              "from ops import run_lock; held = run_lock.acquire(Path(sys.argv[1])); print('held', flush=True); "
                              "time.sleep(60)", str(tmp_path)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "held"
        with pytest.raises(run_lock.AlreadyRunning):
            run_lock.acquire(tmp_path)
    finally:
        child.kill()
        child.wait()
    run_lock.acquire(tmp_path).close()


# --- the schema at start --------------------------------------------------------------------

@pytest.fixture
def store(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'notify.db'}", MIGRATIONS)
    yield store
    store.dispose()


def test_by_default_a_process_migrates_its_store_at_start(store, monkeypatch):
    monkeypatch.delenv("ZHUYU_MIGRATE_ON_START", raising=False)
    store.prepare_schema()
    assert store.schema_state() == "current"


def test_where_a_job_migrates_a_process_waits_for_it_and_fails_if_it_never_runs(store, monkeypatch):
    monkeypatch.setenv("ZHUYU_MIGRATE_ON_START", "false")
    monkeypatch.setenv("ZHUYU_SCHEMA_WAIT_SECONDS", "0.3")
    with pytest.raises(RuntimeError, match="migrate-notify"):
        store.prepare_schema()
    assert store.schema_state() == "behind"
    store.migrate()  # the Job
    store.prepare_schema()
    assert store.schema_state() == "current"


def test_a_schema_migrated_by_a_newer_release_lets_the_older_code_run(store, monkeypatch):
    store.migrate()
    with store.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = 'f00dfeedbeef'")
    monkeypatch.setenv("ZHUYU_MIGRATE_ON_START", "false")
    assert store.schema_state() == "ahead"
    store.prepare_schema()  # returns at once


# --- readiness ------------------------------------------------------------------------------

def test_readiness_can_leave_the_broker_out_so_an_outage_keeps_the_api_in_rotation(store):
    store.migrate()
    dead_broker = "amqp://guest:guest@127.0.0.1:1//"
    client = create_app("notify", store, [], dead_broker, None).test_client()
    full = client.get("/readyz")
    assert full.status_code == 503 and full.get_json()["checks"]["broker"].startswith("down")
    serving = client.get("/readyz?skip=broker")
    assert serving.status_code == 200
    assert serving.get_json()["checks"] == {"database": "ok", "broker": "skipped"}
