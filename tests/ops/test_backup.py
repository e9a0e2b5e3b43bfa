"""`zhuyu backup` / `zhuyu restore`: a backup taken while the suite writes is a consistent
snapshot of every store, and restores into a fresh place with the same rows."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
import uuid

import pytest
import sqlalchemy as sa

from kit import registry
from kit.db import is_sqlite, make_engine
from ops import backup
from ops.build import build


@pytest.fixture
def stores(monkeypatch, tmp_path, database_urls):
    """Every store of the suite at its schema head, in this test's var dir (SQLite) or
    fresh databases (PostgreSQL)."""
    monkeypatch.setenv("ZHUYU_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("ZHUYU_JWT_SECRET", "test-secret")
    for name in backup.STORES:
        monkeypatch.setenv(f"{name.upper()}_DATABASE_URL", database_urls(name))
    services = {name: build(name) for name in registry.SERVICES}
    for service in services.values():
        service.store.migrate()
    from gateway.app import build_store

    gateway = build_store()
    gateway.migrate()
    yield services
    for service in services.values():
        service.store.dispose()
    gateway.dispose()


class Writer(threading.Thread):
    """Writes events into a service's outbox, one transaction each, until stopped."""

    def __init__(self, service):
        super().__init__(daemon=True)
        self.service = service
        self.stop = threading.Event()
        self.written = 0

    def run(self) -> None:
        while not self.stop.is_set():
            with self.service.store.begin() as session:
                self.service.outbox.add(session, "ops.test.written", str(uuid.uuid4()), {"n": self.written})
            self.written += 1


def counts(url: str) -> dict[str, int]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            names = sa.inspect(conn).get_table_names()
            return {name: conn.execute(sa.text(f'SELECT count(*) FROM "{name}"')).scalar() for name in names}
    finally:
        engine.dispose()


def zhuyu(*args: str) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", "ops.cli", *args], env=dict(os.environ), capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done


def test_backup_taken_while_writing_restores_a_consistent_copy_of_every_store(stores, monkeypatch, tmp_path,
                                                                               database_urls, database_kind):
    writers = [Writer(stores["registration"]), Writer(stores["notify"])]
    for writer in writers:
        writer.start()
    try:
        while min(w.written for w in writers) < 50:
            threading.Event().wait(0.05)
        before = [w.written for w in writers]
        zhuyu("backup", "--to", str(tmp_path / "backup"))
        during = [w.written - b for w, b in zip(writers, before)]
    finally:
        for writer in writers:
            writer.stop.set()
            writer.join(timeout=30)
    assert all(n > 0 for n in during), "the writers should have kept writing during the backup"
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    assert sorted(manifest["stores"]) == sorted(backup.STORES)

    # Restore into a fresh place: a new var dir, or new databases.
    monkeypatch.setenv("ZHUYU_VAR_DIR", str(tmp_path / "fresh"))
    fresh = {name: database_urls(name + "_restored") for name in backup.STORES}
    for name, url in fresh.items():
        monkeypatch.setenv(f"{name.upper()}_DATABASE_URL", url)
    zhuyu("restore", "--from", str(tmp_path / "backup"))

    for name, url in fresh.items():
        restored = counts(url)
        if is_sqlite(url):
            with sqlite3.connect(backup.sqlite_path(url)) as conn:
                assert backup.integrity_problems(conn) == []
            assert restored == manifest["stores"][name]["tables"]
        assert "alembic_version" in restored
    for name, writer, started in zip(("registration", "notify"), writers, before):
        restored = counts(fresh[name])
        # A snapshot: every outbox row with its sequence row (written in one transaction),
        # at least what was there when the backup began, at most what was ever written.
        assert restored["outbox"] == restored["aggregate_sequence"]
        assert started <= restored["outbox"] <= writer.written
    # The restored stores are usable: at their schema head, and writable.
    for name in registry.SERVICES:
        service = build(name)
        service.store.migrate()
        with service.store.begin() as session:
            service.outbox.add(session, "ops.test.after_restore", str(uuid.uuid4()), {})
        service.store.dispose()


@pytest.mark.parametrize("database_kind", ["sqlite"])  # pg_restore --clean replaces a database's objects
def test_restore_refuses_to_replace_an_existing_store_without_force(stores, tmp_path, database_kind):
    zhuyu("backup", "--to", str(tmp_path / "backup"), "--store", "registration")
    refused = subprocess.run([sys.executable, "-m", "ops.cli", "restore", "--from", str(tmp_path / "backup")],
                             env=dict(os.environ), capture_output=True, text=True, timeout=60)
    assert refused.returncode == 1
    assert "--force" in refused.stderr
    zhuyu("restore", "--from", str(tmp_path / "backup"), "--force")


@pytest.mark.parametrize("database_kind", ["sqlite"])  # the checksum is checked the same way for dumps
def test_restore_refuses_a_backup_file_that_was_altered(stores, tmp_path, database_kind):
    zhuyu("backup", "--to", str(tmp_path / "backup"), "--store", "visits")
    with open(tmp_path / "backup" / "visits.db", "r+b") as handle:
        handle.seek(200)
        handle.write(b"\xff\xff")
    with pytest.raises(backup.BackupError, match="checksum"):
        backup.restore(tmp_path / "backup", force=True)
