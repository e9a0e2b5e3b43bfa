"""Users, password hashing (argon2), bearer tokens (JWT) and the first admin."""
from __future__ import annotations

import logging
import os
import secrets
import hashlib
import threading
import time
import uuid
from datetime import timedelta
from dataclasses import dataclass

import jwt
import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerifyMismatchError

from gateway.models import api_keys, login_failures, users
from kit.db import Store
from kit.settings import var_dir
from kit.types import utcnow

log = logging.getLogger("gateway.auth")
_hasher = PasswordHasher()
# Verified against when the user does not exist, so timing does not tell names apart.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


@dataclass(frozen=True)
class Principal:
    user_id: str
    username: str
    role: str
    service_point_id: str | None
    staff_id: str | None
    scopes: frozenset[str] = frozenset()
    rate_limit_per_minute: int | None = None
    token_version: int = 0
    logged_in_at: int | None = None  # Unix seconds of the login a token's session began with


def create_user(store: Store, username: str, password: str, role: str,
                service_point_id: str | None = None, staff_id: str | None = None) -> str:
    user_id = str(uuid.uuid4())
    with store.begin() as session:
        session.execute(users.insert().values(
            id=user_id, username=username, password_hash=_hasher.hash(password), role=role,
            service_point_id=service_point_id, staff_id=staff_id, disabled=False, created_at=utcnow(),
        ))
    return user_id


def ensure_admin(store: Store, password: str | None) -> None:
    """On an empty user store, create `admin`; a generated password is printed once."""
    with store.begin() as session:
        if session.execute(sa.select(users.c.id).limit(1)).first():
            return
    generated = password is None
    if generated:
        password = secrets.token_urlsafe(12)
    create_user(store, "admin", password, "admin")
    if generated:
        path = var_dir() / "admin-password"
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(password + "\n")
        print(f"Created user 'admin' with password {password} (also in {path})", flush=True)


class Locked(Exception):
    def __init__(self, seconds: int):
        super().__init__(f"locked for {seconds}s")
        self.seconds = seconds


class Throttle:
    """Wrong passwords counted per account name and client address (登录限制).

    After `max_failures` wrong passwords from one address, that address may not log in as
    that user for `lock_seconds`; the same user from any other address is not affected, so
    a stranger cannot lock someone out, and an admin can unlock at once. Each failure is
    counted in its own transaction under the row's lock, so parallel guesses all count; a
    success takes back only the failures it saw when it began, never those of requests
    that finished while its password was being checked. A count left alone for
    `lock_seconds` starts again."""

    def __init__(self, store: Store, max_failures: int, lock_seconds: int):
        self.store = store
        self.max_failures = max_failures
        self.lock_seconds = lock_seconds

    def _key(self, username: str, source: str):
        return login_failures.c.username == username[:64], login_failures.c.source == source[:64]

    def check(self, username: str, source: str) -> int:
        """The failures counted so far (to pass to `succeeded`); raises Locked."""
        now = utcnow()
        with self.store.begin() as session:
            row = session.execute(sa.select(login_failures).where(*self._key(username, source))).first()
        if row is None or self._stale(row, now):
            return 0
        if row.locked_until is not None and row.locked_until > now:
            raise Locked(int((row.locked_until - now).total_seconds()) + 1)
        return row.failures

    def _stale(self, row, now) -> bool:
        if row.locked_until is not None:
            return row.locked_until <= now
        return row.updated_at < now - timedelta(seconds=self.lock_seconds)

    def failed(self, username: str, source: str) -> None:
        now = utcnow()
        key = self._key(username, source)
        with self.store.begin() as session:
            bumped = session.execute(login_failures.update().where(*key)
                                     .values(failures=login_failures.c.failures + 1)).rowcount
            if not bumped:
                try:
                    with session.begin_nested():
                        session.execute(login_failures.insert().values(
                            username=username[:64], source=source[:64], failures=1, updated_at=now))
                except sa.exc.IntegrityError:  # a parallel failure made the row first
                    session.execute(login_failures.update().where(*key)
                                    .values(failures=login_failures.c.failures + 1))
            # The row is ours until commit: deciding on what it holds now is safe.
            row = session.execute(sa.select(login_failures).where(*key)).first()
            failures, locked_until = row.failures, row.locked_until
            if self._stale(row, now) and bumped:
                failures, locked_until = 1, None  # an old count or lock ran out: start again
            if failures >= self.max_failures and locked_until is None:
                locked_until = now + timedelta(seconds=self.lock_seconds)
                log.warning("login locked for a client address", extra={"username": username[:64], "source": source})
            session.execute(login_failures.update().where(*key).values(failures=failures, locked_until=locked_until,
                                                                       updated_at=now))

    def succeeded(self, username: str, source: str, seen: int) -> None:
        key = self._key(username, source)
        unlocked = login_failures.c.locked_until.is_(None)
        with self.store.begin() as session:
            session.execute(login_failures.delete().where(*key, unlocked, login_failures.c.failures <= seen))
            if seen:
                session.execute(login_failures.update().where(*key, unlocked)
                                .values(failures=login_failures.c.failures - seen))

    def unlock(self, username: str) -> None:
        with self.store.begin() as session:
            session.execute(login_failures.delete().where(login_failures.c.username == username[:64]))

    def purge(self) -> None:
        """Forget counts and locks that ran out."""
        cutoff = utcnow() - timedelta(seconds=self.lock_seconds)
        with self.store.begin() as session:
            session.execute(login_failures.delete().where(
                login_failures.c.updated_at < cutoff,
                sa.or_(login_failures.c.locked_until.is_(None), login_failures.c.locked_until < utcnow())))


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, InvalidHashError):
        return False


def authenticate(store: Store, throttle: Throttle, username: str, password: str, source: str) -> Principal | None:
    """The user, or None (a wrong password, counted); raises Locked."""
    seen = throttle.check(username, source)
    with store.begin() as session:
        row = session.execute(sa.select(users).where(users.c.username == username)).first()
    ok = _verify(row.password_hash if row else _DUMMY_HASH, password) and row is not None and not row.disabled
    if not ok:
        throttle.failed(username, source)
        return None
    throttle.succeeded(username, source, seen)
    return Principal(row.id, row.username, row.role, row.service_point_id, row.staff_id,
                     token_version=row.token_version)


def set_password(store: Store, user_id: str, password: str) -> bool:
    """A new password; every token issued before it stops working. False: no such user."""
    with store.begin() as session:
        return bool(session.execute(users.update().where(users.c.id == user_id).values(
            password_hash=_hasher.hash(password), token_version=users.c.token_version + 1)).rowcount)


def check_password(store: Store, throttle: Throttle, user_id: str, password: str, source: str) -> bool:
    """Whether `password` is the user's; a wrong one counts like a failed login. Raises Locked."""
    with store.begin() as session:
        row = session.execute(sa.select(users.c.username, users.c.password_hash).where(users.c.id == user_id)).first()
    if row is None:
        return False
    seen = throttle.check(row.username, source)
    if not _verify(row.password_hash, password):
        throttle.failed(row.username, source)
        return False
    throttle.succeeded(row.username, source, seen)
    return True


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_api_key(store: Store, name: str, scopes: list[str], service_point_id: str | None,
                   rate_limit_per_minute: int | None, created_by: str) -> tuple[str, str]:
    key = "zk_" + secrets.token_urlsafe(32)
    key_id = str(uuid.uuid4())
    with store.begin() as session:
        session.execute(api_keys.insert().values(
            id=key_id, name=name, key_hash=hash_key(key), scopes=scopes, service_point_id=service_point_id,
            rate_limit_per_minute=rate_limit_per_minute, created_by=created_by, created_at=utcnow()))
    return key_id, key


class Revocations:
    """Disabled users, users' token versions and API keys, refreshed from the store every
    few seconds by each worker, so that the request path does not touch the database and a
    disable, a password change or a revoked key takes effect within seconds in every worker
    and replica."""

    def __init__(self, store: Store, refresh_seconds: float):
        self.store = store
        self.refresh_seconds = refresh_seconds
        self._lock = threading.Lock()
        self._loaded = 0.0
        self._disabled_users: frozenset[str] = frozenset()
        self._versions: dict[str, int] = {}
        self._keys: dict[str, Principal] = {}

    def _refresh(self) -> None:
        if time.monotonic() - self._loaded < self.refresh_seconds:
            return
        with self._lock:
            if time.monotonic() - self._loaded < self.refresh_seconds:
                return
            with self.store.begin() as session:
                changed = session.execute(sa.select(users.c.id, users.c.disabled, users.c.token_version).where(
                    sa.or_(users.c.disabled, users.c.token_version > 0))).all()
                keys = {row.key_hash: Principal(row.id, row.name, "api_client", row.service_point_id, None,
                                                frozenset(row.scopes), row.rate_limit_per_minute)
                        for row in session.execute(sa.select(api_keys).where(api_keys.c.revoked_at.is_(None))).all()}
            self._disabled_users = frozenset(row.id for row in changed if row.disabled)
            self._versions = {row.id: row.token_version for row in changed}
            self._keys = keys
            self._loaded = time.monotonic()

    def token_revoked(self, principal: Principal) -> bool:
        """The user is disabled, or the token predates the user's last password change."""
        self._refresh()
        return (principal.user_id in self._disabled_users
                or principal.token_version < self._versions.get(principal.user_id, 0))

    def key(self, key: str) -> Principal | None:
        self._refresh()
        return self._keys.get(hash_key(key))  # a lookup by hash tells nothing about other keys

    def invalidate(self) -> None:
        self._loaded = 0.0


def issue_token(principal: Principal, secret: str, ttl: int, session_max_seconds: int | None = None) -> str:
    """A bearer token; it never outlives the login session (`session_max_seconds` from the
    login, which a refreshed token carries on)."""
    now = int(time.time())
    logged_in_at = principal.logged_in_at or now
    expires = now + ttl if session_max_seconds is None else min(now + ttl, logged_in_at + session_max_seconds)
    claims = {"sub": principal.user_id, "name": principal.username, "role": principal.role,
              "pt": principal.service_point_id, "staff": principal.staff_id, "ver": principal.token_version,
              "login": logged_in_at, "iat": now, "exp": expires}
    return jwt.encode(claims, secret, algorithm="HS256")


def verify_token(token: str, secret: str) -> Principal | None:
    try:
        claims = jwt.decode(token, secret, algorithms=["HS256"], options={"require": ["exp", "sub"]})
    except jwt.PyJWTError:
        return None
    logged_in_at = claims.get("login") or claims.get("iat")  # tokens from before sessions had an end
    return Principal(claims["sub"], claims.get("name", ""), claims.get("role", ""), claims.get("pt"), claims.get("staff"),
                     token_version=int(claims.get("ver", 0)), logged_in_at=int(logged_in_at) if logged_in_at else None)


class TokenCache:
    """Verified tokens, kept until they expire: a client sends the same token many times,
    and checking its signature again each time is the costliest step of the hop."""

    def __init__(self, secret: str, size: int = 10_000):
        self.secret = secret
        self.size = size
        self._known: dict[str, tuple[Principal, float]] = {}

    def verify(self, token: str) -> Principal | None:
        known = self._known.get(token)
        if known is not None and known[1] > time.time():
            return known[0]
        principal = verify_token(token, self.secret)
        if principal is not None:
            if len(self._known) >= self.size:
                self._known.clear()
            self._known[token] = (principal, jwt.decode(token, options={"verify_signature": False})["exp"])
        return principal
