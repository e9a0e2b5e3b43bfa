"""`zhuyu users ...` and `zhuyu api-keys ...`: accounts written straight into the gateway's
store, for the first operators and for when no admin can log in.

The same rules as the gateway's admin endpoints (roles, scopes, password length, argon2
hashes, keys kept only as a hash); the gateway picks disablings and revocations up within
`ZHUYU_REVOCATION_REFRESH_SECONDS`.
"""
from __future__ import annotations

import secrets
from dataclasses import dataclass

import sqlalchemy as sa

from kit.db import Store
from kit.settings import env
from kit.types import utcnow

CREATED_BY = "zhuyu-cli"


class AdminError(Exception):
    """A refused command, with the reason to show the operator."""


@dataclass(frozen=True)
class CreatedUser:
    id: str
    username: str
    role: str
    password: str | None  # set when it was generated here, to be shown once


def gateway_store() -> Store:
    """The gateway's store at its schema head, with the first admin in place: creating a
    user in an empty store must not take the place of the `admin` the contract promises."""
    from gateway import auth
    from gateway.app import build_store

    store = build_store()
    store.migrate()
    auth.ensure_admin(store, env.str("ZHUYU_ADMIN_PASSWORD", "") or None)
    return store


def min_password_length() -> int:
    from gateway import config

    return config.load().min_password_length


def create_user(store: Store, username: str, role: str, password: str | None,
                service_point_id: str | None = None, staff_id: str | None = None) -> CreatedUser:
    from gateway import auth, permissions

    if not 3 <= len(username) <= 64:
        raise AdminError("username: 3 to 64 characters")
    if role not in permissions.ROLES:
        raise AdminError(f"role: one of {', '.join(permissions.ROLES)}")
    generated = password is None
    if generated:
        password = secrets.token_urlsafe(15)
    shortest = min_password_length()
    if len(password) < shortest:
        raise AdminError(f"password: at least {shortest} characters")
    try:
        user_id = auth.create_user(store, username, password, role, service_point_id, staff_id)
    except sa.exc.IntegrityError:
        raise AdminError(f"username {username!r} is taken") from None
    return CreatedUser(user_id, username, role, password if generated else None)


def _user_row(session, user: str):
    from gateway.models import users

    return session.execute(sa.select(users).where(sa.or_(users.c.id == user, users.c.username == user))).first()


def disable_user(store: Store, user: str) -> str:
    """Disable a user given by name or id; returns the id."""
    from gateway.models import users

    with store.begin() as session:
        row = _user_row(session, user)
        if row is None:
            raise AdminError(f"no user {user!r}")
        session.execute(users.update().where(users.c.id == row.id).values(disabled=True))
    return row.id


def list_users(store: Store) -> list[dict]:
    from gateway.models import users

    with store.begin() as session:
        rows = session.execute(sa.select(users).order_by(users.c.created_at)).all()
    return [{"id": r.id, "username": r.username, "role": r.role, "service_point_id": r.service_point_id,
             "staff_id": r.staff_id, "disabled": r.disabled} for r in rows]


def create_api_key(store: Store, name: str, scopes: list[str], rate_limit_per_minute: int | None = None,
                   service_point_id: str | None = None) -> tuple[str, str]:
    """(id, key); the key is not kept and cannot be shown again."""
    from gateway import auth, permissions

    if not name:
        raise AdminError("name: required")
    unknown = [s for s in scopes if s not in permissions.SCOPES]
    if not scopes or unknown:
        raise AdminError(f"scopes: one or more of {' '.join(permissions.SCOPES)}"
                         + (f" (unknown: {' '.join(unknown)})" if unknown else ""))
    if rate_limit_per_minute is not None and rate_limit_per_minute < 1:
        raise AdminError("rate limit: a positive number of requests per minute")
    return auth.create_api_key(store, name, list(dict.fromkeys(scopes)), service_point_id, rate_limit_per_minute,
                               CREATED_BY)


def revoke_api_key(store: Store, key_id: str) -> None:
    from gateway.models import api_keys

    with store.begin() as session:
        revoked = session.execute(api_keys.update().where(api_keys.c.id == key_id, api_keys.c.revoked_at.is_(None))
                                  .values(revoked_at=utcnow())).rowcount
    if not revoked:
        raise AdminError(f"no active API key {key_id}")


def list_api_keys(store: Store) -> list[dict]:
    from gateway.models import api_keys

    with store.begin() as session:
        rows = session.execute(sa.select(api_keys).order_by(api_keys.c.created_at)).all()
    return [{"id": r.id, "name": r.name, "scopes": r.scopes, "service_point_id": r.service_point_id,
             "rate_limit_per_minute": r.rate_limit_per_minute,
             "revoked_at": r.revoked_at.isoformat() if r.revoked_at else None} for r in rows]
