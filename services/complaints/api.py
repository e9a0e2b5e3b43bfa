"""Complaints HTTP API: parse, call the use case, render (masked for the caller)."""
from __future__ import annotations

import csv
import io
from typing import Any

import sqlalchemy as sa
from flask import Response, current_app
from flask.views import MethodView
from flask_smorest import Blueprint

from kit import caller as callers
from kit.paging import page
from kit.privacy import mask_phone
from kit.types import utcnow
from kit.web import ApiError
from services.complaints import domain
from services.complaints.domain import DomainError
from services.complaints.models import complaints, misconduct
from services.complaints.schemas import (
    AssignIn, CallbackIn, CallIn, CallOut, ComplaintArgs, ComplaintIn, ComplaintOut, ComplaintPage, FollowUpIn,
    HotlineOut, MisconductArgs, MisconductIn, MisconductOut, MisconductPage, MonthArgs, NoteIn, PeriodArgs, ReasonIn,
    ReplyIn, ReportArgs, ResolveIn, SatisfactionArgs, SatisfactionOut, SurveyIn, SurveyOut, TokenSurveyIn,
)
from services.complaints.service import Complaints, report_json

complaints_bp = Blueprint("complaints", __name__, url_prefix="/complaints", description="Complaints (投诉)")
surveys_bp = Blueprint("surveys", __name__, url_prefix="/surveys", description="Satisfaction surveys (满意度)")
calls_bp = Blueprint("calls", __name__, url_prefix="/calls", description="Hotline calls (7×24)")
stats_bp = Blueprint("stats", __name__, url_prefix="/stats", description="Figures")
reports_bp = Blueprint("reports", __name__, url_prefix="/reports", description="Monthly reports")


def _svc():
    return current_app.extensions["zhuyu.service"]


def _uc() -> Complaints:
    return _svc().config.use_cases


def render(session, row: Any, who: callers.Caller) -> dict:
    view = _uc().view(session, row)
    if not who.sees_personal_data:
        view["complainant"] = dict(view["complainant"], phone=mask_phone(view["complainant"].get("phone")))
    return view


def _owned(session, complaint_id, who: callers.Caller, lock: bool = False) -> Any:
    row = _uc().get(session, str(complaint_id), lock=lock)
    who.check_point(row.service_point_id)
    return row


@complaints_bp.route("")
class ComplaintList(MethodView):
    @complaints_bp.arguments(ComplaintIn)
    @complaints_bp.response(201, ComplaintOut)
    def post(self, body):
        """Record a complaint, suggestion, consultation or praise (客户投诉处理单)."""
        who = callers.current()
        who.check_point(str(body["service_point_id"]))
        with _svc().store.begin() as session:
            return render(session, _uc().receive(session, body, who.user_id, who.staff_id, utcnow()), who)

    @complaints_bp.arguments(ComplaintArgs, location="query")
    @complaints_bp.response(200, ComplaintPage)
    def get(self, args):
        who = callers.current()
        query = sa.select(complaints)
        point = who.point_filter(args.get("service_point_id"))
        if point:
            query = query.where(complaints.c.service_point_id == point)
        if args.get("status"):
            query = query.where(complaints.c.status == args["status"])
        if args.get("overdue") is not None:
            query = query.where(complaints.c.overdue == args["overdue"])
        with _svc().store.begin() as session:
            rows, cursor = page(session, query, complaints, args["limit"], args["cursor"])
            return {"items": [render(session, r, who) for r in rows], "next_cursor": cursor}


@complaints_bp.route("/misconduct")
class MisconductList(MethodView):
    @complaints_bp.arguments(MisconductArgs, location="query")
    @complaints_bp.response(200, MisconductPage)
    def get(self, args):
        """Verified misconduct recorded against staff members (`?staff_id=`)."""
        who = callers.current()
        query = sa.select(misconduct)
        point = who.point_filter(args.get("service_point_id"))
        if point:
            query = query.where(misconduct.c.service_point_id == point)
        if args.get("staff_id"):
            query = query.where(misconduct.c.staff_id == str(args["staff_id"]))
        with _svc().store.begin() as session:
            rows, cursor = page(session, query, misconduct, args["limit"], args["cursor"])
        return {"items": [r._mapping for r in rows], "next_cursor": cursor}


@complaints_bp.route("/<uuid:complaint_id>")
class ComplaintOne(MethodView):
    @complaints_bp.response(200, ComplaintOut)
    def get(self, complaint_id):
        """The complaint with its deadlines, escalation level and whole history."""
        who = callers.current()
        with _svc().store.begin() as session:
            return render(session, _owned(session, complaint_id, who), who)


def _step(path: str, schema, action_for, summary: str):
    """POST /complaints/{id}/<path>: one handling step."""

    @complaints_bp.route(f"/<uuid:complaint_id>/{path}", endpoint=f"complaint_{path.replace('-', '_')}")
    class Step(MethodView):
        @complaints_bp.arguments(schema)
        @complaints_bp.response(200, ComplaintOut)
        @complaints_bp.doc(summary=summary)
        def post(self, body, complaint_id):
            who = callers.current()
            with _svc().store.begin() as session:
                row = _owned(session, complaint_id, who, lock=True)
                updated = _uc().act(session, row, action_for(row, body), body, who.user_id, who.staff_id, utcnow())
                return render(session, updated, who)

    Step.__name__ = "Complaint" + path.title().replace("-", "")
    return Step


_step("assign", AssignIn, lambda row, body: "assign", "Assign or reassign the owner")
_step("replies", ReplyIn, lambda row, body: domain.reply_action(row.status),
      "The first reply before resolution, the reply of the result after it")
_step("follow-ups", FollowUpIn, lambda row, body: "follow_up", "A follow-up while unresolved, with why it is open")
_step("resolve", ResolveIn, lambda row, body: "resolve", "Handling finished")
_step("callback", CallbackIn, lambda row, body: domain.callback_action(body["reached"], body.get("satisfied")),
      "The callback (回访): satisfied closes, unsatisfied reopens, not reached keeps it due")
_step("escalate", ReasonIn, lambda row, body: "escalate", "Escalate one level")
_step("close", NoteIn, lambda row, body: "close", "Close a suggestion, consultation or praise")


@complaints_bp.route("/<uuid:complaint_id>/misconduct")
class Misconduct(MethodView):
    @complaints_bp.arguments(MisconductIn)
    @complaints_bp.response(201, MisconductOut)
    def post(self, body, complaint_id):
        """Record a verified staff-misconduct complaint against the staff member."""
        who = callers.current()
        with _svc().store.begin() as session:
            row = _owned(session, complaint_id, who, lock=True)
            return _uc().record_misconduct(session, row, str(body["staff_id"]), body["note"], who.user_id,
                                           who.staff_id, utcnow())._mapping


@surveys_bp.route("")
class Surveys(MethodView):
    @surveys_bp.arguments(SurveyIn)
    @surveys_bp.response(201, SurveyOut)
    def post(self, body):
        """A satisfaction evaluation (1–5) of a visit or a complaint, counted under its point."""
        who = callers.current()
        subject_id = str(body["subject_id"])
        with _svc().store.begin() as session:
            point = _uc().subject_point(session, body["subject_type"], subject_id)
            who.check_point(point)
            return _uc().submit_survey(session, body["subject_type"], subject_id, point, body["score"],
                                       body["comment"], utcnow())._mapping


@surveys_bp.route("/by-token/<string:token>")
class SurveyByToken(MethodView):
    @surveys_bp.arguments(TokenSurveyIn)
    @surveys_bp.response(201, SurveyOut)
    def post(self, body, token):
        """A survey link answered by an elder or family without an account (single use)."""
        with _svc().store.begin() as session:
            return _uc().submit_by_token(session, token, body["score"], body["comment"], utcnow())._mapping


@calls_bp.route("")
class Calls(MethodView):
    @calls_bp.arguments(CallIn)
    @calls_bp.response(201, CallOut)
    def post(self, body):
        """Log a hotline call, answered or abandoned."""
        who = callers.current()
        with _svc().store.begin() as session:
            if body.get("complaint_id"):
                who.check_point(_uc().linked_complaint_point(session, str(body["complaint_id"])))
            row = dict(_uc().log_call(session, body, utcnow())._mapping)
        if not who.sees_personal_data:
            row["caller"] = mask_phone(row["caller"])
        return row


def _period(args) -> tuple:
    uc = _uc()
    try:
        first, last = domain.default_period(uc.today(utcnow()), args.get("from_"), args.get("to"))
    except DomainError as error:
        raise ApiError(422, "VALIDATION_FAILED", error.detail, errors={"to": [error.detail]}) from None
    return uc.bounds(first, last)


@stats_bp.route("/satisfaction")
class Satisfaction(MethodView):
    @stats_bp.arguments(SatisfactionArgs, location="query")
    @stats_bp.response(200, SatisfactionOut)
    def get(self, args):
        """Satisfaction rate: scores of 4 and 5 over responses, per point or city-wide."""
        who = callers.current()
        point = who.point_filter(args.get("service_point_id"))
        with _svc().store.begin() as session:
            return _uc().satisfaction(session, point, *_period(args))


@stats_bp.route("/hotline")
class Hotline(MethodView):
    @stats_bp.arguments(PeriodArgs, location="query")
    @stats_bp.response(200, HotlineOut)
    def get(self, args):
        """The hotline's answer rate (the desk is city-wide)."""
        with _svc().store.begin() as session:
            return _uc().hotline(session, *_period(args))


def _monthly(args) -> dict:
    who = callers.current()
    point = who.point_filter(args.get("service_point_id"))
    now = utcnow()
    month = args.get("month") or domain.month_of(_uc().today(now))
    with _svc().store.begin() as session:
        return report_json(_uc().monthly(session, month, point, now))


@stats_bp.route("/complaints")
class ComplaintStats(MethodView):
    @stats_bp.arguments(MonthArgs, location="query")
    @stats_bp.response(200)
    def get(self, args):
        """A month's complaint figures: counts by channel, category and type, in-time rate,
        satisfaction and the hotline's answer rate."""
        return _monthly(args)


def report_rows(report: dict) -> list[tuple[str, str, Any]]:
    """The report as (section, item, value) rows, for CSV and XLSX."""
    rows: list[tuple[str, str, Any]] = [
        ("report", "month", report["month"]), ("report", "service_point_id", report["service_point_id"] or "city"),
        ("report", "as_of", report["as_of"]), ("total", "complaints", report["complaints"])]
    for section in ("by_channel", "by_category", "by_type"):
        rows += [(section, key, value) for key, value in report[section].items()]
    rows += [("in_time", "with_deadlines", report["with_deadlines"]), ("in_time", "complaints", report["in_time"]),
             ("in_time", "rate", report["in_time_rate"])]
    for section in ("satisfaction", "hotline", "targets", "targets_met"):
        rows += [(section, key, value) for key, value in report[section].items()]
    return rows


@reports_bp.route("/monthly")
class MonthlyReport(MethodView):
    @reports_bp.arguments(ReportArgs, location="query")
    @reports_bp.response(200)
    @reports_bp.alt_response(200, content_type="text/csv", description="format=csv")
    @reports_bp.alt_response(
        200, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", description="format=xlsx")
    def get(self, args):
        """The monthly complaint report (月度客户投诉统计分析) of a point or the city, as JSON,
        CSV or XLSX."""
        report = _monthly(args)
        if args["format"] == "json":
            return report
        year, month = (int(part) for part in report["month"].split("-"))
        name = f"complaints-{year:04d}-{month:02d}-{report['service_point_id'] or 'city'}"
        if args["format"] == "csv":
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            writer.writerow(["section", "item", "value"])
            writer.writerows(report_rows(report))
            return Response(buffer.getvalue().encode("utf-8-sig"), mimetype="text/csv",
                            headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
        from openpyxl import Workbook  # only the XLSX download needs it

        book = Workbook()
        sheet = book.active
        sheet.title = report["month"]
        sheet.append(["section", "item", "value"])
        for row in report_rows(report):
            sheet.append(list(row))
        buffer = io.BytesIO()
        book.save(buffer)
        return Response(buffer.getvalue(), mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        headers={"Content-Disposition": f'attachment; filename="{name}.xlsx"'})


blueprints = [complaints_bp, surveys_bp, calls_bp, stats_bp, reports_bp]
