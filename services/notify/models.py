"""Notify tables: the recipients read model, notifications and the local sink."""
from __future__ import annotations

import sqlalchemy as sa

from kit.messaging import messaging_tables
from kit.types import UtcDateTime

metadata = sa.MetaData()
messaging = messaging_tables(metadata)

# Read model of elders, kept from registration events (event-carried state).
elders = sa.Table(
    "elders",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("phone", sa.String(32)),
    sa.Column("service_point_id", sa.String(36), nullable=False),
    sa.Column("emergency_contacts", sa.JSON, nullable=False),
    sa.Column("status", sa.String(12), nullable=False),
    sa.Column("sequence", sa.BigInteger, nullable=False),
)

notifications = sa.Table(
    "notifications",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),  # uuid5 of (event, recipient, channel)
    sa.Column("event_id", sa.String(36), nullable=False, index=True),
    sa.Column("event_type", sa.String(120), nullable=False),
    sa.Column("recipient_type", sa.String(20), nullable=False),
    sa.Column("recipient_id", sa.String(36), nullable=False, index=True),
    sa.Column("address", sa.String(320), nullable=False),
    sa.Column("channel", sa.String(10), nullable=False),
    sa.Column("urgent", sa.Boolean, nullable=False),
    sa.Column("language", sa.String(8), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("status", sa.String(12), nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False, default=0),
    sa.Column("last_error", sa.Text),
    sa.Column("next_attempt_at", UtcDateTime()),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.Column("sent_at", UtcDateTime()),
    sa.Index("ix_notifications_due", "status", "next_attempt_at"),
)

# What the local sink provider "sent": dev and tests read it instead of a phone.
sink_messages = sa.Table(
    "sink_messages",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("notification_id", sa.String(36), nullable=False, unique=True),
    sa.Column("channel", sa.String(10), nullable=False),
    sa.Column("address", sa.String(320), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("sent_at", UtcDateTime(), nullable=False),
)
