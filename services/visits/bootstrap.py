"""Wires the visits service: store, outbox, use cases, API, handlers and jobs."""
from __future__ import annotations

from dataclasses import dataclass

from kit.db import Store
from kit.outbox import Outbox
from kit.service import Job, Service, migrations_dir
from kit.types import utcnow
from services.visits import api, config
from services.visits.followups import FollowUps
from services.visits.handlers import handlers_for
from services.visits.models import messaging
from services.visits.service import Visits


@dataclass(frozen=True)
class Wiring:
    settings: config.Settings
    use_cases: Visits
    follow_ups: FollowUps


def build(settings: config.Settings | None = None) -> Service:
    settings = settings or config.load()
    common = settings.common
    store = Store(common.database_url, migrations_dir(__file__))
    outbox = Outbox(messaging, "/visits")
    use_cases = Visits(settings, outbox)
    follow_ups = FollowUps(settings.follow_up_rules, outbox)

    def watch() -> None:
        with store.begin() as session:
            now = utcnow()
            use_cases.alert_bath_overruns(session, now)
            use_cases.mark_no_shows(session, now)
            follow_ups.watch(session, use_cases.local(now).date())

    return Service(
        name="visits",
        settings=common,
        store=store,
        tables=messaging,
        outbox=outbox,
        blueprints=api.blueprints,
        handlers=handlers_for(follow_ups),
        jobs=[Job("visit-watch", settings.jobs_every_seconds, watch)],
        config=Wiring(settings, use_cases, follow_ups),
    )
