"""Gateway tables: users (passwords hashed with argon2)."""
from __future__ import annotations

import sqlalchemy as sa

from kit.types import UtcDateTime

metadata = sa.MetaData()

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
)
