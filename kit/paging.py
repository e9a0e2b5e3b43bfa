"""Cursor pagination (`?limit=&cursor=` → `{"items", "next_cursor"}`) on (created_at, id), or
on another timestamp column of the table (`key`) where a list has another order; oldest
first, or newest first (`newest_first`)."""
from __future__ import annotations

import base64
import json
import re
from datetime import datetime, timezone

import marshmallow as ma
import sqlalchemy as sa
from sqlalchemy.orm import Session

from kit.errors import Invalid

DEFAULT_LIMIT = 50
MAX_LIMIT = 200
EARLIEST, LATEST = 1900, 2999  # the years a cursor's time may fall in


class PageArgs(ma.Schema):
    limit = ma.fields.Integer(load_default=DEFAULT_LIMIT, validate=ma.validate.Range(1, MAX_LIMIT))
    cursor = ma.fields.String(load_default=None, validate=ma.validate.Length(max=500))


def _encode(created_at: datetime, id_: str) -> str:
    raw = json.dumps([created_at.isoformat(), id_]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(cursor: str) -> tuple[datetime, str]:
    """The (time, id) a cursor of `_encode` holds; anything else, however it was made (a
    time without an offset or beyond what a store can compare, a lone surrogate), is 422."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        created, id_ = json.loads(base64.urlsafe_b64decode(padded))
        id_ = str(id_)
        if not isinstance(created, str) or len(id_) > 64:
            raise TypeError("not a cursor")
        id_.encode("utf-8")
        after = datetime.fromisoformat(created)
        if after.tzinfo is None:
            raise ValueError("no offset")
        after = after.astimezone(timezone.utc)
        if not EARLIEST <= after.year <= LATEST:
            raise ValueError("out of range")
        return after, id_
    except (ValueError, TypeError, OverflowError):  # UnicodeError is a ValueError
        raise Invalid({"cursor": ["Invalid cursor."]}, "Invalid cursor.") from None


def page(session: Session, query: sa.Select, table: sa.Table, limit: int, cursor: str | None,
         key: sa.Column | None = None, newest_first: bool = False) -> tuple[list, str | None]:
    created, ident = (table.c.created_at if key is None else key), table.c.id
    if cursor:
        after_created, after_id = _decode(cursor)
        position, after = sa.tuple_(created, ident), sa.tuple_(sa.literal(after_created), sa.literal(after_id))
        query = query.where(position < after if newest_first else position > after)
    order = (created.desc(), ident.desc()) if newest_first else (created, ident)
    rows = session.execute(query.order_by(*order).limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = _encode(rows[-1]._mapping[created.name], rows[-1].id) if more and rows else None
    return rows, next_cursor


def id_page(session: Session, query: sa.Select, ident: sa.Column, limit: int,
            cursor: str | None) -> tuple[list, str | None]:
    """A page of an append-only trail in the order it was written, by its integer `ident`
    (the read audits): the cursor is the last id of the page before; any other is 422."""
    if cursor:
        if not re.fullmatch(r"[0-9]{1,18}", cursor):
            raise Invalid({"cursor": ["Invalid cursor."]}, "Invalid cursor.")
        query = query.where(ident > int(cursor))
    rows = session.execute(query.order_by(ident).limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, str(rows[-1]._mapping[ident.name]) if more and rows else None
