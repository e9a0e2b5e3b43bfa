"""Registration tables: service points and elders (history kept, never deleted)."""
from __future__ import annotations

import sqlalchemy as sa

from kit.messaging import messaging_tables
from kit.types import UtcDateTime

metadata = sa.MetaData()
messaging = messaging_tables(metadata)

service_points = sa.Table(
    "service_points",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("address", sa.String(500), nullable=False),
    sa.Column("district", sa.String(100), nullable=False),
    sa.Column("bath_capacity", sa.Integer, nullable=False),
    sa.Column("rest_seats", sa.Integer, nullable=False),
    sa.Column("opening_hours", sa.JSON, nullable=False),
    sa.Column("safety_reminders", sa.JSON, nullable=False),
    sa.Column("contact_phone", sa.String(32)),
    sa.Column("active", sa.Boolean, nullable=False, default=True),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.Column("updated_at", UtcDateTime(), nullable=False),
)

elders = sa.Table(
    "elders",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("gender", sa.String(6), nullable=False),
    sa.Column("birth_date", sa.Date, nullable=False),
    sa.Column("id_number", sa.String(18), nullable=False, unique=True),
    sa.Column("citizen_card_no", sa.String(32), nullable=False, unique=True),
    sa.Column("phone", sa.String(32)),
    sa.Column("address", sa.String(500), nullable=False),
    sa.Column("district", sa.String(100), nullable=False),
    sa.Column("service_point_id", sa.String(36), sa.ForeignKey("service_points.id"), nullable=False, index=True),
    sa.Column("emergency_contacts", sa.JSON, nullable=False),
    sa.Column("chronic_conditions", sa.JSON, nullable=False),
    sa.Column("medications", sa.JSON, nullable=False),
    sa.Column("allergies", sa.JSON, nullable=False),
    sa.Column("notes", sa.Text, nullable=False, default=""),
    sa.Column("status", sa.String(12), nullable=False),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.Column("updated_at", UtcDateTime(), nullable=False),
    sa.Index("ix_elders_name", "name"),
)
