"""Wires the notify service: store, outbox, planner, dispatcher, API and jobs."""
from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from kit.db import Store
from kit.outbox import Outbox
from kit.service import Job, Service, migrations_dir
from kit.types import utcnow
from services.notify import api, config
from services.notify.dispatch import Dispatcher, providers_for
from services.notify.handlers import Planner, handlers_for
from services.notify.models import messaging, notifications


@dataclass(frozen=True)
class Wiring:
    settings: config.Settings
    planner: Planner
    dispatcher: Dispatcher


def build(settings: config.Settings | None = None) -> Service:
    settings = settings or config.load()
    common = settings.common
    store = Store(common.database_url, migrations_dir(__file__))
    outbox = Outbox(messaging, "/notify")
    planner = Planner(settings)  # loads and checks every template now, not at send time
    dispatcher = Dispatcher(store, outbox, settings, providers_for(settings, store))

    def send_reminders() -> None:
        with store.begin() as session:
            planner.send_due_reminders(session, utcnow())

    def waiting():
        with store.begin() as session:
            rows = session.execute(sa.select(notifications.c.channel, notifications.c.status, sa.func.count())
                                   .where(notifications.c.status.in_(("queued", "held", "sending")))
                                   .group_by(notifications.c.channel, notifications.c.status)).all()
        for channel, status, count in rows:
            yield ("zhuyu_notifications_waiting", "Notifications not yet delivered, by channel and status",
                   {"channel": channel, "status": status}, float(count))

    return Service(
        name="notify",
        settings=common,
        store=store,
        tables=messaging,
        outbox=outbox,
        blueprints=api.blueprints,
        handlers=handlers_for(planner),
        jobs=[Job("dispatch", settings.dispatch_every_seconds, dispatcher.run_due),
              Job("reminders", settings.reminders_every_seconds, send_reminders)],
        config=Wiring(settings, planner, dispatcher),
        gauges=[waiting],
    )
