"""Wires the notify service: store, outbox, the providers and the resolver, use cases,
API, handlers and jobs."""
from __future__ import annotations

from kit.db import Store
from kit.outbox import Outbox
from kit.service import Job, Service, migrations_dir
from kit.types import utcnow
from services.notify import api, config, events
from services.notify.adapters import providers_for, resolve
from services.notify.handlers import handlers_for, subscribable
from services.notify.models import messaging
from services.notify.service import Notify


def build(settings: config.Settings | None = None) -> Service[Notify]:
    settings = settings or config.load()
    common = settings.common
    store = Store(common.database_url, migrations_dir(__file__))
    outbox = Outbox(messaging, "/notify", events.SCHEMAS, common.check_events)
    use_cases = Notify(settings, outbox, providers_for(settings, store), resolve, event_types=subscribable())

    def dispatch() -> None:
        use_cases.dispatch_due(store.begin, utcnow())

    def send_reminders() -> None:
        with store.begin() as session:
            use_cases.send_due_reminders(session, utcnow())

    def waiting():
        with store.begin() as session:
            counts = use_cases.waiting(session)
        for (channel, status), count in counts.items():
            yield ("zhuyu_notifications_waiting", "Notifications not yet delivered, by channel and status",
                   {"channel": channel, "status": status}, float(count))

    return Service(
        name="notify",
        settings=common,
        store=store,
        tables=messaging,
        outbox=outbox,
        blueprints=api.blueprints,
        use_cases=use_cases,
        handlers=handlers_for(use_cases),
        jobs=[Job("dispatch", settings.dispatch_every_seconds, dispatch),
              Job("reminders", settings.reminders_every_seconds, send_reminders)],
        gauges=[waiting],
    )
