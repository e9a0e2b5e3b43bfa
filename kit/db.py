"""The service's own store: engine, transactions and migrations at start.

SQLite (a file under ./var) by default, PostgreSQL when `<SERVICE>_DATABASE_URL` says so.
On SQLite every transaction starts with BEGIN IMMEDIATE so that a read followed by a
write never fails half-way on a lock upgrade; WAL lets readers go on meanwhile.
"""
from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import time
import zlib
from pathlib import Path
from typing import Callable, ContextManager, Iterator

import sqlalchemy as sa
from sqlalchemy import event, exc
from sqlalchemy.orm import Session, sessionmaker

from kit import wakeup
from kit.errors import NotFound
from kit.settings import env

log = logging.getLogger("kit.db")

# A unit of work, for the few use cases that must open their own (`store.begin`): they call
# an adapter between transactions, never while one is open.
Transaction = Callable[[], ContextManager[Session]]

# Errors that mean "the database is not reachable now", as opposed to a bad statement.
UNAVAILABLE = (exc.OperationalError, exc.InterfaceError, exc.TimeoutError)


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def _private(path: Path) -> None:
    """A store file readable by its owner only (it holds personal data and secrets' hashes);
    SQLite gives its -wal and -shm files the database file's mode."""
    path.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    for file in (path, *(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal"))):
        if file.exists():
            file.chmod(0o600)


def make_engine(url: str) -> sa.Engine:
    # hide_parameters: values (key hashes, personal data) never appear in errors and logs.
    if is_sqlite(url):
        path = sa.engine.make_url(url).database
        if path and path != ":memory:":
            _private(Path(path))
        engine = sa.create_engine(url, connect_args={"timeout": 30, "check_same_thread": False}, hide_parameters=True)
        synchronous = env.str("ZHUYU_SQLITE_SYNCHRONOUS", "FULL")

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection, _record):
            dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute(f"PRAGMA synchronous={synchronous}")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn):
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    url = url.replace("postgresql://", "postgresql+psycopg://", 1)
    engine = sa.create_engine(
        url,
        pool_size=env.int("ZHUYU_DB_POOL_SIZE", 10),
        max_overflow=env.int("ZHUYU_DB_MAX_OVERFLOW", 10),
        hide_parameters=True,
        pool_timeout=env.float("ZHUYU_DB_POOL_TIMEOUT_SECONDS", 5.0),
        connect_args={"connect_timeout": env.int("ZHUYU_DB_CONNECT_TIMEOUT_SECONDS", 3)},
    )
    ping_when_idle(engine, env.float("ZHUYU_DB_PING_IDLE_SECONDS", 2.0))
    return engine


def ping_when_idle(engine: sa.Engine, idle_seconds: float) -> None:
    """A pooled connection is pinged at checkout only when it sat unused for `idle_seconds`
    or more: a database restart while it sat is found there, and the pool makes a new
    connection for the caller (every older one is replaced as it is next checked out). A
    connection in steady use is not pinged: a restart between two of its uses is found by
    the statement that fails, which SQLAlchemy recognises as a disconnect and after which
    it replaces every connection the pool held; that request is answered 503
    (`kit.web`, Retry-After) and the next one gets a new connection."""

    @event.listens_for(engine, "checkin")
    def _checked_in(dbapi_connection, record):
        if dbapi_connection is not None:
            record.info[_IDLE_SINCE] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checked_out(dbapi_connection, record, _proxy):
        since = record.info.get(_IDLE_SINCE)
        if since is None or time.monotonic() - since < idle_seconds:
            return  # a new connection, or one in use a moment ago
        try:
            engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as error:
            if engine.dialect.is_disconnect(error, dbapi_connection, None):
                raise exc.InvalidatePoolError("the connection was lost while idle") from error
            raise


_IDLE_SINCE = "zhuyu.idle_since"


class Store:
    """One service's database: `with store.begin() as session:` is one unit of work."""

    def __init__(self, url: str, migrations: Path):
        self.url = url
        self.migrations = migrations
        self.engine = make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        wakeup.install(self._sessions, self.engine)  # a relay woken by commits

    def begin(self) -> contextlib.AbstractContextManager[Session]:
        return self._sessions.begin()

    def session(self) -> Session:
        return self._sessions()

    def ping(self) -> None:
        with self.engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")

    def migrate(self) -> None:
        """Bring the schema to head; safe when several processes start at once."""
        from alembic import command

        with self._migration_lock() as connection:
            config = self._alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    def _alembic_config(self):
        # alembic (with mako and pygments) is imported only where a schema is looked at:
        # a web worker or a relay that never migrates does not carry it.
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(self.migrations))
        return config

    def prepare_schema(self) -> None:
        """At a process's start: bring the schema to head, or, where a migration Job owns the
        schema once per release (`ZHUYU_MIGRATE_ON_START=false`, as on Kubernetes), wait until
        it is there (`ZHUYU_SCHEMA_WAIT_SECONDS`, default 300) and fail if it never is."""
        if env.bool("ZHUYU_MIGRATE_ON_START", True):
            self.migrate()
        else:
            self.wait_for_schema(env.float("ZHUYU_SCHEMA_WAIT_SECONDS", 300.0))

    def schema_state(self) -> str:
        """`current` (at this code's head), `behind` (a migration of this release has not run)
        or `ahead` (a newer release migrated it: expand-then-contract migrations keep the
        older code working until that release's rollout ends)."""
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory

        script = ScriptDirectory.from_config(self._alembic_config())
        with self.engine.connect() as connection:
            current = set(MigrationContext.configure(connection).get_current_heads())
        if current == set(script.get_heads()):
            return "current"
        known = {revision.revision for revision in script.walk_revisions()}
        return "ahead" if current - known else "behind"

    def wait_for_schema(self, timeout: float, poll: float = 2.0) -> None:
        name = self.migrations.parent.name
        deadline = time.monotonic() + timeout
        while (state := self.schema_state()) == "behind":
            left = deadline - time.monotonic()
            if left <= 0:
                raise RuntimeError(f"the {name} store's schema is behind this release after {timeout:.0f} s: "
                                   f"run its migration first (`zhuyu migrate {name}`, the migrate-{name} Job)")
            log.warning("waiting for the %s store's migration", name)
            time.sleep(min(poll, left))
        if state == "ahead":
            log.warning("the %s store's schema is newer than this release (rollout in progress)", name)

    @contextlib.contextmanager
    def _migration_lock(self) -> Iterator[sa.Connection]:
        if is_sqlite(self.url):
            lock_path = Path(str(self.engine.url.database) + ".migrate.lock")
            with open(lock_path, "w") as handle:
                fcntl.flock(handle, fcntl.LOCK_EX)
                with self.engine.connect() as connection:
                    yield connection
            return
        key = zlib.crc32(self.migrations.as_posix().encode())
        with self.engine.connect() as connection:
            connection.exec_driver_sql(f"SELECT pg_advisory_lock({key})")
            connection.commit()
            try:
                yield connection
            finally:
                connection.rollback()
                connection.exec_driver_sql(f"SELECT pg_advisory_unlock({key})")
                connection.commit()

    def new_revision(self, message: str) -> None:
        """Write a migration for what the models add (compared on an empty SQLite at head)."""
        import tempfile

        from alembic import command

        with tempfile.TemporaryDirectory() as tmp:
            scratch = Store(f"sqlite:///{tmp}/scratch.db", self.migrations)
            scratch.migrate()
            with scratch.engine.connect() as connection:
                config = self._alembic_config()
                config.attributes["connection"] = connection
                command.revision(config, message=message, autogenerate=True)
            scratch.dispose()

    def dispose(self) -> None:
        self.engine.dispose()


def one(session: Session, table: sa.Table, what: str, key: str, lock: bool = False) -> sa.Row:
    """The row of `table` with id `key`, locked for the transaction when `lock` (FOR UPDATE
    on PostgreSQL; SQLite's transactions already hold the write lock), or NotFound."""
    query = sa.select(table).where(table.c.id == key)
    row = session.execute(query.with_for_update() if lock else query).first()
    if row is None:
        raise NotFound(what, key)
    return row


def run_migrations(context, target_metadata: sa.MetaData) -> None:
    """Body of every service's `migrations/env.py` (online mode only)."""
    connection = context.config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
