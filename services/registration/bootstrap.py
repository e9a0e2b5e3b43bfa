"""Wires the registration service from its settings: store, outbox, use cases, API, jobs."""
from __future__ import annotations

from kit.db import Store
from kit.outbox import Outbox
from kit.service import Job, Service, migrations_dir
from kit.types import utcnow
from services.registration import api, config, events
from services.registration.handlers import handlers_for
from services.registration.models import messaging
from services.registration.service import Registration


def build(settings: config.Settings | None = None) -> Service[Registration]:
    settings = settings or config.load()
    common = settings.common
    store = Store(common.database_url, migrations_dir(__file__))
    outbox = Outbox(messaging, "/registration", events.SCHEMAS, common.check_events)
    use_cases = Registration(settings, outbox)

    def check_certificates() -> None:
        with store.begin() as session:
            use_cases.check_certificates(session, utcnow())

    def remind_assessments() -> None:
        with store.begin() as session:
            use_cases.remind_assessments(session, utcnow())

    return Service(
        name="registration",
        settings=common,
        store=store,
        tables=messaging,
        outbox=outbox,
        blueprints=api.blueprints,
        use_cases=use_cases,
        handlers=handlers_for(use_cases),
        jobs=[Job("certificate-check", settings.certificate_check_every_seconds, check_certificates),
              Job("assessment-check", settings.assessment_check_every_seconds, remind_assessments)],
    )
