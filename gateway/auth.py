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


def authenticate(store: Store, username: str, password: str, max_failures: int, lock_seconds: int) -> Principal | None:
    """The user, or None; after `max_failures` wrong passwords in a row the name is locked."""
    now = utcnow()
    with store.begin() as session:
        lock = session.execute(sa.select(login_failures).where(login_failures.c.username == username)).first()
        if lock is not None and lock.locked_until is not None and lock.locked_until > now:
            raise Locked(int((lock.locked_until - now).total_seconds()) + 1)
        row = session.execute(sa.select(users).where(users.c.username == username)).first()
    try:
        _hasher.verify(row.password_hash if row else _DUMMY_HASH, password)
        ok = row is not None and not row.disabled
    except (VerifyMismatchError, InvalidHashError):
        ok = False
    with store.begin() as session:
        session.execute(login_failures.delete().where(login_failures.c.username == username))
        if not ok:
            failures = (lock.failures if lock is not None and lock.locked_until is None else 0) + 1
            locked_until = now + timedelta(seconds=lock_seconds) if failures >= max_failures else None
            session.execute(login_failures.insert().values(username=username, failures=failures,
                                                           locked_until=locked_until))
    if not ok:
        return None
    return Principal(row.id, row.username, row.role, row.service_point_id, row.staff_id)


def set_password(store: Store, user_id: str, password: str) -> None:
    with store.begin() as session:
        session.execute(users.update().where(users.c.id == user_id).values(password_hash=_hasher.hash(password)))


def check_password(store: Store, user_id: str, password: str) -> bool:
    with store.begin() as session:
        row = session.execute(sa.select(users.c.password_hash).where(users.c.id == user_id)).first()
    try:
        return row is not None and _hasher.verify(row.password_hash, password)
    except (VerifyMismatchError, InvalidHashError):
        return False


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
    """Disabled users and API keys, refreshed from the store every few seconds, so that
    the request path does not touch the database and a disabling takes effect quickly."""

    def __init__(self, store: Store, refresh_seconds: float):
        self.store = store
        self.refresh_seconds = refresh_seconds
        self._lock = threading.Lock()
        self._loaded = 0.0
        self._disabled_users: frozenset[str] = frozenset()
        self._keys: dict[str, Principal] = {}

    def _refresh(self) -> None:
        if time.monotonic() - self._loaded < self.refresh_seconds:
            return
        with self._lock:
            if time.monotonic() - self._loaded < self.refresh_seconds:
                return
            with self.store.begin() as session:
                disabled = frozenset(session.execute(sa.select(users.c.id).where(users.c.disabled)).scalars())
                keys = {row.key_hash: Principal(row.id, row.name, "api_client", row.service_point_id, None,
                                                frozenset(row.scopes), row.rate_limit_per_minute)
                        for row in session.execute(sa.select(api_keys).where(api_keys.c.revoked_at.is_(None))).all()}
            self._disabled_users, self._keys = disabled, keys
            self._loaded = time.monotonic()

    def user_disabled(self, user_id: str) -> bool:
        self._refresh()
        return user_id in self._disabled_users

    def key(self, key: str) -> Principal | None:
        self._refresh()
        return self._keys.get(hash_key(key))  # a lookup by hash tells nothing about other keys

    def invalidate(self) -> None:
        self._loaded = 0.0


def issue_token(principal: Principal, secret: str, ttl: int) -> str:
    now = int(time.time())
    claims = {"sub": principal.user_id, "name": principal.username, "role": principal.role,
              "pt": principal.service_point_id, "staff": principal.staff_id, "iat": now, "exp": now + ttl}
    return jwt.encode(claims, secret, algorithm="HS256")


def verify_token(token: str, secret: str) -> Principal | None:
    try:
        claims = jwt.decode(token, secret, algorithms=["HS256"], options={"require": ["exp", "sub"]})
    except jwt.PyJWTError:
        return None
    return Principal(claims["sub"], claims.get("name", ""), claims.get("role", ""), claims.get("pt"), claims.get("staff"))


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
