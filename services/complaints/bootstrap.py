"""Wires the complaints service from its settings."""
from __future__ import annotations

from kit.db import Store
from kit.outbox import Outbox
from kit.service import Service, migrations_dir
from services.complaints import api, config
from services.complaints.models import messaging


def build(settings: config.Settings | None = None) -> Service:
    settings = settings or config.load()
    common = settings.common
    return Service(
        name="complaints",
        settings=common,
        store=Store(common.database_url, migrations_dir(__file__)),
        tables=messaging,
        outbox=Outbox(messaging, "/complaints"),
        blueprints=api.blueprints,
        config=settings,
    )
