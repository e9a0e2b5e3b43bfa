"""Gateway tables: users (passwords hashed with argon2), API keys, and the messaging tables
of its outbox (`gateway.events`)."""
from __future__ import annotations

import sqlalchemy as sa

from kit.messaging import messaging_tables
from kit.types import UtcDateTime

metadata = sa.MetaData()
messaging = messaging_tables(metadata)

users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("username", sa.String(64), nullable=False, unique=True),
    sa.Column("password_hash", sa.String(255), nullable=False),
    sa.Column("role", sa.String(32), nullable=False),
    sa.Column("service_point_id", sa.String(36)),
    sa.Column("staff_id", sa.String(36)),
    sa.Column("disabled", sa.Boolean, nullable=False, default=False),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    # Raised by a password change: tokens issued under an older version are refused.
    sa.Column("token_version", sa.Integer, nullable=False, default=0, server_default="0"),
)

# Third parties' keys: only a hash is kept; the key is shown once, at creation.
api_keys = sa.Table(
    "api_keys",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("key_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("scopes", sa.JSON, nullable=False),
    sa.Column("service_point_id", sa.String(36)),
    sa.Column("rate_limit_per_minute", sa.Integer),
    sa.Column("revoked_at", UtcDateTime()),
    sa.Column("created_by", sa.String(36)),
    sa.Column("created_at", UtcDateTime(), nullable=False),
)

# Wrong passwords per account name and client address, for the lockout after repeated
# failures (a stranger's guesses lock only the stranger's address out).
login_failures = sa.Table(
    "login_failures",
    metadata,
    sa.Column("username", sa.String(64), primary_key=True),
    sa.Column("source", sa.String(64), primary_key=True),
    sa.Column("failures", sa.Integer, nullable=False),
    sa.Column("locked_until", UtcDateTime()),
    sa.Column("updated_at", UtcDateTime(), nullable=False),
)

# First responses of POSTs sent with an Idempotency-Key.
idempotency = sa.Table(
    "idempotency",
    metadata,
    sa.Column("principal", sa.String(64), primary_key=True),
    sa.Column("key", sa.String(200), primary_key=True),
    sa.Column("request_hash", sa.String(64), nullable=False),
    sa.Column("status", sa.Integer),  # null while the first request is still running
    sa.Column("body", sa.LargeBinary),
    sa.Column("content_type", sa.String(100)),
    sa.Column("created_at", UtcDateTime(), nullable=False),
)
