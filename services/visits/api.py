"""Visits HTTP API: parse, call the use case, render."""
from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

import sqlalchemy as sa
from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint

from kit import caller as callers
from kit.paging import page
from kit.errors import DomainError
from services.visits.models import bookings, follow_ups, timeline, visits
from services.visits.schemas import (
    FiguresArgs, PeriodFigures, RulesOut,
    BathIn, BookingArgs, BookingIn, BookingOut, BookingPage, CheckInIn, CheckoutIn, DailyArgs, Empty, FollowUpArgs,
    FollowUpPage, FollowUpPlanIn, FollowUpPlanOut, FollowUpRecordIn, FollowUpRecordOut, IncidentIn, IncidentOut,
    IncidentOutcomeIn, RateArgs, ScreeningIn, ScreeningOut, VisitArgs, VisitOut, VisitPage,
)
from services.visits.service import Visits

bookings_bp = Blueprint("bookings", __name__, url_prefix="/bookings", description="Bookings (预约)")
visits_bp = Blueprint("visits", __name__, url_prefix="/visits", description="Bathing visits (助浴服务)")
incidents_bp = Blueprint("incidents", __name__, url_prefix="/incidents", description="Incidents")


def _svc():
    return current_app.extensions["zhuyu.service"]


def _uc() -> Visits:
    return _svc().config.use_cases


def render_visit(session, row: Any) -> dict:
    view = dict(row._mapping)
    view["timeline"] = [dict(r._mapping) for r in session.execute(
        sa.select(timeline).where(timeline.c.visit_id == row.id).order_by(timeline.c.id)).all()]
    return view


def _owned_visit(session, visit_id, who, lock: bool = False) -> Any:
    row = _uc().visit(session, str(visit_id), lock=lock)
    who.check_point(row.service_point_id)
    return row


@bookings_bp.route("")
class Bookings(MethodView):
    @bookings_bp.arguments(BookingIn)
    @bookings_bp.response(201, BookingOut)
    def post(self, body):
        who = callers.current()
        who.check_point(str(body["service_point_id"]))
        with _svc().store.begin() as session:
            return _uc().book(session, str(body["elder_id"]), str(body["service_point_id"]), body["slot_start"],
                              who.user_id)._mapping

    @bookings_bp.arguments(BookingArgs, location="query")
    @bookings_bp.response(200, BookingPage)
    def get(self, args):
        who = callers.current()
        query = sa.select(bookings)
        point = who.point_filter(args.get("service_point_id"))
        if point:
            query = query.where(bookings.c.service_point_id == point)
        if args.get("elder_id"):
            query = query.where(bookings.c.elder_id == str(args["elder_id"]))
        if args.get("date"):
            start = datetime.combine(args["date"], time(0), _uc().tz)
            query = query.where(bookings.c.slot_start >= start, bookings.c.slot_start < start + timedelta(days=1))
        with _svc().store.begin() as session:
            rows, cursor = page(session, query, bookings, args["limit"], args["cursor"])
        return {"items": [r._mapping for r in rows], "next_cursor": cursor}


@bookings_bp.route("/<uuid:booking_id>/cancel")
class CancelBooking(MethodView):
    @bookings_bp.arguments(Empty)
    @bookings_bp.response(200, BookingOut)
    def post(self, _body, booking_id):
        who = callers.current()
        with _svc().store.begin() as session:
            who.check_point(_uc().booking(session, str(booking_id)).service_point_id)
            return _uc().cancel_booking(session, str(booking_id), who.user_id)._mapping


@visits_bp.route("")
class VisitList(MethodView):
    @visits_bp.arguments(CheckInIn)
    @visits_bp.response(201, VisitOut)
    def post(self, body):
        who = callers.current()
        who.check_point(str(body["service_point_id"]))
        with _svc().store.begin() as session:
            outcome = _uc().check_in(session, body["citizen_card_no"], str(body["service_point_id"]),
                                     str(body["booking_id"]) if body.get("booking_id") else None, who.user_id,
                                     who.staff_id)
            if not isinstance(outcome, str):
                return render_visit(session, outcome)
        # The refusal is committed (recorded and emitted) before it is answered.
        raise DomainError(outcome, f"Entry refused: {outcome}.")

    @visits_bp.arguments(VisitArgs, location="query")
    @visits_bp.response(200, VisitPage)
    def get(self, args):
        who = callers.current()
        query = sa.select(visits)
        point = who.point_filter(args.get("service_point_id"))
        if point:
            query = query.where(visits.c.service_point_id == point)
        if args.get("date"):
            query = query.where(visits.c.local_date == args["date"])
        if args.get("status"):
            query = query.where(visits.c.status == args["status"])
        with _svc().store.begin() as session:
            rows, cursor = page(session, query, visits, args["limit"], args["cursor"])
            return {"items": [render_visit(session, r) for r in rows], "next_cursor": cursor}


@visits_bp.route("/rules")
class VisitRules(MethodView):
    @visits_bp.response(200, RulesOut)
    def get(self):
        """The limits the visit board shows (its timers and the commitment's version), as
        this deployment configures them."""
        settings = _svc().config.settings
        return {"max_bath_minutes": settings.rules.max_bath_minutes, "min_rest_minutes": settings.rules.min_rest_minutes,
                "safety_commitment_version": settings.safety_commitment_version}


@visits_bp.route("/daily-figures")
class DailyFigures(MethodView):
    @visits_bp.arguments(DailyArgs, location="query")
    @visits_bp.response(200)
    def get(self, args):
        """A point's day: visits, refusals by reason, incidents, average bath and rest minutes."""
        who = callers.current()
        point = who.point_filter(args["service_point_id"])
        with _svc().store.begin() as session:
            return _uc().daily_figures(session, point, args.get("date") or datetime.now(_uc().tz).date())


@visits_bp.route("/figures")
class Figures(MethodView):
    @visits_bp.arguments(FiguresArgs, location="query")
    @visits_bp.response(200, PeriodFigures)
    def get(self, args):
        """A period's figures, per day and in total, for one point or (unbound callers) the
        city: visits, check-outs, refusals by reason, incidents, average bath and rest."""
        who = callers.current()
        point = who.point_filter(args.get("service_point_id") and str(args["service_point_id"]))
        with _svc().store.begin() as session:
            return _uc().period_figures(session, point, args["from_"], args["to"])


@visits_bp.route("/<uuid:visit_id>")
class VisitOne(MethodView):
    @visits_bp.response(200, VisitOut)
    def get(self, visit_id):
        who = callers.current()
        with _svc().store.begin() as session:
            return render_visit(session, _owned_visit(session, visit_id, who))


@visits_bp.route("/<uuid:visit_id>/screening")
class Screening(MethodView):
    @visits_bp.arguments(ScreeningIn)
    @visits_bp.response(200, ScreeningOut)
    def post(self, body, visit_id):
        who = callers.current()
        with _svc().store.begin() as session:
            _owned_visit(session, visit_id, who)
            return _uc().screen(session, str(visit_id), body, who.user_id, who.staff_id).__dict__


@visits_bp.route("/<uuid:visit_id>/bath")
class Bath(MethodView):
    @visits_bp.arguments(BathIn)
    @visits_bp.response(200, VisitOut)
    def post(self, body, visit_id):
        who = callers.current()
        with _svc().store.begin() as session:
            _owned_visit(session, visit_id, who)
            return render_visit(session, _uc().start_bath(session, str(visit_id), str(body["assistant_staff_id"]),
                                                          who.user_id))


@visits_bp.route("/<uuid:visit_id>/rest")
class Rest(MethodView):
    @visits_bp.arguments(Empty)
    @visits_bp.response(200, VisitOut)
    def post(self, _body, visit_id):
        who = callers.current()
        with _svc().store.begin() as session:
            _owned_visit(session, visit_id, who)
            return render_visit(session, _uc().start_rest(session, str(visit_id), who.user_id, who.staff_id))


@visits_bp.route("/<uuid:visit_id>/checkout")
class Checkout(MethodView):
    @visits_bp.arguments(CheckoutIn)
    @visits_bp.response(200, VisitOut)
    def post(self, body, visit_id):
        who = callers.current()
        with _svc().store.begin() as session:
            _owned_visit(session, visit_id, who)
            return render_visit(session, _uc().check_out(session, str(visit_id), body.get("early_leave_reason"),
                                                         who.user_id, who.staff_id))


@visits_bp.route("/<uuid:visit_id>/incidents")
class Incidents(MethodView):
    @visits_bp.arguments(IncidentIn)
    @visits_bp.response(201, IncidentOut)
    def post(self, body, visit_id):
        who = callers.current()
        with _svc().store.begin() as session:
            _owned_visit(session, visit_id, who)
            return _uc().report_incident(session, str(visit_id), body, who.user_id, who.staff_id)._mapping


@incidents_bp.route("/<uuid:incident_id>")
class IncidentOne(MethodView):
    @incidents_bp.response(200, IncidentOut)
    def get(self, incident_id):
        who = callers.current()
        with _svc().store.begin() as session:
            row = _uc().incident(session, str(incident_id))
        who.check_point(row.service_point_id)
        return row._mapping


@incidents_bp.route("/<uuid:incident_id>/outcome")
class IncidentOutcome(MethodView):
    @incidents_bp.arguments(IncidentOutcomeIn)
    @incidents_bp.response(200, IncidentOut)
    def post(self, body, incident_id):
        who = callers.current()
        with _svc().store.begin() as session:
            who.check_point(_uc().incident(session, str(incident_id)).service_point_id)
            return _uc().close_incident(session, str(incident_id), body["outcome"], body["note"])._mapping


plans_bp = Blueprint("follow_up_plans", __name__, url_prefix="/follow-up-plans", description="Follow-up programmes (随访)")
follow_ups_bp = Blueprint("follow_ups", __name__, url_prefix="/follow-ups", description="Due follow-ups")


def _today():
    return datetime.now(_uc().tz).date()


@plans_bp.route("")
class Plans(MethodView):
    @plans_bp.arguments(FollowUpPlanIn)
    @plans_bp.response(201, FollowUpPlanOut)
    def post(self, body):
        who = callers.current()
        with _svc().store.begin() as session:
            plan, first = _svc().config.follow_ups.create_plan(session, body, _today())
            who.check_point(plan.service_point_id)
            return dict(plan._mapping) | {"first_due_on": first.due_on, "first_follow_up_id": first.id}


@follow_ups_bp.route("")
class FollowUpList(MethodView):
    @follow_ups_bp.arguments(FollowUpArgs, location="query")
    @follow_ups_bp.response(200, FollowUpPage)
    def get(self, args):
        who = callers.current()
        today = _today()
        query = sa.select(follow_ups).where(follow_ups.c.status == "open")
        point = who.point_filter(args.get("service_point_id"))
        if point:
            query = query.where(follow_ups.c.service_point_id == point)
        if args.get("staff_id"):
            query = query.where(follow_ups.c.staff_id == str(args["staff_id"]))
        if args.get("overdue") is not None:
            query = query.where((follow_ups.c.due_on < today) if args["overdue"] else (follow_ups.c.due_on >= today))
        if args.get("due_before"):
            query = query.where(follow_ups.c.due_on < args["due_before"])
        with _svc().store.begin() as session:
            rows, cursor = page(session, query, follow_ups, args["limit"], args["cursor"])
        return {"items": [dict(r._mapping) | {"overdue": r.due_on < today} for r in rows], "next_cursor": cursor}


@follow_ups_bp.route("/<uuid:follow_up_id>/record")
class FollowUpRecord(MethodView):
    @follow_ups_bp.arguments(FollowUpRecordIn)
    @follow_ups_bp.response(200, FollowUpRecordOut)
    def post(self, body, follow_up_id):
        """谁随访，谁记录: the record carries the user who visited."""
        who = callers.current()
        with _svc().store.begin() as session:
            who.check_point(_svc().config.follow_ups.get(session, str(follow_up_id)).service_point_id)
            return _svc().config.follow_ups.record(session, str(follow_up_id), body, who.user_id).__dict__


@follow_ups_bp.route("/meeting-rate")
class MeetingRate(MethodView):
    @follow_ups_bp.arguments(RateArgs, location="query")
    @follow_ups_bp.response(200)
    def get(self, args):
        """见面率 of home visits due in the period."""
        who = callers.current()
        point = who.point_filter(args.get("service_point_id"))
        with _svc().store.begin() as session:
            return _svc().config.follow_ups.meeting_rate(session, point, args["from_"], args["to"])


blueprints = [bookings_bp, visits_bp, incidents_bp, plans_bp, follow_ups_bp]
