"""Users, password hashing (argon2), bearer tokens (JWT) and the first admin."""
from __future__ import annotations

import logging
import os
import secrets
import time
import uuid
from dataclasses import dataclass

import jwt
import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerifyMismatchError

from gateway.models import users
from kit.db import Store
from kit.settings import var_dir
from kit.types import utcnow

log = logging.getLogger("gateway.auth")
ROLES = ("admin", "city_operator", "point_admin", "rest_hall_admin", "bathing_assistant",
         "cs_agent", "cs_supervisor", "case_manager", "doctor")
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


def authenticate(store: Store, username: str, password: str) -> Principal | None:
    with store.begin() as session:
        row = session.execute(sa.select(users).where(users.c.username == username)).first()
    try:
        _hasher.verify(row.password_hash if row else _DUMMY_HASH, password)
    except (VerifyMismatchError, InvalidHashError):
        return None
    if row is None or row.disabled:
        return None
    return Principal(row.id, row.username, row.role, row.service_point_id, row.staff_id)


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
