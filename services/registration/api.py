"""Registration HTTP API: parse, call the use case, render (masked for the caller)."""
from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint

from kit import caller as callers
from kit import context
from kit.paging import PageArgs, page
from kit.privacy import mask_id_number, mask_phone
from kit.errors import Forbidden, NotFound
from services.registration import domain, service
from services.registration.models import elder_reads, elders, service_points, staff
from services.registration.schemas import (
    AssessmentIn, AssessmentOut, CloseIn, CommitmentIn, CommitmentOut, ConsentIn, ConsentOut, DecisionIn, ElderIn,
    ElderListArgs, ElderOut, ElderPage, ElderPatch, ElderReadArgs, ElderReadPage, Empty, ServicePointIn,
    ServicePointOut, ServicePointPage, ServicePointPatch, StaffArgs, StaffIn, StaffOut, StaffPage, StaffPatch, SubsidyIn, SubsidyOut, SuspendIn,
)

points = Blueprint("service_points", __name__, url_prefix="/service-points", description="Service points (助浴点)")
elders_bp = Blueprint("elders", __name__, url_prefix="/elders", description="Elders (老人登记)")
staff_bp = Blueprint("staff", __name__, url_prefix="/staff", description="Staff and qualifications")
subsidies = Blueprint("subsidies", __name__, url_prefix="/subsidy-applications",
                      description="Home-care subsidy applications (居家养老补贴)")
audit = Blueprint("audit", __name__, url_prefix="/audit", description="Reads of personal data")


def _svc():
    return current_app.extensions["zhuyu.service"]


def _rules() -> domain.Rules:
    return _svc().config.rules


def _today():
    return service.today_in(_svc().settings.timezone)


def elder_view(row: Any, who: callers.Caller) -> dict:
    view = dict(row._mapping)
    rules = _rules()
    view["eligible_for_bathing"] = domain.eligible_for_bathing(row.status, row.latest_assessment_level, rules)
    view["safety_commitment_current"] = domain.commitment_current(row.safety_commitment_version, rules)
    if not who.sees_personal_data:
        view["id_number"] = mask_id_number(row.id_number)
        view["phone"] = mask_phone(row.phone)
        view["emergency_contacts"] = [dict(c, phone=mask_phone(c["phone"])) for c in row.emergency_contacts]
    return view


def staff_view(row: Any, who: callers.Caller) -> dict:
    view = dict(row._mapping)
    if not who.sees_personal_data:
        view["phone"] = mask_phone(row.phone)
    return view


def _elder_for(session, elder_id: str, who: callers.Caller, lock: bool = False) -> Any:
    row = service.get_elder(session, elder_id, lock=lock)
    who.check_point(row.service_point_id)
    return row


@points.route("")
class ServicePoints(MethodView):
    @points.arguments(ServicePointIn)
    @points.response(201, ServicePointOut)
    def post(self, body):
        svc = _svc()
        with svc.store.begin() as session:
            return service.create_service_point(session, svc.outbox, body)._mapping

    @points.arguments(PageArgs, location="query")
    @points.response(200, ServicePointPage)
    def get(self, args):
        who = callers.current()
        query = sa.select(service_points)
        if who.service_point_id:
            query = query.where(service_points.c.id == who.service_point_id)
        with _svc().store.begin() as session:
            rows, cursor = page(session, query, service_points, args["limit"], args["cursor"])
        return {"items": [r._mapping for r in rows], "next_cursor": cursor}


@points.route("/<uuid:point_id>")
class ServicePoint(MethodView):
    @points.response(200, ServicePointOut)
    def get(self, point_id):
        callers.current().check_point(str(point_id))
        with _svc().store.begin() as session:
            return service.get_service_point(session, str(point_id))._mapping

    @points.arguments(ServicePointPatch(partial=True))
    @points.response(200, ServicePointOut)
    def patch(self, body, point_id):
        callers.current().check_point(str(point_id))
        svc = _svc()
        with svc.store.begin() as session:
            return service.update_service_point(session, svc.outbox, str(point_id), body)._mapping


@elders_bp.route("")
class Elders(MethodView):
    @elders_bp.arguments(ElderIn)
    @elders_bp.response(201, ElderOut)
    def post(self, body):
        who = callers.current()
        who.check_point(str(body["service_point_id"]))
        svc = _svc()
        with svc.store.begin() as session:
            return elder_view(service.register_elder(session, svc.outbox, _rules(), body, who.user_id), who)

    @elders_bp.arguments(ElderListArgs, location="query")
    @elders_bp.response(200, ElderPage)
    def get(self, args):
        who = callers.current()
        query = sa.select(elders)
        point = who.point_filter(args.get("service_point_id"))
        if point:
            query = query.where(elders.c.service_point_id == point)
        if args.get("citizen_card_no"):
            query = query.where(elders.c.citizen_card_no == args["citizen_card_no"])
        if args.get("q"):
            query = query.where(elders.c.name.startswith(args["q"], autoescape=True))
        with _svc().store.begin() as session:
            rows, cursor = page(session, query, elders, args["limit"], args["cursor"])
            if who.sees_personal_data:  # unmasked records left the store: each one is a read
                service.record_reads(session, [r.id for r in rows], who.user_id, who.role, context.request_id.get())
        return {"items": [elder_view(r, who) for r in rows], "next_cursor": cursor}


@elders_bp.route("/<uuid:elder_id>")
class Elder(MethodView):
    @elders_bp.response(200, ElderOut)
    def get(self, elder_id):
        who = callers.current()
        with _svc().store.begin() as session:
            row = _elder_for(session, str(elder_id), who)
            service.record_read(session, row.id, who.user_id, who.role, context.request_id.get())
        return elder_view(row, who)

    @elders_bp.arguments(ElderPatch(partial=True))
    @elders_bp.response(200, ElderOut)
    def patch(self, body, elder_id):
        who = callers.current()
        svc = _svc()
        with svc.store.begin() as session:
            _elder_for(session, str(elder_id), who)
            if body.get("service_point_id"):
                who.check_point(str(body["service_point_id"]))
            return elder_view(service.update_elder(session, svc.outbox, _rules(), str(elder_id), body, who.user_id), who)


@elders_bp.route("/by-card/<string:card>")
class ElderByCard(MethodView):
    @elders_bp.response(200)
    def get(self, card):
        """The elder holding this card now, as event-carried state (for the visits service)."""
        who = callers.current()
        with _svc().store.begin() as session:
            row = service.find_by_card(session, card)
            if row is None:
                raise NotFound("card", card, "No elder holds this card.")
            who.check_point(row.service_point_id)
            return service.elder_state(row, _rules())


def _status_action(action: str, schema):
    @elders_bp.route(f"/<uuid:elder_id>/{action}", endpoint=f"elder_{action}")
    class StatusAction(MethodView):
        @elders_bp.arguments(schema)
        @elders_bp.response(200, ElderOut)
        def post(self, body, elder_id):
            who = callers.current()
            svc = _svc()
            with svc.store.begin() as session:
                _elder_for(session, str(elder_id), who)
                row = service.change_status(session, svc.outbox, _rules(), str(elder_id), action, body.get("reason"),
                                            who.user_id)
            return elder_view(row, who)

    StatusAction.__name__ = f"Elder{action.capitalize()}"
    return StatusAction


_status_action("suspend", SuspendIn)
_status_action("reactivate", Empty)
_status_action("close", CloseIn)


@elders_bp.route("/<uuid:elder_id>/assessments")
class Assessments(MethodView):
    @elders_bp.arguments(AssessmentIn)
    @elders_bp.response(201, AssessmentOut)
    def post(self, body, elder_id):
        who = callers.current()
        svc = _svc()
        with svc.store.begin() as session:
            _elder_for(session, str(elder_id), who)
            return service.record_assessment(session, svc.outbox, _rules(), str(elder_id), body, who.user_id)


@elders_bp.route("/<uuid:elder_id>/safety-commitments")
class SafetyCommitments(MethodView):
    @elders_bp.arguments(CommitmentIn)
    @elders_bp.response(201, CommitmentOut)
    def post(self, body, elder_id):
        who = callers.current()
        svc = _svc()
        with svc.store.begin() as session:
            _elder_for(session, str(elder_id), who)
            return service.sign_commitment(session, svc.outbox, _rules(), str(elder_id), body, who.user_id)


@elders_bp.route("/<uuid:elder_id>/consents")
class Consents(MethodView):
    @elders_bp.arguments(ConsentIn)
    @elders_bp.response(201, ConsentOut)
    def post(self, body, elder_id):
        who = callers.current()
        svc = _svc()
        with svc.store.begin() as session:
            _elder_for(session, str(elder_id), who)
            return service.record_consent(session, svc.outbox, _rules(), str(elder_id), body, who.user_id)


@staff_bp.route("")
class StaffList(MethodView):
    @staff_bp.arguments(StaffIn)
    @staff_bp.response(201, StaffOut)
    def post(self, body):
        who = callers.current()
        if body.get("service_point_id") or who.service_point_id:
            who.check_point(str(body.get("service_point_id")))
        svc = _svc()
        with svc.store.begin() as session:
            return staff_view(service.create_staff(session, svc.outbox, _rules(), body, _today()), who)

    @staff_bp.arguments(StaffArgs, location="query")
    @staff_bp.response(200, StaffPage)
    def get(self, args):
        who = callers.current()
        query = sa.select(staff)
        point = who.point_filter(args.get("service_point_id"))
        if point:
            query = query.where(staff.c.service_point_id == point)
        with _svc().store.begin() as session:
            rows, cursor = page(session, query, staff, args["limit"], args["cursor"])
        role = args.get("role")
        return {"items": [staff_view(r, who) for r in rows if not role or role in r.roles], "next_cursor": cursor}


@staff_bp.route("/<uuid:staff_id>")
class StaffMember(MethodView):
    @staff_bp.response(200, StaffOut)
    def get(self, staff_id):
        who = callers.current()
        with _svc().store.begin() as session:
            row = service.get_staff(session, str(staff_id))
        who.check_point(row.service_point_id)
        return staff_view(row, who)

    @staff_bp.arguments(StaffPatch(partial=True))
    @staff_bp.response(200, StaffOut)
    def patch(self, body, staff_id):
        who = callers.current()
        svc = _svc()
        with svc.store.begin() as session:
            who.check_point(service.get_staff(session, str(staff_id)).service_point_id)
            return staff_view(service.update_staff(session, svc.outbox, _rules(), str(staff_id), body, _today()), who)


@subsidies.route("")
class SubsidyApplications(MethodView):
    @subsidies.arguments(SubsidyIn)
    @subsidies.response(201, SubsidyOut)
    def post(self, body):
        who = callers.current()
        with _svc().store.begin() as session:
            _elder_for(session, str(body["elder_id"]), who)
            return service.apply_for_subsidy(session, _rules(), body, _today())._mapping


@subsidies.route("/<uuid:application_id>")
class SubsidyApplication(MethodView):
    @subsidies.response(200, SubsidyOut)
    def get(self, application_id):
        who = callers.current()
        with _svc().store.begin() as session:
            row = service.get_application(session, str(application_id))
            _elder_for(session, row.elder_id, who)
            return row._mapping


def _subsidy_step(step: str):
    @subsidies.route(f"/<uuid:application_id>/{step}", endpoint=f"subsidy_{step}")
    class Step(MethodView):
        @subsidies.arguments(DecisionIn)
        @subsidies.response(200, SubsidyOut)
        def post(self, body, application_id):
            who = callers.current()
            svc = _svc()
            with svc.store.begin() as session:
                _elder_for(session, service.get_application(session, str(application_id)).elder_id, who)
                return service.decide_subsidy(session, svc.outbox, str(application_id), step, body["approved"],
                                              body["note"], who.user_id)._mapping

    Step.__name__ = f"Subsidy{step.capitalize()}"
    return Step


_subsidy_step("review")
_subsidy_step("approve")


@audit.route("/elder-reads")
class ElderReads(MethodView):
    @audit.arguments(ElderReadArgs, location="query")
    @audit.response(200, ElderReadPage)
    def get(self, args):
        who = callers.current()
        if not who.internal and who.role != "admin":
            raise Forbidden("Only administrators may read the audit log.")
        query = sa.select(elder_reads)
        if args.get("elder_id"):
            query = query.where(elder_reads.c.elder_id == args["elder_id"])
        if args.get("user_id"):
            query = query.where(elder_reads.c.user_id == args["user_id"])
        limit = args["limit"]
        after = int(args["cursor"]) if (args.get("cursor") or "").isdigit() else 0
        with _svc().store.begin() as session:
            rows = session.execute(query.where(elder_reads.c.id > after).order_by(elder_reads.c.id).limit(limit + 1)).all()
        more = len(rows) > limit
        rows = rows[:limit]
        return {"items": [r._mapping for r in rows], "next_cursor": str(rows[-1].id) if more and rows else None}


blueprints = [points, elders_bp, staff_bp, subsidies, audit]
