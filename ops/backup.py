"""`zhuyu backup` / `zhuyu restore`: every store of the suite (four services and the
gateway) into one directory, and back.

SQLite stores are copied with SQLite's online backup API in a single step: the copy is
one read transaction, so it is a consistent snapshot even while the suite writes (WAL
lets the writers go on meanwhile). Each copy is switched out of WAL mode so that it is one
self-contained file, checked with `PRAGMA integrity_check`, and its tables' row counts
are written to `manifest.json`. PostgreSQL stores are dumped with `pg_dump --format=custom`
(itself a consistent snapshot) and restored with `pg_restore --clean`.

Restoring replaces the stores the current environment points at (`ZHUYU_VAR_DIR`,
`<SERVICE>_DATABASE_URL`): stop the suite first.

Without `--store`, both take the stores whose code this installation carries (all five in a
checkout, the one of its own part in a container's image) and every store whose URL the
environment names (`<SERVICE>_DATABASE_URL`, `GATEWAY_DATABASE_URL`), as compose's
`backup` container does for all five.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import sqlalchemy as sa

from kit import registry
from kit.db import is_sqlite
from kit.settings import common_settings, var_dir
from ops.build import carries

MANIFEST = "manifest.json"
STORES = (*registry.SERVICES, "gateway")


class BackupError(Exception):
    pass


@dataclass(frozen=True)
class Copied:
    store: str
    kind: str  # sqlite | postgresql | absent
    file: str | None
    tables: dict[str, int]


def store_urls(names: list[str] | None = None) -> dict[str, str]:
    """Each store's URL as the running suite would use it."""
    urls = {}
    for name in names or carried_stores():
        if name not in STORES:
            raise BackupError(f"unknown store {name!r}; choose from {', '.join(STORES)}")
        if name == "gateway" and not os.environ.get("GATEWAY_DATABASE_URL"):
            from gateway import config

            urls[name] = config.load().database_url
        elif name == "gateway":
            urls[name] = os.environ["GATEWAY_DATABASE_URL"]
        else:
            urls[name] = common_settings(name).database_url
    return urls


def carried_stores() -> list[str]:
    return [name for name in STORES if carries(name) or os.environ.get(f"{name.upper()}_DATABASE_URL")]


def sqlite_path(url: str) -> Path:
    database = sa.engine.make_url(url).database
    if not database or database == ":memory:":
        raise BackupError(f"{url}: not a file")
    return Path(database)


def _pg_url(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def default_destination() -> Path:
    return var_dir() / "backups" / datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def backup(destination: Path, names: list[str] | None = None) -> list[Copied]:
    destination.mkdir(parents=True, exist_ok=True)
    copied = []
    for name, url in store_urls(names).items():
        if is_sqlite(url):
            copied.append(_backup_sqlite(name, sqlite_path(url), destination))
        else:
            copied.append(_backup_postgresql(name, url, destination))
    manifest = {
        "created_at": datetime.now(timezone.utc).isoformat(),
        "stores": {c.store: {"kind": c.kind, "file": c.file, "tables": c.tables,
                             "sha256": _sha256(destination / c.file) if c.file else None} for c in copied},
    }
    _write_atomically(destination / MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False).encode())
    return copied


def _backup_sqlite(name: str, source: Path, destination: Path) -> Copied:
    if not source.exists():
        return Copied(name, "absent", None, {})
    final = destination / f"{name}.db"
    partial = destination / f"{name}.db.partial"
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(source, timeout=60)
    dst = sqlite3.connect(partial)
    try:
        src.backup(dst)  # pages=-1: the whole database in one step, one snapshot
        dst.execute("PRAGMA journal_mode=DELETE")
        problems = integrity_problems(dst)
        if problems:
            raise BackupError(f"{name}: the copy fails integrity_check: {problems[:5]}")
        tables = row_counts(dst)
    finally:
        dst.close()
        src.close()
    _fsync(partial)
    os.replace(partial, final)
    return Copied(name, "sqlite", final.name, tables)


def _backup_postgresql(name: str, url: str, destination: Path) -> Copied:
    final = destination / f"{name}.dump"
    partial = destination / f"{name}.dump.partial"
    _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={partial}", _pg_url(url)], name)
    _fsync(partial)
    os.replace(partial, final)
    return Copied(name, "postgresql", final.name, {})


def restore(source: Path, names: list[str] | None = None, force: bool = False) -> list[Copied]:
    """Put the backed-up stores in place of the current ones (all, or `names`)."""
    manifest_path = source / MANIFEST
    if not manifest_path.exists():
        raise BackupError(f"{source}: no {MANIFEST}, not a backup made by `zhuyu backup`")
    manifest = json.loads(manifest_path.read_text())
    wanted = names or [n for n in carried_stores() if n in manifest["stores"]]
    missing = [n for n in wanted if n not in manifest["stores"]]
    if missing:
        raise BackupError(f"the backup has no store {', '.join(missing)}")
    urls = store_urls(wanted)
    for name in wanted:  # check everything before touching anything
        entry = manifest["stores"][name]
        if entry["file"] and entry["sha256"] != _sha256(source / entry["file"]):
            raise BackupError(f"{name}: {entry['file']} does not match the manifest's checksum")
        if entry["kind"] == "sqlite":
            if not is_sqlite(urls[name]):
                raise BackupError(f"{name}: a SQLite backup, but the store is {urls[name].split(':')[0]}")
            if sqlite_path(urls[name]).exists() and not force:
                raise BackupError(f"{name}: {sqlite_path(urls[name])} exists; stop the suite and pass --force "
                                  "to replace it")
        elif entry["kind"] == "postgresql" and is_sqlite(urls[name]):
            raise BackupError(f"{name}: a PostgreSQL dump, but the store is SQLite")
    restored = []
    for name in wanted:
        entry = manifest["stores"][name]
        if entry["kind"] == "sqlite":
            restored.append(_restore_sqlite(name, source / entry["file"], sqlite_path(urls[name]), entry["tables"]))
        elif entry["kind"] == "postgresql":
            _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
                  f"--dbname={_pg_url(urls[name])}", str(source / entry["file"])], name)
            restored.append(Copied(name, "postgresql", entry["file"], {}))
    return restored


def _restore_sqlite(name: str, file: Path, target: Path, expected: dict[str, int]) -> Copied:
    target.parent.mkdir(parents=True, exist_ok=True)
    incoming = target.with_name(target.name + ".restoring")
    shutil.copyfile(file, incoming)
    conn = sqlite3.connect(incoming)
    try:
        problems = integrity_problems(conn)
        counts = row_counts(conn)
    finally:
        conn.close()
    if problems or counts != expected:
        incoming.unlink()
        raise BackupError(f"{name}: the restored copy is not the one backed up ({problems[:5] or 'row counts differ'})")
    _fsync(incoming)
    # The old database's journal files belong to it, not to the restored one.
    for suffix in ("-wal", "-shm", "-journal"):
        target.with_name(target.name + suffix).unlink(missing_ok=True)
    os.replace(incoming, target)
    return Copied(name, "sqlite", str(target), counts)


def integrity_problems(conn: sqlite3.Connection) -> list[str]:
    rows = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
    return [] if rows == ["ok"] else rows


def row_counts(conn: sqlite3.Connection) -> dict[str, int]:
    names = [row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def _run(command: list[str], name: str) -> None:
    try:
        done = subprocess.run(command, capture_output=True, text=True)
    except FileNotFoundError:
        raise BackupError(f"{name}: {command[0]} not found; install the PostgreSQL client tools") from None
    if done.returncode != 0:
        raise BackupError(f"{name}: {command[0]} failed: {done.stderr.strip()[:500]}")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _write_atomically(path: Path, data: bytes) -> None:
    partial = path.with_name(path.name + ".partial")
    with open(partial, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, path)
