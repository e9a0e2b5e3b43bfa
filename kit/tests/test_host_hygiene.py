"""Files on the host: stores and their backups are readable by their owner only; the
private RabbitMQ node's Erlang distribution listens on loopback; SQL parameters stay out
of error messages."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from kit.db import Store


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_sqlite_store_and_its_journal_files_are_private(tmp_path):
    old = tmp_path / "old.db"
    old.touch(mode=0o644)
    for name in ("new.db", "old.db"):
        store = Store(f"sqlite:///{tmp_path / name}", tmp_path)
        with store.begin() as session:
            session.execute(sa.text("CREATE TABLE IF NOT EXISTS t (secret TEXT)"))
            session.execute(sa.text("INSERT INTO t VALUES ('hash')"))
        files = sorted(tmp_path.glob(name + "*"))
        assert files and all(mode(path) == 0o600 for path in files), [(p.name, oct(mode(p))) for p in files]
        store.dispose()


def test_backups_made_by_the_command_line_are_private(tmp_path):
    env = dict(os.environ, ZHUYU_VAR_DIR=str(tmp_path / "var"), GATEWAY_DATABASE_URL=f"sqlite:///{tmp_path / 'gw.db'}")
    subprocess.run([sys.executable, "-m", "ops.cli", "migrate", "gateway"], env=env, check=True, capture_output=True)
    done = subprocess.run([sys.executable, "-m", "ops.cli", "backup", "--to", str(tmp_path / "copy"), "--store",
                           "gateway"], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert mode(tmp_path / "copy") == 0o700
    assert [(p.name, oct(mode(p))) for p in (tmp_path / "copy").iterdir()] == \
        [(p.name, "0o600") for p in (tmp_path / "copy").iterdir()]


def test_sql_parameters_are_not_in_error_messages(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'k.db'}", tmp_path)
    with store.begin() as session:
        session.execute(sa.text("CREATE TABLE k (h TEXT UNIQUE)"))
        session.execute(sa.text("INSERT INTO k VALUES (:h)"), {"h": "secret-key-hash"})
    with pytest.raises(sa.exc.IntegrityError) as raised:
        with store.begin() as session:
            session.execute(sa.text("INSERT INTO k VALUES (:h)"), {"h": "secret-key-hash"})
    assert "secret-key-hash" not in str(raised.value)
    store.dispose()


def test_the_private_nodes_erlang_distribution_listens_on_loopback_only(rabbit):
    """Every socket listening on the node's distribution port is bound to 127.0.0.1."""
    port = f"{rabbit.node.dist_port:04X}"
    listening = [line.split()[1] for line in Path("/proc/net/tcp").read_text().splitlines()[1:]
                 if line.split()[1].endswith(":" + port) and line.split()[3] == "0A"]
    listening += [line.split()[1] for line in Path("/proc/net/tcp6").read_text().splitlines()[1:]
                  if line.split()[1].endswith(":" + port) and line.split()[3] == "0A"]
    assert listening == ["0100007F:" + port], listening
