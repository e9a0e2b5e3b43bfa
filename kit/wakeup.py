"""The relay is woken by the store when an outbox row commits, instead of polling for one.

- PostgreSQL: the statement that numbers an event also calls `pg_notify` (`kit.outbox`),
  which the server delivers when, and only if, the transaction commits; the relay LISTENs
  on its own connection.
- SQLite: the store lives on this machine, so a transaction that wrote outbox rows sends
  one datagram after its commit to a socket the relay listens on (Linux's abstract socket
  namespace, named after the database file: no file to leave behind).

A wake-up that is lost (a commit by a process that could not send it, a full socket
buffer) costs latency, never an event: the relay also looks at the outbox when
`ZHUYU_RELAY_IDLE_SECONDS` pass without one. Several wake-ups that arrive while the relay
is busy are taken as one.
"""
from __future__ import annotations

import hashlib
import logging
import os
import socket
import threading

import sqlalchemy as sa
from sqlalchemy import event

log = logging.getLogger("kit.wakeup")

CHANNEL = "zhuyu_outbox"
WRITTEN = "zhuyu.outbox_written"  # set in `Session.info` by a transaction that added events


def sqlite_address(database: str) -> bytes:
    """The abstract socket name of a SQLite store's relay."""
    digest = hashlib.sha256(os.path.abspath(database).encode()).hexdigest()[:40]
    return b"\0zhuyu-outbox-" + digest.encode()


def _sqlite_database(engine: sa.Engine) -> str | None:
    if engine.dialect.name != "sqlite":
        return None
    database = engine.url.database
    return database if database and database != ":memory:" else None


class _Sender:
    """One unbound datagram socket per process, shared by its threads."""

    _socket: socket.socket | None = None
    _lock = threading.Lock()

    @classmethod
    def send(cls, address: bytes) -> None:
        if cls._socket is None:
            with cls._lock:
                if cls._socket is None:
                    cls._socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        try:
            cls._socket.sendto(b"!", socket.MSG_DONTWAIT, address)
        except OSError:  # no relay listening, or wake-ups already queued: nothing to do
            pass


def install(sessions, engine: sa.Engine) -> None:
    """On a SQLite store: after each commit that added events, wake its relay."""
    database = _sqlite_database(engine)
    if database is None:
        return
    address = sqlite_address(database)

    @event.listens_for(sessions, "after_commit")
    def _after_commit(session) -> None:
        if session.info.pop(WRITTEN, False):
            _Sender.send(address)

    @event.listens_for(sessions, "after_rollback")
    def _after_rollback(session) -> None:
        session.info.pop(WRITTEN, None)


class Waiter:
    """The relay's side: `wait(timeout)` returns True when woken, False after `timeout`."""

    def wait(self, timeout: float) -> bool:
        raise NotImplementedError

    def close(self) -> None:
        pass

    @staticmethod
    def for_engine(engine: sa.Engine) -> Waiter | None:
        """The store's wake-up, or None (the relay then polls)."""
        if engine.dialect.name == "postgresql":
            return _Listen(engine.url.set(drivername="postgresql").render_as_string(hide_password=False))
        database = _sqlite_database(engine)
        if database is not None:
            try:
                return _Datagrams(sqlite_address(database))
            except OSError as exc:  # another relay of this store listens: this one polls
                log.info("relay wake-up not available, polling", extra={"error": repr(exc)})
        return None


class _Datagrams(Waiter):
    def __init__(self, address: bytes):
        self.socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        try:
            self.socket.bind(address)
        except OSError:
            self.socket.close()
            raise

    def wait(self, timeout: float) -> bool:
        self.socket.settimeout(timeout)
        try:
            self.socket.recv(16)
        except (TimeoutError, socket.timeout):
            return False
        self._drain()
        return True

    def _drain(self) -> None:
        try:
            while True:
                self.socket.recv(16, socket.MSG_DONTWAIT)
        except (BlockingIOError, InterruptedError):
            pass

    def close(self) -> None:
        self.socket.close()


class _Listen(Waiter):
    """LISTEN on a connection of its own (autocommit), opened again after a failure."""

    def __init__(self, conninfo: str):
        self.conninfo = conninfo
        self.connection = None

    def _connect(self):
        import psycopg

        connection = psycopg.connect(self.conninfo, autocommit=True, connect_timeout=3)
        connection.execute(f"LISTEN {CHANNEL}")
        return connection

    def wait(self, timeout: float) -> bool:
        import psycopg

        try:
            if self.connection is None:
                self.connection = self._connect()
                return True  # events may have committed while nobody listened: look now
            woken = any(True for _ in self.connection.notifies(timeout=timeout, stop_after=1))
            if woken:
                for _ in self.connection.notifies(timeout=0.001):  # taken as one
                    pass
            return woken
        except psycopg.Error as exc:
            log.warning("relay wake-up connection lost, polling until it is back", extra={"error": repr(exc)[:300]})
            self.close()
            threading.Event().wait(timeout)
            return False

    def close(self) -> None:
        if self.connection is not None:
            try:
                self.connection.close()
            except Exception:  # closing a broken connection may fail in many ways
                pass
        self.connection = None
