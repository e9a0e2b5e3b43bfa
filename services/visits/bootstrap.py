"""Wires the visits service: store, outbox, the registration lookup, use cases, API,
handlers and jobs."""
from __future__ import annotations

from kit.db import Store
from kit.identity import ServicePrincipal
from kit.outbox import Outbox
from kit.service import Job, Service, migrations_dir
from kit.settings import identity_secret
from kit.types import utcnow
from services.visits import api, config, events
from services.visits.adapters import RegistrationLookup
from services.visits.handlers import handlers_for
from services.visits.models import messaging
from services.visits.service import Visits


def build(settings: config.Settings | None = None) -> Service[Visits]:
    settings = settings or config.load()
    common = settings.common
    store = Store(common.database_url, migrations_dir(__file__))
    outbox = Outbox(messaging, "/visits", events.SCHEMAS, common.check_events)
    use_cases = Visits(settings, outbox,
                       RegistrationLookup(settings.registration_url, settings.registration_timeout_seconds,
                                          ServicePrincipal.of("visits", identity_secret())))

    def watch() -> None:
        with store.begin() as session:
            now = utcnow()
            use_cases.alert_bath_overruns(session, now)
            use_cases.mark_no_shows(session, now)
            use_cases.sweep_open_visits(session, now)
            use_cases.watch_follow_ups(session, now)
            use_cases.produce_settlement(session, now)

    return Service(
        name="visits",
        settings=common,
        store=store,
        tables=messaging,
        outbox=outbox,
        blueprints=api.blueprints,
        use_cases=use_cases,
        handlers=handlers_for(use_cases),
        jobs=[Job("visit-watch", settings.jobs_every_seconds, watch)],
    )
