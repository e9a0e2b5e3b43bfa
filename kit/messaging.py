"""Tables every service keeps for its messaging: outbox, inbox, per-aggregate sequence
and the relay lease. Each service adds them to its own metadata and migrations."""
from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from kit.types import UtcDateTime


@dataclass(frozen=True)
class MessagingTables:
    outbox: sa.Table
    inbox: sa.Table
    sequence: sa.Table
    lease: sa.Table


def messaging_tables(metadata: sa.MetaData) -> MessagingTables:
    outbox = sa.Table(
        "outbox",
        metadata,
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(36), nullable=False, unique=True),
        sa.Column("type", sa.String(120), nullable=False),
        sa.Column("subject", sa.String(64), nullable=False),
        sa.Column("sequence", sa.BigInteger, nullable=False),
        sa.Column("body", sa.LargeBinary, nullable=False),
        sa.Column("traceparent", sa.String(64)),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("sent_at", UtcDateTime()),
        sa.Index(
            "ix_outbox_unsent",
            "id",
            postgresql_where=sa.text("sent_at IS NULL"),
            sqlite_where=sa.text("sent_at IS NULL"),
        ),
    )
    inbox = sa.Table(
        "inbox",
        metadata,
        sa.Column("event_id", sa.String(36), primary_key=True),
        sa.Column("type", sa.String(120), nullable=False),
        sa.Column("source", sa.String(64), nullable=False),
        sa.Column("handled_at", UtcDateTime(), nullable=False),
    )
    sequence = sa.Table(
        "aggregate_sequence",
        metadata,
        sa.Column("subject", sa.String(64), primary_key=True),
        sa.Column("last", sa.BigInteger, nullable=False),
    )
    lease = sa.Table(
        "relay_lease",
        metadata,
        sa.Column("name", sa.String(32), primary_key=True),
        sa.Column("owner", sa.String(64), nullable=False),
        sa.Column("expires_at", sa.Float, nullable=False),
    )
    return MessagingTables(outbox, inbox, sequence, lease)
