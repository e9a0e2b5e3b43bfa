"""Registration HTTP API: parse, call the use case, render (masked for the caller)."""
from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from kit import context
from kit.access import EVERYONE, access, internal
from kit.caller import Caller
from kit.errors import Forbidden
from kit.paging import PageArgs
from kit.privacy import mask_id_number, mask_phone
from kit.types import utcnow
from kit.web import caller, transaction, use_cases
from services.registration.schemas import (
    AssessmentIn, AssessmentOut, CloseIn, CommitmentIn, CommitmentOut, ConsentIn, ConsentOut, DecisionIn, ElderIn,
    ElderListArgs, ElderOut, ElderPage, ElderPatch, ElderReadArgs, ElderReadPage, Empty, EndSubsidyIn, RecheckArgs,
    ReopenIn, ServicePointIn, ServicePointOut, ServicePointPage, ServicePointPatch, StaffArgs, StaffIn, StaffOut,
    StaffPage, StaffPatch, SubsidyArgs, SubsidyIn, SubsidyOut, SubsidyPage, SuspendIn,
)
from services.registration.service import Registration

points = Blueprint("service_points", __name__, url_prefix="/service-points", description="Service points (助浴点)")
elders_bp = Blueprint("elders", __name__, url_prefix="/elders", description="Elders (老人登记)")
staff_bp = Blueprint("staff", __name__, url_prefix="/staff", description="Staff and qualifications")
subsidies = Blueprint("subsidies", __name__, url_prefix="/subsidy-applications",
                      description="Home-care subsidy applications (居家养老补贴)")
audit = Blueprint("audit", __name__, url_prefix="/audit", description="Reads of personal data")


# Seed 004: the elder applies at the community station, which reviews (审核); the centre
# approves (审批): its city operators.
STATION = frozenset({"point_admin", "case_manager"})
CENTRE = frozenset({"city_operator"})
DECIDES_SUBSIDIES = {"review": STATION, "approve": CENTRE}


def registration() -> Registration:
    return use_cases(Registration)


def _id(value) -> str | None:
    return str(value) if value else None


def elder_view(record: dict, who: Caller) -> dict:
    view = dict(record)
    if not who.sees_personal_data:
        view["id_number"] = mask_id_number(record["id_number"])
        view["phone"] = mask_phone(record["phone"])
        view["emergency_contacts"] = [dict(c, phone=mask_phone(c["phone"])) for c in record["emergency_contacts"]]
    return view


def staff_view(row: Any, who: Caller) -> dict:
    view = dict(row._mapping)
    if not who.sees_personal_data:
        view["phone"] = mask_phone(row.phone)
    return view


def _elder_for(session, elder_id: str, who: Caller, lock: bool = False) -> Any:
    """The elder, if the caller may know of it (another point's is 404, like an unknown one)."""
    row = registration().elder(session, elder_id, lock=lock)
    who.check_point(row.service_point_id, "elder", elder_id)
    return row


@points.route("")
class ServicePoints(MethodView):
    @access()
    @points.arguments(ServicePointIn)
    @points.response(201, ServicePointOut)
    def post(self, body):
        """Open a bathing-assistance point: address, capacity, opening hours, safety reminders."""
        with transaction() as session:
            return registration().create_service_point(session, body, utcnow())._mapping

    @access(EVERYONE)
    @points.arguments(PageArgs, location="query")
    @points.response(200, ServicePointPage)
    def get(self, args):
        """The bathing-assistance points, a page at a time (a caller bound to a point: its own)."""
        who = caller()
        with transaction() as session:
            rows, cursor = registration().service_points(session, who.service_point_id, args["limit"], args["cursor"])
        return {"items": [r._mapping for r in rows], "next_cursor": cursor}


@points.route("/<uuid:point_id>")
class ServicePoint(MethodView):
    @access(EVERYONE, services=("visits",))  # visits asks for a point it holds no copy of yet
    @points.response(200, ServicePointOut)
    def get(self, point_id):
        """One point."""
        caller().check_point(str(point_id), "service point", str(point_id))
        with transaction() as session:
            return registration().service_point(session, str(point_id))._mapping

    @access({"point_admin"})
    @points.arguments(ServicePointPatch(partial=True))
    @points.response(200, ServicePointOut)
    def patch(self, body, point_id):
        """Change a point (any subset of its fields)."""
        caller().check_point(str(point_id), "service point", str(point_id))
        with transaction() as session:
            return registration().update_service_point(session, str(point_id), body, utcnow())._mapping


@elders_bp.route("")
class Elders(MethodView):
    @access({"point_admin"}, "elders:write")
    @elders_bp.arguments(ElderIn)
    @elders_bp.response(201, ElderOut)
    def post(self, body):
        """Register an elder.

        The ID number is checked (GB 11643 check character, gender digit); a card or ID number
        registered already is refused (`DUPLICATE_CITIZEN_CARD`, `DUPLICATE_ID_NUMBER`).
        """
        who = caller()
        who.check_own_point(body["service_point_id"])
        now = utcnow()
        with transaction() as session:
            row = registration().register_elder(session, body, who.user_id, now, reader=who)
        return elder_view(registration().elder_record(row, now), who)

    @access(EVERYONE, "elders:read")
    @elders_bp.arguments(ElderListArgs, location="query")
    @elders_bp.response(200, ElderPage)
    def get(self, args):
        """The elders, a page at a time, filtered by point, card, name or ID number.

        Look an elder up by card with `?citizen_card_no=`: a page of at most one.
        """
        who = caller()
        point = who.point_filter(args.get("service_point_id"))
        if args.get("id_number") and not who.sees_personal_data:
            # a search by the whole number would tell masked roles whether it is registered
            raise Forbidden("Your role may not search by ID number.")
        now = utcnow()
        uc = registration()
        with transaction() as session:
            rows, cursor = uc.elders(session, point, args.get("citizen_card_no"), args.get("q"), args["limit"],
                                     args["cursor"], args.get("id_number"))
            if who.sees_personal_data:  # unmasked records left the store: each one is a read
                uc.record_reads(session, [r.id for r in rows], who.user_id, who.role, context.request_id.get(), now)
        return {"items": [elder_view(uc.elder_record(r, now), who) for r in rows], "next_cursor": cursor}


@elders_bp.route("/<uuid:elder_id>")
class Elder(MethodView):
    @access(EVERYONE, "elders:read")
    @elders_bp.response(200, ElderOut)
    def get(self, elder_id):
        """One elder's record, with the bathing decision (`eligible_for_bathing`)."""
        who = caller()
        now = utcnow()
        with transaction() as session:
            row = _elder_for(session, str(elder_id), who)
            registration().record_reads(session, [row.id], who.user_id, who.role, context.request_id.get(), now)
        return elder_view(registration().elder_record(row, now), who)

    @access({"point_admin"}, "elders:write")
    @elders_bp.arguments(ElderPatch(partial=True))
    @elders_bp.response(200, ElderOut)
    def patch(self, body, elder_id):
        """Change an elder's record (any subset of its fields); a new card number is a reissue."""
        who = caller()
        now = utcnow()
        with transaction() as session:
            _elder_for(session, str(elder_id), who)
            if "service_point_id" in body:
                who.check_own_point(body["service_point_id"])
            row = registration().update_elder(session, str(elder_id), body, who.user_id, now)
        return elder_view(registration().elder_record(row, now), who)


@elders_bp.route("/by-card/<string:card>")
class ElderByCard(MethodView):
    @internal("visits")
    @elders_bp.response(200)
    def get(self, card):
        """The elder holding this card now, as check-in needs it, with registration's bathing
        decision (for the visits service only; clients find an elder by card with
        `GET /elders?citizen_card_no=`, masked and audited like any list)."""
        with transaction() as session:
            return registration().check_in_state(registration().elder_by_card(session, card), utcnow())


@elders_bp.route("/<uuid:elder_id>/point")
class ElderPoint(MethodView):
    @internal("complaints")
    @elders_bp.response(200)
    def get(self, elder_id):
        """The point an elder is registered at, `{"id", "service_point_id"}` and nothing
        personal (for the complaints service only, which checks that the elder a complaint
        names is of the complaint's point)."""
        with transaction() as session:
            row = registration().elder(session, str(elder_id))
        return {"id": row.id, "service_point_id": row.service_point_id}


def _status_action(action: str, schema):
    @elders_bp.route(f"/<uuid:elder_id>/{action}", endpoint=f"elder_{action}")
    class StatusAction(MethodView):
        @access({"point_admin"}, "elders:write")
        @elders_bp.arguments(schema)
        @elders_bp.response(200, ElderOut)
        def post(self, body, elder_id):
            who = caller()
            now = utcnow()
            with transaction() as session:
                _elder_for(session, str(elder_id), who)
                row = registration().change_status(session, str(elder_id), action, body.get("reason"), who.user_id,
                                                   now)
            return elder_view(registration().elder_record(row, now), who)

    StatusAction.__name__ = f"Elder{action.capitalize()}"
    return StatusAction


_status_action("suspend", SuspendIn)
_status_action("reactivate", Empty)
_status_action("close", CloseIn)
_status_action("reopen", ReopenIn)  # 重新开案: a closed record active again, with its history


@elders_bp.route("/<uuid:elder_id>/assessments")
class Assessments(MethodView):
    @access({"point_admin"}, "elders:write")
    @elders_bp.arguments(AssessmentIn)
    @elders_bp.response(201, AssessmentOut)
    def post(self, body, elder_id):
        """Record an assessment (level 0-3).

        Level 2 or more makes the elder eligible for bathing (with the safety commitment).
        """
        who = caller()
        with transaction() as session:
            _elder_for(session, str(elder_id), who)
            return registration().record_assessment(session, str(elder_id), body, who.user_id, utcnow())


@elders_bp.route("/<uuid:elder_id>/safety-commitments")
class SafetyCommitments(MethodView):
    @access({"point_admin"}, "elders:write")
    @elders_bp.arguments(CommitmentIn)
    @elders_bp.response(201, CommitmentOut)
    def post(self, body, elder_id):
        """Record the elder's signature of the safety commitment text in force."""
        who = caller()
        with transaction() as session:
            _elder_for(session, str(elder_id), who)
            return registration().sign_commitment(session, str(elder_id), body, who.user_id, utcnow())


@elders_bp.route("/<uuid:elder_id>/consents")
class Consents(MethodView):
    @access({"point_admin"}, "elders:write")
    @elders_bp.arguments(ConsentIn)
    @elders_bp.response(201, ConsentOut)
    def post(self, body, elder_id):
        """Record a consent given or withdrawn (health data, SMS, sharing with third parties)."""
        who = caller()
        with transaction() as session:
            _elder_for(session, str(elder_id), who)
            return registration().record_consent(session, str(elder_id), body, who.user_id, utcnow())


@staff_bp.route("")
class StaffList(MethodView):
    @access({"point_admin"})
    @staff_bp.arguments(StaffIn)
    @staff_bp.response(201, StaffOut)
    def post(self, body):
        who = caller()
        who.check_own_point(body.get("service_point_id"))
        with transaction() as session:
            return staff_view(registration().create_staff(session, body, utcnow()), who)

    @access(EVERYONE)
    @staff_bp.arguments(StaffArgs, location="query")
    @staff_bp.response(200, StaffPage)
    def get(self, args):
        who = caller()
        point = who.point_filter(args.get("service_point_id"))
        with transaction() as session:
            rows, cursor = registration().staff_list(session, point, args.get("role"), args["limit"], args["cursor"])
        return {"items": [staff_view(r, who) for r in rows], "next_cursor": cursor}


@staff_bp.route("/<uuid:staff_id>")
class StaffMember(MethodView):
    @access(EVERYONE)
    @staff_bp.response(200, StaffOut)
    def get(self, staff_id):
        who = caller()
        with transaction() as session:
            row = registration().staff_member(session, str(staff_id))
        who.check_point(row.service_point_id, "staff member", str(staff_id))
        return staff_view(row, who)

    @access({"point_admin"})
    @staff_bp.arguments(StaffPatch(partial=True))
    @staff_bp.response(200, StaffOut)
    def patch(self, body, staff_id):
        who = caller()
        with transaction() as session:
            who.check_point(registration().staff_member(session, str(staff_id)).service_point_id, "staff member",
                            str(staff_id))
            if "service_point_id" in body:  # moved to another point, or to none, only by a caller bound to none
                who.check_own_point(body["service_point_id"])
            return staff_view(registration().update_staff(session, str(staff_id), body, utcnow()), who)


@subsidies.route("")
class SubsidyApplications(MethodView):
    @access(STATION, "elders:write")
    @subsidies.arguments(SubsidyIn)
    @subsidies.response(201, SubsidyOut)
    def post(self, body):
        """本人申请: checked against the rules at once (`eligible`, `problems`, `reasons`)."""
        who = caller()
        now = utcnow()
        with transaction() as session:
            _elder_for(session, str(body["elder_id"]), who)
            row = registration().apply_for_subsidy(session, body, who.user_id, now)
            return registration().application_view(row, now)

    @access(STATION | CENTRE, "elders:read")
    @subsidies.arguments(SubsidyArgs, location="query")
    @subsidies.response(200, SubsidyPage)
    def get(self, args):
        """The work list (`?status=reviewed`: the centre's), what has waited longest first."""
        who = caller()
        point = who.point_filter(_id(args.get("service_point_id")))
        now = utcnow()
        with transaction() as session:
            rows, cursor = registration().applications(session, point, args.get("status"), args.get("category"),
                                                       _id(args.get("elder_id")), args["limit"], args["cursor"])
        return {"items": [registration().application_view(r, now) for r in rows], "next_cursor": cursor}


@subsidies.route("/rechecks")
class SubsidyRechecks(MethodView):
    @access(STATION | CENTRE, "elders:read")
    @subsidies.arguments(RecheckArgs, location="query")
    @subsidies.response(200, SubsidyPage)
    def get(self, args):
        """The yearly re-check list (复核): approved subsidies about to lapse or lapsed that
        no newer application follows, the soonest first."""
        who = caller()
        point = who.point_filter(_id(args.get("service_point_id")))
        now = utcnow()
        with transaction() as session:
            rows, cursor = registration().rechecks(session, point, now, args["limit"], args["cursor"])
        return {"items": [registration().application_view(r, now) for r in rows], "next_cursor": cursor}


def _application_for(session, application_id: str, who: Caller, lock: bool = False) -> Any:
    row = registration().application(session, application_id, lock=lock)
    _elder_for(session, row.elder_id, who)
    return row


@subsidies.route("/<uuid:application_id>")
class SubsidyApplication(MethodView):
    @access(STATION | CENTRE, "elders:read")
    @subsidies.response(200, SubsidyOut)
    def get(self, application_id):
        who = caller()
        with transaction() as session:
            return registration().application_view(_application_for(session, str(application_id), who), utcnow())


def _subsidy_step(step: str):
    @subsidies.route(f"/<uuid:application_id>/{step}", endpoint=f"subsidy_{step}")
    class Step(MethodView):
        @access(DECIDES_SUBSIDIES[step])  # a person decides: no API key's scope covers it
        @subsidies.arguments(DecisionIn)
        @subsidies.response(200, SubsidyOut)
        def post(self, body, application_id):
            who = caller()
            now = utcnow()
            with transaction() as session:
                _application_for(session, str(application_id), who)
                row = registration().decide_subsidy(session, str(application_id), step, body["approved"],
                                                    body["note"], who.user_id, now)
                return registration().application_view(row, now)

    Step.__name__ = f"Subsidy{step.capitalize()}"
    return Step


_subsidy_step("review")
_subsidy_step("approve")


@subsidies.route("/<uuid:application_id>/end")
class SubsidyEnd(MethodView):
    @access(CENTRE)
    @subsidies.arguments(EndSubsidyIn)
    @subsidies.response(200, SubsidyOut)
    def post(self, body, application_id):
        """The centre ends an approved subsidy (the status it rests on was lost, the elder
        moved): visits checked in from now on are self-paid."""
        who = caller()
        now = utcnow()
        with transaction() as session:
            _application_for(session, str(application_id), who)
            row = registration().end_subsidy(session, str(application_id), body["reason"], who.user_id, now)
            return registration().application_view(row, now)


@audit.route("/elder-reads")
class ElderReads(MethodView):
    @access()
    @audit.arguments(ElderReadArgs, location="query")
    @audit.response(200, ElderReadPage)
    def get(self, args):
        with transaction() as session:
            rows, cursor = registration().elder_reads(session, args.get("elder_id"), args.get("user_id"),
                                                      args["limit"], args["cursor"])
        return {"items": [r._mapping for r in rows], "next_cursor": cursor}


blueprints = [points, elders_bp, staff_bp, subsidies, audit]
