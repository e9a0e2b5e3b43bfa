"""Complaints HTTP API: parse, call the use case, render."""
from __future__ import annotations

import csv
import io
from datetime import datetime
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
from services.complaints.models import complaints
from services.complaints.schemas import (
    AssignIn, CallbackIn, CallIn, CallOut, ComplaintArgs, ComplaintIn, ComplaintOut, ComplaintPage, FollowUpIn,
    MisconductIn, MisconductOut, MonthArgs, NoteIn, PeriodArgs, ReasonIn, ReplyIn, ResolveIn, SurveyIn, SurveyOut,
    TokenSurveyIn,
)
from services.complaints.service import Complaints

complaints_bp = Blueprint("complaints", __name__, url_prefix="/complaints", description="Complaints (投诉)")
surveys_bp = Blueprint("surveys", __name__, url_prefix="/surveys", description="Satisfaction surveys (满意度)")
calls_bp = Blueprint("calls", __name__, url_prefix="/calls", description="Hotline calls")
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


def _owned(session, complaint_id, who, lock: bool = False) -> Any:
    row = _uc().get(session, str(complaint_id), lock=lock)
    who.check_point(row.service_point_id)
    return row


@complaints_bp.route("")
class ComplaintList(MethodView):
    @complaints_bp.arguments(ComplaintIn)
    @complaints_bp.response(201, ComplaintOut)
    def post(self, body):
        who = callers.current()
        who.check_point(str(body["service_point_id"]))
        with _svc().store.begin() as session:
            return render(session, _uc().receive(session, body, who.user_id, utcnow()), who)

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


@complaints_bp.route("/<uuid:complaint_id>")
class ComplaintOne(MethodView):
    @complaints_bp.response(200, ComplaintOut)
    def get(self, complaint_id):
        who = callers.current()
        with _svc().store.begin() as session:
            return render(session, _owned(session, complaint_id, who), who)


def _action(path: str, schema, action_for):
    """POST /complaints/{id}/<path>: one handling step."""

    @complaints_bp.route(f"/<uuid:complaint_id>/{path}", endpoint=f"complaint_{path.replace('-', '_')}")
    class Step(MethodView):
        @complaints_bp.arguments(schema)
        @complaints_bp.response(200, ComplaintOut)
        def post(self, body, complaint_id):
            who = callers.current()
            with _svc().store.begin() as session:
                row = _owned(session, complaint_id, who, lock=True)
                updated = _uc().act(session, row.id, action_for(row, body), body, who.user_id, who.staff_id, utcnow())
                return render(session, updated, who)

    Step.__name__ = "Complaint" + path.title().replace("-", "")
    return Step


_action("assign", AssignIn, lambda row, body: "assign")
_action("replies", ReplyIn, lambda row, body: "result_reply" if row.status == "resolved" else "first_reply")
_action("follow-ups", FollowUpIn, lambda row, body: "follow_up")
_action("resolve", ResolveIn, lambda row, body: "resolve")
_action("callback", CallbackIn, lambda row, body: (
    "callback_unreached" if not body["reached"] else
    "callback_satisfied" if body["satisfied"] else "callback_unsatisfied"))
_action("escalate", ReasonIn, lambda row, body: "escalate")
_action("close", NoteIn, lambda row, body: "close")


@complaints_bp.route("/<uuid:complaint_id>/misconduct")
class Misconduct(MethodView):
    @complaints_bp.arguments(MisconductIn)
    @complaints_bp.response(201, MisconductOut)
    def post(self, body, complaint_id):
        who = callers.current()
        with _svc().store.begin() as session:
            _owned(session, complaint_id, who)
            return _uc().record_misconduct(session, str(complaint_id), str(body["staff_id"]), body["note"],
                                           who.user_id, utcnow())


@surveys_bp.route("")
class Surveys(MethodView):
    @surveys_bp.arguments(SurveyIn)
    @surveys_bp.response(201, SurveyOut)
    def post(self, body):
        who = callers.current()
        with _svc().store.begin() as session:
            who.check_point(_uc().subject_point(session, body["subject_type"], str(body["subject_id"])))
            return _uc().submit_survey(session, body["subject_type"], str(body["subject_id"]), body["score"],
                                       body["comment"], utcnow())._mapping


@surveys_bp.route("/by-token/<string:token>")
class SurveyByToken(MethodView):
    @surveys_bp.arguments(TokenSurveyIn)
    @surveys_bp.response(201, SurveyOut)
    def post(self, body, token):
        """A survey link answered by an elder or family without an account."""
        with _svc().store.begin() as session:
            return _uc().submit_by_token(session, token, body["score"], body["comment"], utcnow())._mapping


@calls_bp.route("")
class Calls(MethodView):
    @calls_bp.arguments(CallIn)
    @calls_bp.response(201, CallOut)
    def post(self, body):
        who = callers.current()
        with _svc().store.begin() as session:
            row = dict(_uc().log_call(session, body, utcnow())._mapping)
        if not who.sees_personal_data:
            row["caller"] = mask_phone(row["caller"])
        return row


def _period(args) -> tuple[datetime, datetime]:
    uc = _uc()
    today = datetime.now(uc.tz).date()
    first = args.get("from_") or today.replace(day=1)
    last = args.get("to") or today
    if last < first:
        raise ApiError(422, "VALIDATION_FAILED", "`to` is before `from`.", errors={"to": ["Before from."]})
    return uc.day_bounds(first, last)


@stats_bp.route("/satisfaction")
class Satisfaction(MethodView):
    @stats_bp.arguments(PeriodArgs, location="query")
    @stats_bp.response(200)
    def get(self, args):
        who = callers.current()
        point = who.point_filter(args.get("service_point_id"))
        with _svc().store.begin() as session:
            return _uc().satisfaction(session, point, *_period(args))


@stats_bp.route("/hotline")
class Hotline(MethodView):
    @stats_bp.arguments(PeriodArgs, location="query")
    @stats_bp.response(200)
    def get(self, args):
        with _svc().store.begin() as session:
            return _uc().hotline(session, *_period(args))


def _month(args) -> str:
    return args.get("month") or datetime.now(_uc().tz).strftime("%Y-%m")


@stats_bp.route("/complaints")
class ComplaintStats(MethodView):
    @stats_bp.arguments(MonthArgs, location="query")
    @stats_bp.response(200)
    def get(self, args):
        who = callers.current()
        point = who.point_filter(args.get("service_point_id"))
        with _svc().store.begin() as session:
            return _uc().monthly(session, _month(args), point)


def report_rows(report: dict) -> list[tuple[str, str, Any]]:
    rows = [("total", "complaints", report["complaints"]), ("in_time", "complaints", report["in_time"]),
            ("in_time", "rate", report["in_time_rate"])]
    for section in ("by_channel", "by_category", "by_type"):
        rows += [(section, key, value) for key, value in sorted(report[section].items())]
    rows += [("satisfaction", key, value) for key, value in report["satisfaction"].items()]
    rows += [("hotline", key, value) for key, value in report["hotline"].items()]
    return rows


@reports_bp.route("/monthly")
class MonthlyReport(MethodView):
    @reports_bp.arguments(MonthArgs, location="query")
    @reports_bp.response(200)
    def get(self, args):
        """The monthly complaint report as JSON, CSV or XLSX (city-wide without a point)."""
        who = callers.current()
        point = who.point_filter(args.get("service_point_id"))
        with _svc().store.begin() as session:
            report = _uc().monthly(session, _month(args), point)
        name = f"complaints-{report['month']}-{point or 'city'}"
        if args["format"] == "json":
            return report
        if args["format"] == "csv":
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            writer.writerow(["section", "item", "value"])
            writer.writerows(report_rows(report))
            return Response(buffer.getvalue().encode("utf-8-sig"), mimetype="text/csv",
                            headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
        from openpyxl import Workbook

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
