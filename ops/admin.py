"""`zhuyu users ...` and `zhuyu api-keys ...`: accounts written straight into the gateway's
store, for the first operators and for when no admin can log in.

The rules are the gateway's own (`gateway.accounts`, which its admin endpoints call too);
the gateway picks disablings and revocations up within `ZHUYU_REVOCATION_REFRESH_SECONDS`.
"""
from __future__ import annotations

import secrets
from dataclasses import dataclass

from gateway import accounts, auth, config
from gateway.accounts import Refused  # noqa: F401  (what the commands catch)
from gateway.app import build_store
from kit.db import Store
from kit.settings import env

CREATED_BY = "zhuyu-cli"


@dataclass(frozen=True)
class CreatedUser:
    id: str
    username: str
    role: str
    password: str | None  # set when it was generated here, to be shown once


def gateway_store() -> Store:
    """The gateway's store at its schema head, with the first admin in place: creating a
    user in an empty store must not take the place of the `admin` the contract promises."""
    store = build_store()
    store.migrate()
    auth.ensure_admin(store, env.str("ZHUYU_ADMIN_PASSWORD", "") or None)
    return store


def _given(**fields) -> dict:
    """The fields an operator gave; what is left out takes the rules' default."""
    return {name: value for name, value in fields.items() if value is not None}


def create_user(store: Store, username: str, role: str, password: str | None,
                service_point_id: str | None = None, staff_id: str | None = None) -> CreatedUser:
    generated = password is None
    if generated:
        password = secrets.token_urlsafe(15)
    user = accounts.create_user(store, _given(username=username, password=password, role=role,
                                              service_point_id=service_point_id, staff_id=staff_id),
                                config.load().min_password_length)
    return CreatedUser(user["id"], user["username"], user["role"], password if generated else None)


def disable_user(store: Store, user: str) -> str:
    """Disable a user given by name or id; returns the id."""
    return accounts.disable_user(store, accounts.find_user(store, user)["id"])["id"]


def list_users(store: Store) -> list[dict]:
    return list(accounts.every(accounts.list_users, store))


def create_api_key(store: Store, name: str, scopes: list[str], rate_limit_per_minute: int | None = None,
                   service_point_id: str | None = None) -> tuple[str, str]:
    """(id, key); the key is not kept and cannot be shown again."""
    key, secret = accounts.create_api_key(store, _given(name=name, scopes=scopes, service_point_id=service_point_id,
                                                        rate_limit_per_minute=rate_limit_per_minute), CREATED_BY)
    return key["id"], secret


def revoke_api_key(store: Store, key_id: str) -> None:
    accounts.revoke_api_key(store, key_id)


def list_api_keys(store: Store) -> list[dict]:
    return list(accounts.every(accounts.list_api_keys, store))
