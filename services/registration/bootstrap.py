"""Wires the registration service from its settings: store, outbox, API, handlers, jobs."""
from __future__ import annotations

from kit.db import Store
from kit.outbox import Outbox
from kit.service import Service, migrations_dir
from services.registration import api, config
from services.registration.models import messaging


def build(settings: config.Settings | None = None) -> Service:
    settings = settings or config.load()
    common = settings.common
    return Service(
        name="registration",
        settings=common,
        store=Store(common.database_url, migrations_dir(__file__)),
        tables=messaging,
        outbox=Outbox(messaging, "/registration"),
        blueprints=api.blueprints,
        config=settings,
    )
