"""Wires the notify service: store, outbox, API, event handlers and the dispatcher job."""
from __future__ import annotations

from kit.db import Store
from kit.outbox import Outbox
from kit.service import Job, Service, migrations_dir
from services.notify import api, config, dispatch
from services.notify.handlers import HANDLERS
from services.notify.models import messaging


def build(settings: config.Settings | None = None) -> Service:
    settings = settings or config.load()
    common = settings.common
    store = Store(common.database_url, migrations_dir(__file__))
    outbox = Outbox(messaging, "/notify")
    providers = {"sms": dispatch.SinkProvider()}
    return Service(
        name="notify",
        settings=common,
        store=store,
        tables=messaging,
        outbox=outbox,
        blueprints=api.blueprints,
        handlers=HANDLERS,
        jobs=[Job("dispatch", settings.dispatch_every_seconds, lambda: dispatch.dispatch_due(store, outbox, providers))],
        config=settings,
    )
