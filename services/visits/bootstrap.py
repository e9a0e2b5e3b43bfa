"""Wires the visits service from its settings."""
from __future__ import annotations

from kit.db import Store
from kit.outbox import Outbox
from kit.service import Service, migrations_dir
from services.visits import api, config
from services.visits.models import messaging


def build(settings: config.Settings | None = None) -> Service:
    settings = settings or config.load()
    common = settings.common
    return Service(
        name="visits",
        settings=common,
        store=Store(common.database_url, migrations_dir(__file__)),
        tables=messaging,
        outbox=Outbox(messaging, "/visits"),
        blueprints=api.blueprints,
        config=settings,
    )
