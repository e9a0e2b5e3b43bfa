"""Idempotency-Key on POST: the same key and body within the window replays the first
response and changes nothing; another body under the same key is a conflict."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import timedelta

import sqlalchemy as sa

from gateway.models import idempotency
from kit.db import Store
from kit.types import utcnow


@dataclass(frozen=True)
class Replay:
    status: int
    body: bytes
    content_type: str | None


class Mismatch(Exception):
    pass


class InProgress(Exception):
    pass


class OutcomeUnknown(Exception):
    """The first request reached the service but no answer came back: it may have been
    carried out, so it is not sent again under this key."""


# A stored status meaning: sent, no answer, outcome unknown.
UNKNOWN = 0
MAX_KEY_LENGTH = 200
# Fields of the gateway's own answers shown once and never kept (an API key).
SECRETS = ("key", "access_token")


def owner(user_id: str | None, path: str, address: str) -> str:
    """Whose keys these are: a user or API key, else (survey links) the link and the client's
    address, so that one anonymous client cannot block another's key."""
    if user_id is not None:
        return user_id
    return "anon:" + hashlib.sha256(f"{path}\n{address}".encode()).hexdigest()[:40]


def without_secrets(body: bytes) -> bytes:
    """The answer as kept for replay: secrets shown once are left out (null)."""
    try:
        document = json.loads(body)
    except ValueError:
        return body
    if not isinstance(document, dict) or not any(name in document for name in SECRETS):
        return body
    return json.dumps({name: (None if name in SECRETS else value) for name, value in document.items()},
                      ensure_ascii=False).encode()


def request_hash(method: str, path: str, body: bytes) -> str:
    return hashlib.sha256(method.encode() + b" " + path.encode() + b"\n" + body).hexdigest()


def begin(store: Store, principal: str, key: str, digest: str, window_hours: float) -> Replay | None:
    """Claims the key (None: go ahead and forward) or returns the stored first response."""
    now = utcnow()
    with store.begin() as session:
        row = session.execute(sa.select(idempotency).where(
            idempotency.c.principal == principal, idempotency.c.key == key).with_for_update()).first()
        if row is not None and row.created_at < now - timedelta(hours=window_hours):
            session.execute(idempotency.delete().where(idempotency.c.principal == principal, idempotency.c.key == key))
            row = None
        if row is None:
            try:
                with session.begin_nested():
                    session.execute(idempotency.insert().values(principal=principal, key=key, request_hash=digest,
                                                                created_at=now))
                return None
            except sa.exc.IntegrityError:
                raise InProgress() from None
    if row.request_hash != digest:
        raise Mismatch()
    if row.status is None:
        raise InProgress()
    if row.status == UNKNOWN:
        raise OutcomeUnknown()
    return Replay(row.status, row.body or b"", row.content_type)


def finish(store: Store, principal: str, key: str, status: int, body: bytes, content_type: str | None) -> None:
    """Keep a final answer; forget a 503 (nothing was done: the client may try again);
    keep any other 5xx as an unknown outcome (it may have failed after its change)."""
    with store.begin() as session:
        where = (idempotency.c.principal == principal, idempotency.c.key == key)
        if status == 503:
            session.execute(idempotency.delete().where(*where))
        elif status >= 500:
            session.execute(idempotency.update().where(*where).values(status=UNKNOWN, body=b"", content_type=None))
        else:
            session.execute(idempotency.update().where(*where).values(status=status, body=body,
                                                                      content_type=content_type))


def forget(store: Store, principal: str, key: str) -> None:
    """The request never left the gateway: the client may try again under this key."""
    with store.begin() as session:
        session.execute(idempotency.delete().where(idempotency.c.principal == principal, idempotency.c.key == key))


def unknown(store: Store, principal: str, key: str) -> None:
    with store.begin() as session:
        session.execute(idempotency.update().where(idempotency.c.principal == principal, idempotency.c.key == key)
                        .values(status=UNKNOWN, body=b"", content_type=None))


def purge(store: Store, window_hours: float) -> None:
    with store.begin() as session:
        session.execute(idempotency.delete().where(idempotency.c.created_at < utcnow() - timedelta(hours=window_hours)))
