"""Visits HTTP API: parse, call the use case, render."""
from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from kit import downloads
from kit.access import DESK, EVERYONE, HEALTH, POINT_STAFF, access
from kit.caller import Caller
from kit.errors import DomainError
from kit.privacy import redact_text
from kit.types import utcnow
from kit.web import caller, transaction, use_cases
from services.visits.schemas import (
    FiguresArgs, PeriodFigures, PointFiguresOut, PointRatesOut, RulesOut,
    BathIn, BookingArgs, BookingIn, BookingOut, BookingPage, CheckInIn, CheckoutIn, DailyArgs, Empty, EndEarlyIn,
    FollowUpArgs, FollowUpPage, FollowUpPlanIn, FollowUpPlanOut, FollowUpRecordIn, FollowUpRecordOut,
    FollowUpRecordView, ClosePlanIn, IncidentArgs,
    IncidentIn, IncidentOut, IncidentOutcomeIn, IncidentPage, PriceArgs, PriceIn, PriceList, PriceOut, RateArgs, RestIn,
    ScreeningIn, ScreeningOut, SettlementArgs, VisitArgs, VisitOut, VisitPage,
)
from services.visits import domain
from services.visits.service import Refused, Visits

bookings_bp = Blueprint("bookings", __name__, url_prefix="/bookings", description="Bookings (预约)")
visits_bp = Blueprint("visits", __name__, url_prefix="/visits", description="Bathing visits (助浴服务)")
incidents_bp = Blueprint("incidents", __name__, url_prefix="/incidents", description="Incidents")


BOOKS = frozenset({"point_admin", "rest_hall_admin", "cs_agent", "cs_supervisor"})


def visits() -> Visits:
    return use_cases(Visits)


def _id(value) -> str | None:
    return str(value) if value else None


@bookings_bp.route("")
class Bookings(MethodView):
    @access(BOOKS, "visits:write")
    @bookings_bp.arguments(BookingIn)
    @bookings_bp.response(201, BookingOut)
    def post(self, body):
        """Book a bath slot for an elder (`SLOT_FULL`, `DOUBLE_BOOKING` when it cannot be)."""
        who = caller()
        who.check_own_point(body["service_point_id"])
        with transaction() as session:
            return visits().book(session, str(body["elder_id"]), str(body["service_point_id"]), body["slot_start"],
                                 who.user_id, utcnow())

    @access(POINT_STAFF | DESK | {"city_operator"}, "visits:read")
    @bookings_bp.arguments(BookingArgs, location="query")
    @bookings_bp.response(200, BookingPage)
    def get(self, args):
        """The bookings, a page at a time."""
        point = caller().point_filter(args.get("service_point_id"))
        with transaction() as session:
            rows, cursor = visits().bookings(session, point, _id(args.get("elder_id")), args.get("date"),
                                             args["limit"], args["cursor"])
        return {"items": [r._mapping for r in rows], "next_cursor": cursor}


@bookings_bp.route("/<uuid:booking_id>/cancel")
class CancelBooking(MethodView):
    @access(BOOKS, "visits:write")
    @bookings_bp.arguments(Empty)
    @bookings_bp.response(200, BookingOut)
    def post(self, _body, booking_id):
        """Cancel a booking."""
        with transaction() as session:
            return visits().cancel_booking(session, str(booking_id), caller(), utcnow())


@visits_bp.route("")
class VisitList(MethodView):
    @access({"point_admin", "rest_hall_admin"}, "visits:write")
    @visits_bp.arguments(CheckInIn)
    @visits_bp.response(201, VisitOut)
    def post(self, body):
        """Check an elder in at a point by citizen card.

        Refused with 409 and the first failing precondition's code, in this order: `UNKNOWN_CARD`,
        `ELDER_SUSPENDED`, `NOT_ELIGIBLE`, `NO_SAFETY_COMMITMENT`, `POINT_CLOSED`, `ALREADY_IN_VISIT`.
        A refusal is recorded and sent as `visits.visit.entry_denied`.
        """
        who = caller()
        who.check_own_point(body["service_point_id"])
        outcome = visits().check_in(transaction, body["citizen_card_no"], str(body["service_point_id"]),
                                    _id(body.get("booking_id")), who, utcnow())
        if isinstance(outcome, Refused):  # recorded and emitted before it is answered
            raise DomainError(outcome.code, f"Entry refused: {outcome.code}.")
        return outcome.visit

    @access(POINT_STAFF | {"city_operator", "cs_supervisor"}, "visits:read")
    @visits_bp.arguments(VisitArgs, location="query")
    @visits_bp.response(200, VisitPage)
    def get(self, args):
        """The visits, a page at a time, filtered by point, elder, day or status."""
        point = caller().point_filter(args.get("service_point_id"))
        with transaction() as session:
            items, cursor = visits().visit_list(session, point, args.get("date"), args.get("status"), args["limit"],
                                                args["cursor"], _id(args.get("elder_id")))
        return {"items": items, "next_cursor": cursor}


@visits_bp.route("/rules")
class VisitRules(MethodView):
    @access(EVERYONE, "visits:read")
    @visits_bp.response(200, RulesOut)
    def get(self):
        """The limits the visit board shows (its timers and the commitment's version), as
        this deployment configures them."""
        settings = visits().settings
        return {"max_bath_minutes": settings.rules.max_bath_minutes, "min_rest_minutes": settings.rules.min_rest_minutes,
                "safety_commitment_version": settings.common.safety_commitment_version}


@visits_bp.route("/daily-figures")
class DailyFigures(MethodView):
    @access({"point_admin", "rest_hall_admin", "city_operator"}, "visits:read")
    @visits_bp.arguments(DailyArgs, location="query")
    @visits_bp.response(200)
    def get(self, args):
        """A point's day: visits, refusals by reason, incidents, average bath and rest minutes."""
        point = caller().point_filter(args["service_point_id"])
        with transaction() as session:
            return visits().daily_figures(session, point, args.get("date") or visits().today(utcnow()))


@visits_bp.route("/figures")
class Figures(MethodView):
    @access({"point_admin", "rest_hall_admin", "city_operator"}, "visits:read")
    @visits_bp.arguments(FiguresArgs, location="query")
    @visits_bp.response(200, PeriodFigures)
    def get(self, args):
        """A period's figures, per day and in total, for one point or (unbound callers) the
        city: visits, check-outs, refusals by reason, incidents, average bath and rest."""
        point = caller().point_filter(_id(args.get("service_point_id")))
        with transaction() as session:
            return visits().period_figures(session, point, args["from_"], args["to"])


@visits_bp.route("/figures/points")
class PointFigures(MethodView):
    @access({"point_admin", "rest_hall_admin", "city_operator"}, "visits:read")
    @visits_bp.arguments(FiguresArgs, location="query")
    @visits_bp.response(200, PointFiguresOut)
    def get(self, args):
        """A period's figures per point (a bound caller: its own), for a city's dashboard
        in one call: each point's visits, check-outs, refusals, incidents and its days."""
        point = caller().point_filter(_id(args.get("service_point_id")))
        with transaction() as session:
            return visits().point_figures(session, point, args["from_"], args["to"])


@visits_bp.route("/<uuid:visit_id>")
class VisitOne(MethodView):
    @access(POINT_STAFF | {"city_operator", "cs_supervisor"}, "visits:read")
    @visits_bp.response(200, VisitOut)
    def get(self, visit_id):
        """One visit with its steps."""
        with transaction() as session:
            return visits().visit(session, str(visit_id), caller())


@visits_bp.route("/<uuid:visit_id>/screening")
class Screening(MethodView):
    @access(POINT_STAFF, "visits:write")
    @visits_bp.arguments(ScreeningIn)
    @visits_bp.response(200, ScreeningOut)
    def post(self, body, visit_id):
        with transaction() as session:
            return visits().screen(session, str(visit_id), body, caller(), utcnow()).__dict__


@visits_bp.route("/<uuid:visit_id>/bath")
class Bath(MethodView):
    @access(POINT_STAFF, "visits:write")
    @visits_bp.arguments(BathIn)
    @visits_bp.response(200, VisitOut)
    def post(self, body, visit_id):
        with transaction() as session:
            return visits().start_bath(session, str(visit_id), str(body["assistant_staff_id"]), caller(), utcnow())


@visits_bp.route("/<uuid:visit_id>/rest")
class Rest(MethodView):
    @access({"point_admin", "rest_hall_admin"}, "visits:write")
    @visits_bp.arguments(RestIn)
    @visits_bp.response(200, VisitOut)
    def post(self, body, visit_id):
        with transaction() as session:
            return visits().start_rest(session, str(visit_id), caller(), utcnow(), _id(body.get("staff_id")))


@visits_bp.route("/<uuid:visit_id>/checkout")
class Checkout(MethodView):
    @access({"point_admin", "rest_hall_admin"}, "visits:write")
    @visits_bp.arguments(CheckoutIn)
    @visits_bp.response(200, VisitOut)
    def post(self, body, visit_id):
        with transaction() as session:
            return visits().check_out(session, str(visit_id), body.get("early_leave_reason"), caller(), utcnow(),
                                      _id(body.get("staff_id")))


@visits_bp.route("/<uuid:visit_id>/end-early")
class EndEarly(MethodView):
    @access(POINT_STAFF, "visits:write")  # any of the point's visit roles
    @visits_bp.arguments(EndEarlyIn)
    @visits_bp.response(200, VisitOut)
    def post(self, body, visit_id):
        with transaction() as session:
            return visits().end_early(session, str(visit_id), body["reason"], body.get("note"), caller(), utcnow())


def incident_view(incident: Any, who: Caller) -> dict:
    """An incident, with a phone or ID number typed into its description or note masked
    for a caller who may not see personal data."""
    view = dict(incident._mapping if hasattr(incident, "_mapping") else incident)
    if not who.sees_personal_data:
        for key in ("description", "note", "outcome_note"):
            if isinstance(view.get(key), str):
                view[key] = redact_text(view[key])
    return view


@visits_bp.route("/<uuid:visit_id>/incidents")
class Incidents(MethodView):
    @access(POINT_STAFF, "visits:write")
    @visits_bp.arguments(IncidentIn)
    @visits_bp.response(201, IncidentOut)
    def post(self, body, visit_id):
        with transaction() as session:
            who = caller()
            return incident_view(visits().report_incident(session, str(visit_id), body, who, utcnow()), who)


@incidents_bp.route("")
class IncidentList(MethodView):
    @access(POINT_STAFF | {"city_operator"}, "visits:read")
    @incidents_bp.arguments(IncidentArgs, location="query")
    @incidents_bp.response(200, IncidentPage)
    def get(self, args):
        who = caller()
        point = who.point_filter(args.get("service_point_id"))
        with transaction() as session:
            items, cursor = visits().incident_list(session, point, args.get("from_"), args.get("to"),
                                                   args.get("severity"), args["limit"], args["cursor"])
        return {"items": [incident_view(item, who) for item in items], "next_cursor": cursor}


@incidents_bp.route("/<uuid:incident_id>")
class IncidentOne(MethodView):
    @access(POINT_STAFF | {"city_operator"}, "visits:read")
    @incidents_bp.response(200, IncidentOut)
    def get(self, incident_id):
        with transaction() as session:
            who = caller()
            return incident_view(visits().incident(session, str(incident_id), who), who)


@incidents_bp.route("/<uuid:incident_id>/outcome")
class IncidentOutcome(MethodView):
    @access({"point_admin", "rest_hall_admin"}, "visits:write")
    @incidents_bp.arguments(IncidentOutcomeIn)
    @incidents_bp.response(200, IncidentOut)
    def post(self, body, incident_id):
        with transaction() as session:
            who = caller()
            return incident_view(visits().close_incident(session, str(incident_id), body["outcome"], body["note"], who,
                                                         utcnow()), who)


plans_bp = Blueprint("follow_up_plans", __name__, url_prefix="/follow-up-plans", description="Follow-up programmes (随访)")
follow_ups_bp = Blueprint("follow_ups", __name__, url_prefix="/follow-ups", description="Due follow-ups")


@plans_bp.route("")
class Plans(MethodView):
    @access(HEALTH | {"point_admin"}, "visits:write")
    @plans_bp.arguments(FollowUpPlanIn)
    @plans_bp.response(201, FollowUpPlanOut)
    def post(self, body):
        with transaction() as session:
            plan, first = visits().create_plan(session, body, caller(), utcnow())
        return plan | {"first_due_on": first["due_on"], "first_follow_up_id": first["id"]}


@plans_bp.route("/<uuid:plan_id>/close")
class ClosePlan(MethodView):
    @access(HEALTH | {"point_admin"}, "visits:write")
    @plans_bp.arguments(ClosePlanIn)
    @plans_bp.response(200, FollowUpPlanOut)
    def post(self, body, plan_id):
        """End a follow-up plan with its reason (goals met, refused, lost contact, deceased, moved, other).

        Its open follow-ups are cancelled. `callback_on` asks for a callback after closure
        (结案后回访): a follow-up due that day, which opens no other once recorded. A plan
        closed already is 409 `INVALID_TRANSITION`; case management is closed by case
        managers, doctors and administrators only (403 for others).
        """
        with transaction() as session:
            return visits().close_plan(session, str(plan_id), body, caller(), utcnow())


@follow_ups_bp.route("")
class FollowUpList(MethodView):
    @access(HEALTH | {"point_admin", "city_operator"}, "visits:read")
    @follow_ups_bp.arguments(FollowUpArgs, location="query")
    @follow_ups_bp.response(200, FollowUpPage)
    def get(self, args):
        who = caller()
        point = who.point_filter(args.get("service_point_id"))
        with transaction() as session:
            items, cursor = visits().follow_up_list(session, point, _id(args.get("staff_id")), args.get("overdue"),
                                                    args.get("due_before"), visits().today(utcnow()), args["limit"],
                                                    args["cursor"], domain.hidden_programmes(who.role))
        return {"items": items, "next_cursor": cursor}


@follow_ups_bp.route("/<uuid:follow_up_id>")
class FollowUpOne(MethodView):
    @access(HEALTH | {"point_admin", "city_operator"}, "visits:read")
    @follow_ups_bp.response(200, FollowUpRecordView)
    def get(self, follow_up_id):
        """One follow-up and what was recorded at it.

        A case-management follow-up exists only for case managers, doctors and administrators
        (seed 003: its keeper keeps it confidential); to anyone else it is 404, as is another
        point's follow-up to a point's staff.
        """
        with transaction() as session:
            row = visits().follow_up(session, str(follow_up_id), caller())
        return dict(row._mapping) | {"overdue": row.status == "open" and row.due_on < visits().today(utcnow())}


@follow_ups_bp.route("/<uuid:follow_up_id>/record")
class FollowUpRecord(MethodView):
    @access(HEALTH | {"point_admin"}, "visits:write")
    @follow_ups_bp.arguments(FollowUpRecordIn)
    @follow_ups_bp.response(200, FollowUpRecordOut)
    def post(self, body, follow_up_id):
        """谁随访，谁记录: the record carries the user who visited."""
        with transaction() as session:
            return visits().record_follow_up(session, str(follow_up_id), body, caller(), utcnow()).__dict__


@follow_ups_bp.route("/meeting-rate")
class MeetingRate(MethodView):
    @access(HEALTH | {"point_admin", "city_operator"}, "visits:read")
    @follow_ups_bp.arguments(RateArgs, location="query")
    @follow_ups_bp.response(200)
    def get(self, args):
        """见面率 of home visits due in the period."""
        point = caller().point_filter(args.get("service_point_id"))
        with transaction() as session:
            return visits().meeting_rate(session, point, args["from_"], args["to"])


@follow_ups_bp.route("/meeting-rate/points")
class MeetingRates(MethodView):
    @access(HEALTH | {"point_admin", "city_operator"}, "visits:read")
    @follow_ups_bp.arguments(FiguresArgs, location="query")
    @follow_ups_bp.response(200, PointRatesOut)
    def get(self, args):
        """见面率 of home visits due in the period, per point and in total."""
        point = caller().point_filter(_id(args.get("service_point_id")))
        with transaction() as session:
            return visits().meeting_rates(session, point, args["from_"], args["to"])


prices_bp = Blueprint("prices", __name__, url_prefix="/prices", description="Prices per bath (the settlement's)")
reports_bp = Blueprint("settlement", __name__, url_prefix="/reports", description="The monthly settlement (结算)")
CENTRE = frozenset({"city_operator"})  # the town centre that pays the points (admin always may)


@prices_bp.route("")
class Prices(MethodView):
    @access(CENTRE | {"point_admin"}, "visits:read")
    @prices_bp.arguments(PriceArgs, location="query")
    @prices_bp.response(200, PriceList)
    def get(self, args):
        """The price list with its history: each price per bath from its day on, self-pay
        at a point and the government's per subsidy category (city-wide or for a point)."""
        point = caller().point_filter(_id(args.get("service_point_id")))
        with transaction() as session:
            return {"items": visits().price_list(session, point)}

    @access(CENTRE)  # a person's decision, never an API key's
    @prices_bp.arguments(PriceIn)
    @prices_bp.response(201, PriceOut)
    def post(self, body):
        """The centre sets a price per bath from a day on (today or later): a point's
        self-pay price, or what the government pays for a bath of a subsidy category.
        A user bound to a point sets that point's prices only (403 for another point's or
        a city-wide one)."""
        caller().check_own_point(_id(body.get("service_point_id")))
        with transaction() as session:
            return visits().set_price(session, body, caller(), utcnow())


SETTLEMENT_COLUMNS = ("service_point_id", "name", "visits", "government_visits",
                      *(f"government_{c}" for c in domain.SUBSIDY_CATEGORIES), "self_pay", "undecided", "unpriced",
                      "amount", "self_pay_amount")


def settlement_rows(report: dict) -> list[list]:
    """One row per point and one for all of them, in SETTLEMENT_COLUMNS."""
    def row(point_id, name, figures):
        return [point_id, name, figures["visits"], figures["government_visits"],
                *(figures["government"].get(c, 0) for c in domain.SUBSIDY_CATEGORIES), figures["self_pay"],
                figures["undecided"], figures["unpriced"], figures["amount"], figures["self_pay_amount"]]
    return [row(p["service_point_id"], p["name"], p) for p in report["points"]] + [
        row("total", None, report["totals"])]


@reports_bp.route("/settlement")
class Settlement(MethodView):
    @reports_bp.arguments(SettlementArgs, location="query")
    @reports_bp.response(200)
    @reports_bp.alt_response(200, content_type=downloads.CSV, description="format=csv")
    @reports_bp.alt_response(
        200, content_type=downloads.XLSX, description="format=xlsx")
    @access(CENTRE | {"point_admin"}, "visits:read")
    def get(self, args):
        """The monthly settlement of government-purchased baths: per point and in total, the
        billed visits (checked out in the month, local time; ended early is not billed) by
        funding and subsidy category, and the amounts at the prices in force on each day,
        as JSON, CSV or XLSX."""
        point = caller().point_filter(_id(args.get("service_point_id")))
        with transaction() as session:
            report = visits().settlement(session, args.get("month"), point, utcnow())
        if args["format"] == "json":
            return report
        name = f"settlement-{report['month']}-{point or 'city'}"
        rows = settlement_rows(report)
        if args["format"] == "csv":
            return downloads.csv_file(name, SETTLEMENT_COLUMNS, rows)
        amounts = (len(SETTLEMENT_COLUMNS) - 1, len(SETTLEMENT_COLUMNS))  # the two amounts, as numbers
        return downloads.xlsx_file(name, downloads.sheet(
            report["month"], SETTLEMENT_COLUMNS, (values[:-2] + [float(values[-2]), float(values[-1])] for values in rows),
            {column: "0.00" for column in amounts}))


blueprints = [bookings_bp, visits_bp, incidents_bp, plans_bp, follow_ups_bp, prices_bp, reports_bp]
