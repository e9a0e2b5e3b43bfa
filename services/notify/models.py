"""Notify tables: recipients kept from events, preferences, webhooks, notifications, and
the local sink that stands in for SMS and call providers in dev and tests."""
from __future__ import annotations

import sqlalchemy as sa

from kit.messaging import messaging_tables
from kit.types import UtcDateTime

metadata = sa.MetaData()
messaging = messaging_tables(metadata)

elders = sa.Table(
    "elders",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("phone", sa.String(32)),
    sa.Column("phone_is_mobile", sa.Boolean, nullable=False),
    sa.Column("service_point_id", sa.String(36), nullable=False),
    sa.Column("emergency_contacts", sa.JSON, nullable=False),
    sa.Column("status", sa.String(12), nullable=False),
    sa.Column("consents", sa.JSON, nullable=False),
    sa.Column("language", sa.String(8), nullable=False),
    sa.Column("sequence", sa.BigInteger, nullable=False),
)

staff = sa.Table(
    "staff",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("phone", sa.String(32)),
    sa.Column("email", sa.String(320)),
    sa.Column("roles", sa.JSON, nullable=False),
    sa.Column("service_point_id", sa.String(36)),
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("sequence", sa.BigInteger, nullable=False),
)

preferences = sa.Table(
    "preferences",
    metadata,
    sa.Column("recipient_id", sa.String(36), primary_key=True),
    sa.Column("channels", sa.JSON, nullable=False),
    sa.Column("opt_out", sa.JSON, nullable=False),
    sa.Column("updated_at", UtcDateTime(), nullable=False),
)

webhooks = sa.Table(
    "webhooks",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("url", sa.String(2000), nullable=False),
    sa.Column("event_types", sa.JSON, nullable=False),
    sa.Column("secret", sa.String(128), nullable=False),
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("consecutive_failures", sa.Integer, nullable=False),
    sa.Column("disabled_reason", sa.Text),
    sa.Column("created_by", sa.String(64)),  # the owner: the API key's or user's id
    sa.Column("service_point_id", sa.String(36)),  # the owner's point: only its events are delivered
    sa.Column("created_at", UtcDateTime(), nullable=False),
    # The owner's read scopes when it subscribed: only the event types they read are delivered
    # (none recorded, as on a webhook made before they were: nothing is).
    sa.Column("scopes", sa.JSON),
    # Stopped because its owner's key was revoked or its user disabled: never enabled again.
    sa.Column("revoked", sa.Boolean, nullable=False, default=False, server_default=sa.false()),
)

# Owners (API keys, users) the gateway revoked or disabled: their webhooks stay stopped,
# and one they made while the news was on its way is made stopped.
ended_owners = sa.Table(
    "ended_owners",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),  # the key's or user's id
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("ended_at", UtcDateTime(), nullable=False),
)

notifications = sa.Table(
    "notifications",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),  # uuid5 of (event, recipient, channel)
    sa.Column("event_id", sa.String(36), nullable=False, index=True),
    sa.Column("event_type", sa.String(120), nullable=False),
    sa.Column("recipient_type", sa.String(20), nullable=False),
    sa.Column("recipient_id", sa.String(36), nullable=False, index=True),
    # The point of the event that caused it (its elder's, visit's, complaint's); None: of no point.
    sa.Column("service_point_id", sa.String(36), index=True),
    sa.Column("address", sa.String(2000), nullable=False),
    sa.Column("channel", sa.String(10), nullable=False),
    sa.Column("urgent", sa.Boolean, nullable=False),
    sa.Column("language", sa.String(8), nullable=False),
    sa.Column("template", sa.String(40), nullable=False),
    sa.Column("template_version", sa.Integer, nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("payload", sa.LargeBinary),  # a webhook's CloudEvent, as it will be signed
    sa.Column("status", sa.String(12), nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False, default=0),
    sa.Column("last_error", sa.Text),
    sa.Column("next_attempt_at", UtcDateTime()),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.Column("sent_at", UtcDateTime()),
    sa.Index("ix_notifications_due", "status", "next_attempt_at"),
)

# Every read of a notification answered unmasked (its text as sent; its address is always masked)
# (who, when, which, through which request); a masked read is not one.
notification_reads = sa.Table(
    "notification_reads",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("notification_id", sa.String(36), nullable=False, index=True),
    sa.Column("user_id", sa.String(64), index=True),
    sa.Column("role", sa.String(32)),
    sa.Column("request_id", sa.String(128)),
    sa.Column("at", UtcDateTime(), nullable=False),
)

# What the local sink provider "sent" (SMS and call tasks): dev and tests read it.
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

# Reminders scheduled as data (they survive restarts): the booking reminder the day before.
reminders = sa.Table(
    "reminders",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),  # the booking's id
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("due_at", UtcDateTime(), nullable=False, index=True),
    sa.Column("data", sa.JSON, nullable=False),
    sa.Column("status", sa.String(12), nullable=False),  # scheduled | done | cancelled
)
