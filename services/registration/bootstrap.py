"""Wires the registration service from its settings: store, outbox, API, jobs."""
from __future__ import annotations

from kit.db import Store
from kit.outbox import Outbox
from kit.service import Job, Service, migrations_dir
from services.registration import api, config, service
from services.registration.models import messaging


def build(settings: config.Settings | None = None) -> Service:
    settings = settings or config.load()
    common = settings.common
    store = Store(common.database_url, migrations_dir(__file__))
    outbox = Outbox(messaging, "/registration")

    def check_certificates() -> None:
        with store.begin() as session:
            service.check_certificates(session, outbox, settings.rules, service.today_in(common.timezone))

    return Service(
        name="registration",
        settings=common,
        store=store,
        tables=messaging,
        outbox=outbox,
        blueprints=api.blueprints,
        jobs=[Job("certificate-check", settings.certificate_check_every_seconds, check_certificates)],
        config=settings,
    )
