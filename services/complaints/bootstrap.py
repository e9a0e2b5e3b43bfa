"""Wires the complaints service: store, outbox, use cases, API, handlers and the jobs
(the deadline watch and the monthly report)."""
from __future__ import annotations

from kit.db import Store
from kit.identity import ServicePrincipal
from kit.lookup import Lookup
from kit.outbox import Outbox
from kit.service import Job, Service, migrations_dir
from kit.settings import identity_secret
from kit.types import utcnow
from services.complaints import api, config, events
from services.complaints.handlers import handlers_for
from services.complaints.models import messaging
from services.complaints.service import Complaints


def build(settings: config.Settings | None = None) -> Service[Complaints]:
    settings = settings or config.load()
    common = settings.common
    store = Store(common.database_url, migrations_dir(__file__))
    outbox = Outbox(messaging, "/complaints", events.SCHEMAS, common.check_events)
    use_cases = Complaints(settings, outbox, Lookup("registration", settings.registration_url,
                                                   settings.registration_timeout_seconds,
                                                   ServicePrincipal.of("complaints", identity_secret())))

    # Each job reads the clock once; what it has done is data, so a run after a restart
    # (or a second replica) repeats nothing.
    def watch_deadlines() -> None:
        with store.begin() as session:
            use_cases.watch_deadlines(session, utcnow())

    def open_overdue():
        with store.begin() as session:
            count = use_cases.open_overdue(session)
        yield "zhuyu_complaints_overdue_open", "Open complaints with a missed deadline still unmet", {}, float(count)

    def monthly_reports() -> None:
        with store.begin() as session:
            use_cases.produce_monthly_reports(session, utcnow())

    return Service(
        name="complaints",
        settings=common,
        store=store,
        tables=messaging,
        outbox=outbox,
        blueprints=api.blueprints,
        use_cases=use_cases,
        handlers=handlers_for(use_cases),
        jobs=[Job("deadline-watch", settings.deadline_watch_every_seconds, watch_deadlines),
              Job("monthly-report", settings.report_check_every_seconds, monthly_reports)],
        gauges=[open_overdue],
    )
