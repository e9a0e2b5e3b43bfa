"""Complaints HTTP API: parse, call the use case, render (masked for the caller)."""
from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from kit import downloads
from kit.access import DESK, access
from kit.caller import Caller
from kit.errors import Invalid, NotFound
from kit.privacy import mask_phone, redact_text
from kit.types import utcnow
from kit.web import caller, transaction, use_cases
from services.complaints import domain, report as readable
from services.complaints.schemas import (
    ArrangementIn, AssignIn, CallArgs, CallBackIn, CallbackIn, CalendarOut, CalendarYearOut, CallIn, CallOut, CallPage,
    ComplaintArgs, ComplaintIn, ComplaintOut, ComplaintPage, FollowUpIn, HandoverIn, HandoverOut, HandoverPage,
    HotlineOut, InvestigationIn, LoadedOut, MergeIn, MisconductArgs, MisconductIn, MisconductOut, MisconductPage,
    MonthArgs, NoteIn, PauseIn, PeriodArgs, PeriodPageArgs, PointStatsOut, ReasonIn, ReplyIn, ReportArgs, ResolveIn, ReviewIn,
    SatisfactionArgs, SatisfactionOut, ShiftIn, ShiftList, ShiftOut, SurveyIn, SurveyOut, TemplateArgs, TemplateChange,
    TemplateIn, TemplateOut, TemplatePage, TokenSurveyIn,
)
from services.complaints.service import Complaints, report_json

complaints_bp = Blueprint("complaints", __name__, url_prefix="/complaints", description="Complaints (投诉)")
surveys_bp = Blueprint("surveys", __name__, url_prefix="/surveys", description="Satisfaction surveys (满意度)")
calls_bp = Blueprint("calls", __name__, url_prefix="/calls", description="Hotline calls (7×24)")
stats_bp = Blueprint("stats", __name__, url_prefix="/stats", description="Figures")
reports_bp = Blueprint("reports", __name__, url_prefix="/reports", description="Monthly reports")
calendar_bp = Blueprint("calendar", __name__, url_prefix="/calendar",
                        description="The working-time calendar (public holidays and make-up working days)")
templates_bp = Blueprint("reply_templates", __name__, url_prefix="/reply-templates",
                         description="Reply templates (统一的答复口径)")
duty_bp = Blueprint("duty", __name__, url_prefix="/duty-shifts", description="The hotline's duty roster (值班)")
handovers_bp = Blueprint("handovers", __name__, url_prefix="/handovers", description="Shift handovers (交接班记录)")


READS_COMPLAINTS = DESK | {"point_admin", "city_operator"}
REPORTS = frozenset({"cs_supervisor", "city_operator", "point_admin"})
# Assigning and escalating are the supervisor's (and the point administrator's); reviewing
# an online-media reply is the quality centre's, the desk's supervisors. Anyone handling a
# complaint may record a callback, but the one that closes or reopens it must be
# independent (`domain.check_callback_independent`, 409 CALLBACK_NOT_INDEPENDENT).
SUPERVISES = frozenset({"cs_supervisor", "point_admin"})
TAKES_STEP = {step: SUPERVISES if step in ("assign", "escalate") else
              frozenset({"cs_supervisor"}) if step == "review" else DESK | {"point_admin"}
              for step in domain.STEPS}


def complaints() -> Complaints:
    return use_cases(Complaints)


# Free text in a complaint and its history where a phone or ID number may be typed in.
FREE_TEXT = ("content", "note", "resolution", "reason", "reason_open", "reply")


def _masked_text(entry: dict) -> dict:
    return {k: redact_text(v) if k in FREE_TEXT and isinstance(v, str) else v for k, v in entry.items()}


def render(session, row: Any, who: Caller) -> dict:
    view = complaints().view(session, row)
    if not who.sees_personal_data:
        view["complainant"] = dict(view["complainant"], phone=mask_phone(view["complainant"].get("phone")))
        view = _masked_text(view)
        if isinstance(view.get("history"), list):
            view["history"] = [_masked_text(h) for h in view["history"]]
    return view


@complaints_bp.route("")
class ComplaintList(MethodView):
    @access(DESK | {"point_admin"}, "complaints:write")
    @complaints_bp.arguments(ComplaintIn)
    @complaints_bp.response(201, ComplaintOut)
    def post(self, body):
        """Record a complaint, suggestion, consultation or praise (客户投诉处理单).

        An elder it names is one registered at its point, and a staff member complained of
        works there or at the desk: otherwise 422 on `elder_id` or `about_staff_id`. The elder
        is checked with registration as it stands; if registration does not answer, 503 and
        nothing is recorded.
        """
        who = caller()
        who.check_own_point(body["service_point_id"])
        if body.get("elder_id"):
            complaints().check_elder(str(body["elder_id"]), str(body["service_point_id"]))
        with transaction() as session:
            return render(session, complaints().receive(session, body, who.user_id, who.staff_id, utcnow()), who)

    @access(READS_COMPLAINTS, "complaints:read")
    @complaints_bp.arguments(ComplaintArgs, location="query")
    @complaints_bp.response(200, ComplaintPage)
    def get(self, args):
        """Records by status, overdue flag, point, a paused clock, the complainant's number
        (a caller's earlier complaints) or the elder they are about (an elder's, whoever
        called)."""
        who = caller()
        point = who.point_filter(args.get("service_point_id"))
        with transaction() as session:
            rows, cursor = complaints().complaint_list(session, point, args.get("status"), args.get("overdue"),
                                                       args["limit"], args["cursor"], args.get("complainant_phone"),
                                                       args.get("paused"), args.get("elder_id"))
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
_step("investigation", "investigate", InvestigationIn, "The same-day investigation and verification (调查、核实)")
_step("pause", "pause", PauseIn, "Pause the clock while waiting on the complainant, with the reason")
_step("resume", "resume", NoteIn, "Resume the clock: the complainant answered")
_step("resolve", "resolve", ResolveIn, "Handling finished")
_step("callback", "callback", CallbackIn,
      "The callback (回访): satisfied closes, unsatisfied reopens, not reached books the next try; the one "
      "that closes or reopens is the desk's independent quality check")
_step("escalate", "escalate", ReasonIn, "Escalate one level")
_step("review", "review", ReviewIn,
      "Online media: the quality centre approves (feedback due within 1 h) or returns the written reply")
_step("merge", "merge", MergeIn, "Merge this duplicate into another record of the point (history kept)")
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


def render_call(row, who: Caller) -> dict:
    call = dict(row._mapping)
    if not who.sees_personal_data:
        call["caller"] = mask_phone(call["caller"])
    return call


@calls_bp.route("")
class Calls(MethodView):
    @access(DESK, "complaints:read")
    @calls_bp.arguments(CallArgs, location="query")
    @calls_bp.response(200, CallPage)
    def get(self, args):
        """A caller's earlier calls (`?caller=`, whatever the number's spacing) for the agent
        who answers; missed calls still to call back (`?answered=false&called_back=false`)."""
        who = caller()
        with transaction() as session:
            rows, cursor = complaints().call_list(session, args.get("caller"), args.get("answered"),
                                                  args.get("called_back"), args["limit"], args["cursor"])
        return {"items": [render_call(r, who) for r in rows], "next_cursor": cursor}

    @access(DESK, "complaints:write")
    @calls_bp.arguments(CallIn)
    @calls_bp.response(201, CallOut)
    def post(self, body):
        """Log a hotline call, answered or abandoned, by the agent who took it (by default
        the caller's linked staff member).

        Another `agent_id` must be a staff member registration has told complaints of, of the
        caller's point or of the desk (any point's for a caller bound to none); otherwise 422
        on `agent_id`.
        """
        who = caller()
        if body.get("agent_id") is None and who.staff_id:
            body["agent_id"] = who.staff_id
        with transaction() as session:
            return render_call(complaints().log_call(session, body, who, utcnow()), who)


@calls_bp.route("/<uuid:call_id>/callback")
class CallBack(MethodView):
    @access(DESK, "complaints:write")
    @calls_bp.arguments(CallBackIn)
    @calls_bp.response(200, CallOut)
    def post(self, body, call_id):
        """A try to call back a missed call: reached, it leaves the missed-call list."""
        who = caller()
        with transaction() as session:
            return render_call(complaints().call_back(session, str(call_id), body["reached"], body["note"], who,
                                                      utcnow()), who)


# --- the working-time calendar -------------------------------------------------------------

UNLOADED = ("A working-day deadline that runs into a year whose official arrangement is not loaded is counted on "
            "weekdays (Monday to Friday) for that year and marked provisional; loading the year's arrangement "
            "(PUT /calendar/{year} or `zhuyu calendar load`) counts every such deadline still ahead again.")


@calendar_bp.route("")
class Calendar(MethodView):
    @access(READS_COMPLAINTS)
    @calendar_bp.response(200, CalendarOut)
    def get(self):
        """The years whose official arrangement is loaded, and what happens beyond them."""
        with transaction() as session:
            return {"years": complaints().calendar_years(session), "timezone": str(complaints().tz),
                    "unloaded_behaviour": UNLOADED}


def _known_year(year: int) -> None:
    """A year no calendar can hold is not found (and never reaches the store)."""
    if not domain.is_calendar_year(year):
        raise NotFound("calendar year", str(year), f"No arrangement can be loaded for {year}: years 2000 to 2100.")


@calendar_bp.route("/<int:year>")
class CalendarYear(MethodView):
    @access(READS_COMPLAINTS)
    @calendar_bp.response(200, CalendarYearOut)
    def get(self, year):
        """A loaded year's days off and make-up working days."""
        _known_year(year)
        with transaction() as session:
            return complaints().calendar_year(session, year)

    @access(())
    @calendar_bp.arguments(ArrangementIn)
    @calendar_bp.response(200, LoadedOut)
    def put(self, body, year):
        """Load (or correct) a year's official arrangement, as the State Council's notice
        (国务院办公厅关于部分节假日安排的通知) states it; working-day deadlines still ahead are
        counted again on it."""
        _known_year(year)
        if body["year"] != year:
            raise Invalid({"year": ["The body's year is not the year in the path."]}, "The years differ.")
        with transaction() as session:
            return complaints().load_arrangement(session, body, utcnow())


# --- reply templates --------------------------------------------------------------------------

@templates_bp.route("")
class Templates(MethodView):
    @access(DESK | {"point_admin"}, "complaints:read")
    @templates_bp.arguments(TemplateArgs, location="query")
    @templates_bp.response(200, TemplatePage)
    def get(self, args):
        """Reply templates for a category (with those for any category), in a language."""
        with transaction() as session:
            rows, cursor = complaints().template_list(session, args.get("category"), args.get("language"),
                                                      args["include_inactive"], args["limit"], args["cursor"])
        return {"items": [r._mapping for r in rows], "next_cursor": cursor}

    @access({"cs_supervisor"}, "complaints:write")
    @templates_bp.arguments(TemplateIn)
    @templates_bp.response(201, TemplateOut)
    def post(self, body):
        """A new reply template (the desk's supervisors keep them)."""
        with transaction() as session:
            return complaints().add_template(session, body, caller(), utcnow())._mapping


@templates_bp.route("/<uuid:template_id>")
class Template(MethodView):
    @access({"cs_supervisor"}, "complaints:write")
    @templates_bp.arguments(TemplateChange)
    @templates_bp.response(200, TemplateOut)
    def patch(self, body, template_id):
        """Change a template's wording or category, or retire it (`active: false`)."""
        with transaction() as session:
            return complaints().change_template(session, str(template_id), body)._mapping


# --- the duty roster and handovers ------------------------------------------------------------

@duty_bp.route("")
class Shifts(MethodView):
    @access(DESK, "complaints:read")
    @duty_bp.arguments(PeriodArgs, location="query")
    @duty_bp.response(200, ShiftList)
    def get(self, args):
        """The roster's shifts in a period (whole local days; default the current month),
        each with its calls and answer rate, and where the roster leaves the desk short."""
        start, end = _period(args)
        with transaction() as session:
            use = complaints()
            return {"items": [use.shift_view(session, r) for r in use.shifts(session, start, end)],
                    "coverage_gaps": use.coverage_gaps(session, start, end)}

    @access({"cs_supervisor"}, "complaints:write")
    @duty_bp.arguments(ShiftIn)
    @duty_bp.response(201, ShiftOut)
    def post(self, body):
        """A shift of the 7×24 roster; the answer names where that day's roster leaves the
        desk short (fewer than 8 seats at the peak of the day's calls, 2 at night, 1 at any
        time; each configurable).

        Each of `staff_ids` must be a staff member registration has told complaints of, of
        the caller's point or of the desk (any point's for a caller bound to none); otherwise
        422 on `staff_ids`.
        """
        with transaction() as session:
            return complaints().add_shift(session, body, caller(), utcnow())


@duty_bp.route("/<uuid:shift_id>/handover")
class Handover(MethodView):
    @access(DESK, "complaints:write")
    @duty_bp.arguments(HandoverIn)
    @duty_bp.response(201, HandoverOut)
    def post(self, body, shift_id):
        """The shift's written handover to the next (交接班记录), with what is left open."""
        with transaction() as session:
            return complaints().handover(session, str(shift_id), body["note"], body["open_items"], caller(),
                                         utcnow())._mapping


@handovers_bp.route("")
class Handovers(MethodView):
    @access(DESK, "complaints:read")
    @handovers_bp.arguments(PeriodPageArgs, location="query")
    @handovers_bp.response(200, HandoverPage)
    def get(self, args):
        """Handovers written in a period (whole local days; default the current month)."""
        start, end = _period(args)
        with transaction() as session:
            rows, cursor = complaints().handover_list(session, start, end, args["limit"], args["cursor"])
        return {"items": [r._mapping for r in rows], "next_cursor": cursor}


@handovers_bp.route("/<uuid:handover_id>/accept")
class TakeOver(MethodView):
    @access(DESK, "complaints:write")
    @handovers_bp.response(200, HandoverOut)
    def post(self, handover_id):
        """The next shift takes over (once; not by whoever wrote the handover)."""
        with transaction() as session:
            return complaints().accept_handover(session, str(handover_id), caller(), utcnow())._mapping


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
        ("report", "month", report["month"]), ("report", "period_from", report["period_from"]),
        ("report", "period_to", report["period_to"]),
        ("report", "service_point_id", report["service_point_id"] or "city"),
        ("report", "as_of", report["as_of"]), ("total", "complaints", report["complaints"]),
        ("total", "merged", report["merged"])]
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
    name = _point_name(report["service_point_id"])
    return readable.headings(lang), readable.readable_rows(report, name, complaints().tz, lang)


@reports_bp.route("/monthly")
class MonthlyReport(MethodView):
    @reports_bp.arguments(ReportArgs, location="query")
    @reports_bp.response(200)
    @reports_bp.alt_response(200, content_type=downloads.CSV, description="format=csv")
    @reports_bp.alt_response(
        200, content_type=downloads.XLSX, description="format=xlsx")
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
            return downloads.csv_file(name, header, ([section, item, readable.percent_text(value) if kind else value]
                                                     for section, item, value, kind in rows))
        if args["lang"] is not None:
            body = readable.workbook(report, _point_name(report["service_point_id"]), complaints().tz, args["lang"])
        else:
            body = downloads.sheet(report["month"], header, ([section, item, value] for section, item, value, _ in rows))
        return downloads.xlsx_file(name, body)


def _point_name(point: str | None) -> str | None:
    if not point:
        return None
    with transaction() as session:
        return complaints().point_name(session, point)


blueprints = [complaints_bp, surveys_bp, calls_bp, stats_bp, reports_bp, calendar_bp, templates_bp, duty_bp,
              handovers_bp]
