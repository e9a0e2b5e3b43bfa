"""Visits tables."""
from __future__ import annotations

import sqlalchemy as sa

from kit.messaging import messaging_tables

metadata = sa.MetaData()
messaging = messaging_tables(metadata)
