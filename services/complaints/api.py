"""Complaints HTTP API: parse, call the use case, render (masked for the caller)."""
from __future__ import annotations

import csv
import io
from typing import Any

from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint

from kit.access import DESK, access
from kit.caller import Caller
from kit.privacy import mask_phone
from kit.types import utcnow
from kit.web import caller, transaction, use_cases
from services.complaints import domain, report as readable
from services.complaints.schemas import (
    AssignIn, CallbackIn, CallIn, CallOut, ComplaintArgs, ComplaintIn, ComplaintOut, ComplaintPage, FollowUpIn,
    HotlineOut, MisconductArgs, MisconductIn, MisconductOut, MisconductPage, MonthArgs, NoteIn, PeriodArgs, PointStatsOut,
    ReasonIn, ReplyIn, ReportArgs, ResolveIn, SatisfactionArgs, SatisfactionOut, SurveyIn, SurveyOut, TokenSurveyIn,
)
from services.complaints.service import Complaints, report_json

complaints_bp = Blueprint("complaints", __name__, url_prefix="/complaints", description="Complaints (投诉)")
surveys_bp = Blueprint("surveys", __name__, url_prefix="/surveys", description="Satisfaction surveys (满意度)")
calls_bp = Blueprint("calls", __name__, url_prefix="/calls", description="Hotline calls (7×24)")
stats_bp = Blueprint("stats", __name__, url_prefix="/stats", description="Figures")
reports_bp = Blueprint("reports", __name__, url_prefix="/reports", description="Monthly reports")


READS_COMPLAINTS = DESK | {"point_admin", "city_operator"}
REPORTS = frozenset({"cs_supervisor", "city_operator", "point_admin"})
# Assigning and escalating are the supervisor's (and the point administrator's).
TAKES_STEP = {step: {"cs_supervisor", "point_admin"} if step in ("assign", "escalate") else DESK | {"point_admin"}
              for step in domain.STEPS}


def complaints() -> Complaints:
    return use_cases(Complaints)


def render(session, row: Any, who: Caller) -> dict:
    view = complaints().view(session, row)
    if not who.sees_personal_data:
        view["complainant"] = dict(view["complainant"], phone=mask_phone(view["complainant"].get("phone")))
    return view


@complaints_bp.route("")
class ComplaintList(MethodView):
    @access(DESK | {"point_admin"}, "complaints:write")
    @complaints_bp.arguments(ComplaintIn)
    @complaints_bp.response(201, ComplaintOut)
    def post(self, body):
        """Record a complaint, suggestion, consultation or praise (客户投诉处理单)."""
        who = caller()
        who.check_point(str(body["service_point_id"]))
        with transaction() as session:
            return render(session, complaints().receive(session, body, who.user_id, who.staff_id, utcnow()), who)

    @access(READS_COMPLAINTS, "complaints:read")
    @complaints_bp.arguments(ComplaintArgs, location="query")
    @complaints_bp.response(200, ComplaintPage)
    def get(self, args):
        who = caller()
        point = who.point_filter(args.get("service_point_id"))
        with transaction() as session:
            rows, cursor = complaints().complaint_list(session, point, args.get("status"), args.get("overdue"),
                                                       args["limit"], args["cursor"])
            return {"items": [render(session, r, who) for r in rows], "next_cursor": cursor}


@complaints_bp.route("/misconduct")
class MisconductList(MethodView):
    @access(READS_COMPLAINTS, "complaints:read")
    @complaints_bp.arguments(MisconductArgs, location="query")
    @complaints_bp.response(200, MisconductPage)
    def get(self, args):
        """Verified misconduct recorded against staff members (`?staff_id=`)."""
        point = caller().point_filter(args.get("service_point_id"))
        staff_id = str(args["staff_id"]) if args.get("staff_id") else None
        with transaction() as session:
            rows, cursor = complaints().misconduct_list(session, point, staff_id, args["limit"], args["cursor"])
        return {"items": [r._mapping for r in rows], "next_cursor": cursor}


@complaints_bp.route("/<uuid:complaint_id>")
class ComplaintOne(MethodView):
    @access(READS_COMPLAINTS, "complaints:read")
    @complaints_bp.response(200, ComplaintOut)
    def get(self, complaint_id):
        """The complaint with its deadlines, escalation level and whole history."""
        who = caller()
        with transaction() as session:
            return render(session, complaints().owned(session, str(complaint_id), who), who)


def _step(path: str, step: str, schema, summary: str):
    """POST /complaints/{id}/<path>: one handling step."""

    @complaints_bp.route(f"/<uuid:complaint_id>/{path}", endpoint=f"complaint_{path.replace('-', '_')}")
    class Step(MethodView):
        @access(TAKES_STEP[step], "complaints:write")
        @complaints_bp.arguments(schema)
        @complaints_bp.response(200, ComplaintOut)
        @complaints_bp.doc(summary=summary)
        def post(self, body, complaint_id):
            who = caller()
            with transaction() as session:
                updated = complaints().act(session, str(complaint_id), step, body, who, utcnow())
                return render(session, updated, who)

    Step.__name__ = "Complaint" + path.title().replace("-", "")
    return Step


_step("assign", "assign", AssignIn, "Assign or reassign the owner")
_step("replies", "reply", ReplyIn, "The first reply before resolution, the reply of the result after it")
_step("follow-ups", "follow_up", FollowUpIn, "A follow-up while unresolved, with why it is open")
_step("resolve", "resolve", ResolveIn, "Handling finished")
_step("callback", "callback", CallbackIn,
      "The callback (回访): satisfied closes, unsatisfied reopens, not reached keeps it due")
_step("escalate", "escalate", ReasonIn, "Escalate one level")
_step("close", "close", NoteIn, "Close a suggestion, consultation or praise")


@complaints_bp.route("/<uuid:complaint_id>/misconduct")
class Misconduct(MethodView):
    @access(DESK | {"point_admin"}, "complaints:write")
    @complaints_bp.arguments(MisconductIn)
    @complaints_bp.response(201, MisconductOut)
    def post(self, body, complaint_id):
        """Record a verified staff-misconduct complaint against the staff member."""
        with transaction() as session:
            return complaints().record_misconduct(session, str(complaint_id), str(body["staff_id"]), body["note"],
                                                  caller(), utcnow())._mapping


@surveys_bp.route("")
class Surveys(MethodView):
    @access(DESK | {"point_admin"}, "complaints:write")
    @surveys_bp.arguments(SurveyIn)
    @surveys_bp.response(201, SurveyOut)
    def post(self, body):
        """A satisfaction evaluation (1–5) of a visit or a complaint, counted under its point."""
        with transaction() as session:
            return complaints().submit_survey(session, body["subject_type"], str(body["subject_id"]), body["score"],
                                              body["comment"], caller(), utcnow())._mapping


@surveys_bp.route("/by-token/<string:token>")
class SurveyByToken(MethodView):
    @access(public=True)
    @surveys_bp.arguments(TokenSurveyIn)
    @surveys_bp.response(201, SurveyOut)
    def post(self, body, token):
        """A survey link answered by an elder or family without an account (single use)."""
        with transaction() as session:
            return complaints().submit_by_token(session, token, body["score"], body["comment"], utcnow())._mapping


@calls_bp.route("")
class Calls(MethodView):
    @access(DESK, "complaints:write")
    @calls_bp.arguments(CallIn)
    @calls_bp.response(201, CallOut)
    def post(self, body):
        """Log a hotline call, answered or abandoned, by the agent who took it (by default
        the caller's linked staff member)."""
        who = caller()
        if body.get("agent_id") is None and who.staff_id:
            body["agent_id"] = who.staff_id
        with transaction() as session:
            row = dict(complaints().log_call(session, body, who, utcnow())._mapping)
        if not who.sees_personal_data:
            row["caller"] = mask_phone(row["caller"])
        return row


def _period(args) -> tuple:
    return complaints().period(args.get("from_"), args.get("to"), utcnow())


@stats_bp.route("/satisfaction")
class Satisfaction(MethodView):
    @access(REPORTS, "complaints:read")
    @stats_bp.arguments(SatisfactionArgs, location="query")
    @stats_bp.response(200, SatisfactionOut)
    def get(self, args):
        """Satisfaction rate: scores of 4 and 5 over responses, per point or city-wide."""
        point = caller().point_filter(args.get("service_point_id"))
        with transaction() as session:
            return complaints().satisfaction(session, point, *_period(args))


@stats_bp.route("/hotline")
class Hotline(MethodView):
    @access(REPORTS, "complaints:read")
    @stats_bp.arguments(PeriodArgs, location="query")
    @stats_bp.response(200, HotlineOut)
    def get(self, args):
        """The hotline's answer rate (the desk is city-wide)."""
        with transaction() as session:
            return complaints().hotline(session, *_period(args))


@stats_bp.route("/points")
class PointStats(MethodView):
    @access(REPORTS, "complaints:read")
    @stats_bp.arguments(SatisfactionArgs, location="query")
    @stats_bp.response(200, PointStatsOut)
    def get(self, args):
        """A period's complaint figures per point (a bound caller: its own): records
        received, in-time handling and satisfaction, with the city's totals and targets."""
        who = caller()
        point = who.point_filter(args.get("service_point_id"))
        with transaction() as session:
            return complaints().point_stats(session, point and str(point), *_period(args), utcnow())


def _monthly(args) -> dict:
    point = caller().point_filter(args.get("service_point_id"))
    with transaction() as session:
        return report_json(complaints().monthly(session, args.get("month"), point, utcnow()))


@stats_bp.route("/complaints")
class ComplaintStats(MethodView):
    @access(REPORTS, "complaints:read")
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


def _file_rows(report: dict, lang: str | None) -> tuple[list[str], list[tuple]]:
    """The file's header and (section, item, value, kind) rows: the machine layout, or the
    readable report in `lang`."""
    if lang is None:
        return ["section", "item", "value"], [(*row, None) for row in report_rows(report)]
    point = report["service_point_id"]
    with transaction() as session:
        name = complaints().point_name(session, point) if point else None
    return readable.headings(lang), readable.readable_rows(report, name, complaints().tz, lang)


@reports_bp.route("/monthly")
class MonthlyReport(MethodView):
    @reports_bp.arguments(ReportArgs, location="query")
    @reports_bp.response(200)
    @reports_bp.alt_response(200, content_type="text/csv", description="format=csv")
    @reports_bp.alt_response(
        200, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", description="format=xlsx")
    @access(REPORTS)
    def get(self, args):
        """The monthly complaint report (月度客户投诉统计分析) of a point or the city, as JSON,
        CSV or XLSX."""
        report = _monthly(args)
        if args["format"] == "json":
            return report
        year, month = (int(part) for part in report["month"].split("-"))
        name = f"complaints-{year:04d}-{month:02d}-{report['service_point_id'] or 'city'}"
        header, rows = _file_rows(report, args["lang"])
        if args["format"] == "csv":
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            writer.writerow(header)
            writer.writerows([section, item, readable.percent_text(value) if kind else value]
                             for section, item, value, kind in rows)
            return Response(buffer.getvalue().encode("utf-8-sig"), mimetype="text/csv",
                            headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
        from openpyxl import Workbook  # only the XLSX download needs it

        book = Workbook()
        sheet = book.active
        sheet.title = report["month"]
        sheet.append(header)
        for section, item, value, kind in rows:
            sheet.append([section, item, value])
            if kind and value is not None:
                sheet.cell(sheet.max_row, 3).number_format = "0.0%"
        buffer = io.BytesIO()
        book.save(buffer)
        return Response(buffer.getvalue(), mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        headers={"Content-Disposition": f'attachment; filename="{name}.xlsx"'})


blueprints = [complaints_bp, surveys_bp, calls_bp, stats_bp, reports_bp]
