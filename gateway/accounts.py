"""The rules for users and API keys, in one place: the gateway's admin endpoints
(`/api/v1/users`, `/api/v1/api-keys`) and the operators' `zhuyu users` / `zhuyu api-keys`
both call these, so what one refuses the other refuses too.

A refusal is `Invalid` (the fields and why; 422 over HTTP), `Taken` (a username already in
use, 409) or `Unknown` (no such user or active key, 404).
"""
from __future__ import annotations

import unicodedata
from typing import Iterator

import marshmallow as ma
import sqlalchemy as sa

from gateway import auth, events, permissions
from gateway.models import api_keys, users
from kit import paging
from kit.db import Store
from kit.types import utcnow
from kit import errors
from kit.web import flatten_errors

MAX_RATE_LIMIT_PER_MINUTE = 100_000


class Refused(Exception):
    """A write or read the rules refuse, with the reason to show."""


class Invalid(Refused):
    def __init__(self, errors: dict[str, list[str]]):
        self.errors = errors
        super().__init__("; ".join(f"{field}: {message[:1].lower()}{message[1:]}"
                                   for field, messages in errors.items() for message in messages))


class Taken(Refused):
    pass


class Unknown(Refused):
    pass


# --- what a valid value is ---------------------------------------------------------------------

def _no_lone_surrogates(value: str) -> None:
    if any(0xD800 <= ord(c) <= 0xDFFF for c in value):
        raise ma.ValidationError("Not valid Unicode text.")


def _plain_text(value: str) -> None:
    """Printable text: no control or format characters (NUL, newlines, zero-width ones), no
    line separators, no lone surrogates."""
    _no_lone_surrogates(value)
    if any(unicodedata.category(c) in ("Cc", "Cf", "Co", "Cn", "Zl", "Zp") for c in value):
        raise ma.ValidationError("No control or invisible characters.")


def _username(value: str) -> None:
    _plain_text(value)
    if not 3 <= len(value) <= 64:
        raise ma.ValidationError("3 to 64 characters.")
    if value != value.strip():
        raise ma.ValidationError("No spaces at the start or the end.")


def username_key(username: str) -> str:
    """What two usernames share when a reader would take them for the same name: `Admin`,
    `ADMIN` and the full-width `ａｄｍｉｎ` are all `admin`."""
    return unicodedata.normalize("NFKC", username).casefold().strip()


def _known_scopes(scopes: list[str]) -> None:
    unknown = [s for s in scopes if s not in permissions.SCOPES]
    if not scopes or unknown:
        raise ma.ValidationError(f"One or more of: {' '.join(permissions.SCOPES)}"
                                 + (f" (unknown: {' '.join(unknown)})" if unknown else "") + ".")


class _Strict(ma.Schema):
    class Meta:
        unknown = ma.RAISE  # a field we do not know is refused, not dropped


def _password(min_length: int) -> ma.fields.String:
    return ma.fields.String(required=True, validate=[
        _no_lone_surrogates,
        ma.validate.Length(min=min_length, error=f"At least {min_length} characters.")])


def _user_schema(min_password_length: int) -> ma.Schema:
    class UserIn(_Strict):
        username = ma.fields.String(required=True, validate=_username)
        password = _password(min_password_length)
        role = ma.fields.String(required=True, validate=ma.validate.OneOf(
            permissions.ROLES, error=f"One of {', '.join(permissions.ROLES)}."))
        service_point_id = ma.fields.UUID(load_default=None, allow_none=True)
        staff_id = ma.fields.UUID(load_default=None, allow_none=True)

    return UserIn()


def _password_schema(min_password_length: int) -> ma.Schema:
    class PasswordIn(_Strict):
        current_password = ma.fields.String(load_default=None)
        new_password = _password(min_password_length)

    return PasswordIn()


class ApiKeyIn(_Strict):
    name = ma.fields.String(required=True, validate=[_plain_text, ma.validate.Length(1, 100)])
    scopes = ma.fields.List(ma.fields.String(), required=True, validate=_known_scopes)
    service_point_id = ma.fields.UUID(load_default=None, allow_none=True)
    rate_limit_per_minute = ma.fields.Integer(
        load_default=None, allow_none=True, strict=True,
        validate=ma.validate.Range(1, MAX_RATE_LIMIT_PER_MINUTE,
                                   error=f"A whole number of requests per minute, 1 to {MAX_RATE_LIMIT_PER_MINUTE}."))


def _load(schema: ma.Schema, body) -> dict:
    if not isinstance(body, dict):
        raise Invalid({"_body": ["A JSON object."]})
    try:
        return schema.load(body)
    except ma.ValidationError as error:
        raise Invalid(flatten_errors(error.messages)) from None


def _id(value) -> str | None:
    return None if value is None else str(value)


# --- users ------------------------------------------------------------------------------------

def user_view(row) -> dict:
    return {"id": row.id, "username": row.username, "role": row.role, "service_point_id": row.service_point_id,
            "staff_id": row.staff_id, "disabled": row.disabled, "created_at": row.created_at.isoformat()}


def _user(store: Store, user_id: str):
    with store.begin() as session:
        return session.execute(sa.select(users).where(users.c.id == user_id)).first()


def create_user(store: Store, body: dict, min_password_length: int) -> dict:
    """`{"username","password","role","service_point_id"?,"staff_id"?}` → the user's view."""
    data = _load(_user_schema(min_password_length), body)
    key = username_key(data["username"])
    with store.begin() as session:
        names = session.execute(sa.select(users.c.username)).scalars()
        taken = next((name for name in names if username_key(name) == key), None)
    if taken is not None:
        raise Taken(f"username {data['username']!r} is taken" +
                    (f" (as {taken!r})" if taken != data["username"] else ""))
    try:
        user_id = auth.create_user(store, data["username"], data["password"], data["role"],
                                   _id(data["service_point_id"]), _id(data["staff_id"]))
    except sa.exc.IntegrityError:
        raise Taken(f"username {data['username']!r} is taken") from None
    return user_view(_user(store, user_id))


def find_user(store: Store, user: str) -> dict:
    """A user by id or, for operators who know names, by username."""
    with store.begin() as session:
        row = session.execute(sa.select(users).where(sa.or_(users.c.id == user, users.c.username == user))).first()
    if row is None:
        raise Unknown(f"no user {user!r}")
    return user_view(row)


def disable_user(store: Store, user_id: str) -> dict:
    """Disables the user; notify learns it from the event written with the change (the
    webhooks the user made stop)."""
    with store.begin() as session:
        if not session.execute(users.update().where(users.c.id == user_id).values(disabled=True)).rowcount:
            raise Unknown(f"no user {user_id}")
        events.outbox().add(session, "gateway.user.disabled", user_id,
                            {"id": user_id, "disabled_at": utcnow().isoformat()})
    return user_view(_user(store, user_id))


def change_password(store: Store, user_id: str, body: dict, min_password_length: int) -> None:
    """`{"new_password", "current_password"?}`; whether the caller may, and whether the
    current password is right, is the caller's to check first."""
    data = _load(_password_schema(min_password_length), body)
    if _user(store, user_id) is None:
        raise Unknown(f"no user {user_id}")
    auth.set_password(store, user_id, data["new_password"])


# --- API keys ---------------------------------------------------------------------------------

def api_key_view(row) -> dict:
    """Never the key: only its hash is kept, and not shown either."""
    return {"id": row.id, "name": row.name, "scopes": row.scopes, "service_point_id": row.service_point_id,
            "rate_limit_per_minute": row.rate_limit_per_minute, "created_by": row.created_by,
            "created_at": row.created_at.isoformat(),
            "revoked_at": row.revoked_at.isoformat() if row.revoked_at else None}


def create_api_key(store: Store, body: dict, created_by: str) -> tuple[dict, str]:
    """`{"name","scopes","service_point_id"?,"rate_limit_per_minute"?}` → (the key's view,
    the key); the key is not kept and cannot be shown again."""
    data = _load(ApiKeyIn(), body)
    key_id, key = auth.create_api_key(store, data["name"], list(dict.fromkeys(data["scopes"])),
                                      _id(data["service_point_id"]), data["rate_limit_per_minute"], created_by)
    with store.begin() as session:
        row = session.execute(sa.select(api_keys).where(api_keys.c.id == key_id)).one()
    return api_key_view(row), key


def revoke_api_key(store: Store, key_id: str) -> None:
    """Revokes the key; notify learns it from the event written with the change (the
    webhooks the key made stop)."""
    now = utcnow()
    with store.begin() as session:
        revoked = session.execute(api_keys.update().where(api_keys.c.id == key_id, api_keys.c.revoked_at.is_(None))
                                  .values(revoked_at=now)).rowcount
        if revoked:
            events.outbox().add(session, "gateway.api_key.revoked", key_id, {"id": key_id, "revoked_at": now.isoformat()})
    if not revoked:
        raise Unknown(f"no active API key {key_id}")


# --- lists ------------------------------------------------------------------------------------

def _page(store: Store, table: sa.Table, view, args) -> tuple[list[dict], str | None]:
    try:
        page = paging.PageArgs(unknown=ma.EXCLUDE).load(args)
    except ma.ValidationError as error:
        raise Invalid(flatten_errors(error.messages)) from None
    with store.begin() as session:
        try:
            rows, next_cursor = paging.page(session, sa.select(table), table, page["limit"], page["cursor"])
        except errors.Invalid as error:  # a cursor that is not one of ours
            raise Invalid(error.errors or {"cursor": [error.detail]}) from None
    return [view(row) for row in rows], next_cursor


def list_users(store: Store, args) -> tuple[list[dict], str | None]:
    """One page (`limit`, `cursor`) of users, oldest first."""
    return _page(store, users, user_view, args)


def list_api_keys(store: Store, args) -> tuple[list[dict], str | None]:
    """One page (`limit`, `cursor`) of API keys, oldest first, revoked ones included."""
    return _page(store, api_keys, api_key_view, args)


def every(lister, store: Store) -> Iterator[dict]:
    """Every item of a list, page after page (for the command line)."""
    cursor = None
    while True:
        items, cursor = lister(store, {"limit": paging.MAX_LIMIT, **({"cursor": cursor} if cursor else {})})
        yield from items
        if cursor is None:
            return
