"""Complaints request and response schemas."""
from __future__ import annotations

from datetime import date

import marshmallow as ma
from marshmallow import fields, validate

from kit.fields import Moment
from kit.paging import PageArgs
from services.complaints import domain


MAX_ATTACHMENTS = 20  # references a complaint carries
MAX_ARRANGEMENT_ITEMS = 60  # holidays or make-up days in one year's arrangement (a dozen or so in practice)


class Strict(ma.Schema):
    class Meta:
        unknown = ma.RAISE


class Complainant(Strict):
    name = fields.String(required=True, validate=validate.Length(1, 100))
    phone = fields.String(required=True, validate=validate.Length(3, 32))


class ComplaintIn(Strict):
    channel = fields.String(required=True, validate=validate.OneOf(domain.CHANNELS))
    type = fields.String(required=True, validate=validate.OneOf(domain.TYPES))
    category = fields.String(required=True, validate=validate.OneOf(domain.CATEGORIES))
    service_point_id = fields.UUID(required=True)
    elder_id = fields.UUID(load_default=None, allow_none=True)
    complainant = fields.Nested(Complainant, required=True)
    content = fields.String(required=True, validate=validate.Length(1, 10000))
    severity = fields.String(load_default="normal", validate=validate.OneOf(domain.SEVERITIES))
    attachments = fields.List(fields.String(validate=validate.Length(1, 500)), load_default=list,
                              validate=validate.Length(max=MAX_ATTACHMENTS))
    about_staff_id = fields.UUID(load_default=None, allow_none=True, metadata={
        "description": "The staff member complained of, if named (counted in the recurring-problem analysis)."})


class HistoryEntry(ma.Schema):
    """One step: when, what, who (user and staff), the status after it, and the step's own
    fields (a reply's content, a callback's answers, an escalation's reason and level)."""

    class Meta:
        unknown = ma.INCLUDE  # documented as open: the step's own fields vary by action

    at = fields.DateTime()
    action = fields.String()
    actor = fields.String(allow_none=True)
    actor_staff_id = fields.String(allow_none=True)
    status = fields.String()

    @ma.post_dump(pass_original=True)
    def step_fields(self, data, original, **_kwargs):
        return {**{k: v for k, v in original.items() if k not in self.fields}, **data}


class DeadlineOut(ma.Schema):
    due_at = fields.DateTime()
    met_at = fields.DateTime(allow_none=True)
    working_days = fields.Integer(allow_none=True, metadata={
        "description": "Counted in working days of the calendar (null: clock hours)."})
    provisional = fields.Boolean(metadata={
        "description": "Counted on weekdays alone: the year's official arrangement is not loaded yet; counted "
                       "again when it is."})


class ComplaintOut(ma.Schema):
    id = fields.String()
    channel = fields.String()
    type = fields.String()
    category = fields.String()
    service_point_id = fields.String()
    elder_id = fields.String(allow_none=True)
    complainant = fields.Dict()
    content = fields.String()
    attachments = fields.List(fields.String())
    severity = fields.String()
    status = fields.String()
    owner_staff_id = fields.String(allow_none=True)
    escalation_level = fields.Integer()
    overdue = fields.Boolean()
    follow_ups = fields.Integer()
    follow_ups_short = fields.Integer(metadata={"description": "Follow-ups missing to the minimum (informational)."})
    last_follow_up_at = fields.DateTime(allow_none=True)
    callback_due = fields.Boolean()
    resolution = fields.String(allow_none=True)
    received_at = fields.DateTime()
    resolved_at = fields.DateTime(allow_none=True)
    reopened_at = fields.DateTime(allow_none=True)
    closed_at = fields.DateTime(allow_none=True)
    about_staff_id = fields.String(allow_none=True)
    paused = fields.Boolean(metadata={"description": "The clock waits on the complainant."})
    paused_at = fields.DateTime(allow_none=True)
    pause_reason = fields.String(allow_none=True)
    review_status = fields.String(allow_none=True, metadata={
        "description": "Online media: the quality centre's review of the written reply (pending|approved|returned)."})
    callback_due_at = fields.DateTime(allow_none=True, metadata={
        "description": "The booked next try of a callback that did not reach the complainant."})
    merged_into = fields.String(allow_none=True, metadata={"description": "A duplicate: the record it was merged into."})
    merged = fields.List(fields.String(), metadata={"description": "The duplicates merged into this record."})
    deadlines = fields.Dict(keys=fields.String(), values=fields.Nested(DeadlineOut),
                            metadata={"description": "The current instance of each deadline, by name."})
    history = fields.List(fields.Nested(HistoryEntry))


PHONE = [validate.Length(3, 32),
         validate.Regexp(r"^\+?[0-9][0-9 ()-]*[0-9]$", error="Not a phone number: digits, with + - ( ) or spaces.")]


class ComplaintArgs(PageArgs):
    status = fields.String(validate=validate.OneOf(domain.STATUSES))
    overdue = fields.Boolean()
    service_point_id = fields.UUID()
    complainant_phone = fields.String(validate=PHONE, metadata={
        "description": "A caller's earlier complaints, by number (spaces and dashes do not matter)."})
    paused = fields.Boolean()
    elder_id = fields.UUID(metadata={"description": "The complaints about one elder, whoever filed them."})


class ComplaintPage(ma.Schema):
    items = fields.List(fields.Nested(ComplaintOut))
    next_cursor = fields.String(allow_none=True)


class AssignIn(Strict):
    staff_id = fields.UUID(required=True)


class ReplyIn(Strict):
    content = fields.String(required=True, validate=validate.Length(1, 10000))
    written = fields.Boolean(load_default=False)


class FollowUpIn(Strict):
    note = fields.String(required=True, validate=validate.Length(1, 4000))
    reason_open = fields.String(required=True, validate=validate.Length(1, 2000))


class ResolveIn(Strict):
    resolution = fields.String(required=True, validate=validate.Length(1, 10000))


class CallbackIn(Strict):
    reached = fields.Boolean(load_default=True)
    satisfied = fields.Boolean(load_default=None)
    solved = fields.Boolean(load_default=None, allow_none=True)
    attitude = fields.String(load_default=None, allow_none=True, validate=validate.OneOf(domain.ATTITUDES))
    score = fields.Integer(load_default=None, allow_none=True, validate=validate.Range(*domain.CALLBACK_SCORES))
    charged = fields.Boolean(load_default=None, allow_none=True, metadata={
        "description": "跟您收费了吗: whether staff asked the complainant for money."})
    next_try_at = Moment(load_default=None, allow_none=True, metadata={
        "description": "Not reached: the time the complainant asked to be called (default: after the configured "
                       "wait)."})
    comment = fields.String(load_default="", validate=validate.Length(max=4000))

    @ma.validates_schema
    def satisfied_when_reached(self, data, **_kwargs):
        if data.get("reached", True) and data.get("satisfied") is None:
            raise ma.ValidationError("Say whether the complainant is satisfied.", "satisfied")


class ReasonIn(Strict):
    reason = fields.String(required=True, validate=validate.Length(1, 2000))


class NoteIn(Strict):
    note = fields.String(load_default="", validate=validate.Length(max=4000))


class InvestigationIn(Strict):
    findings = fields.String(required=True, validate=validate.Length(1, 10000))
    verified = fields.Boolean(load_default=None, allow_none=True, metadata={
        "description": "Whether what the complainant reported was confirmed (核实)."})


class PauseIn(Strict):
    reason = fields.String(required=True, validate=validate.Length(1, 2000), metadata={
        "description": "What the desk waits for from the complainant."})


class ReviewIn(Strict):
    approved = fields.Boolean(required=True)
    note = fields.String(load_default="", validate=validate.Length(max=4000))


class MergeIn(Strict):
    into = fields.UUID(required=True, metadata={"description": "The record this duplicate joins."})
    note = fields.String(load_default="", validate=validate.Length(max=4000))


class MisconductIn(Strict):
    staff_id = fields.UUID(required=True)
    verified = fields.Boolean(required=True, validate=validate.Equal(True, error="Only a verified complaint is recorded."))
    note = fields.String(required=True, validate=validate.Length(1, 4000))


class MisconductOut(ma.Schema):
    id = fields.String()
    complaint_id = fields.String()
    staff_id = fields.String()
    service_point_id = fields.String()
    note = fields.String()
    recorded_by = fields.String(allow_none=True)
    created_at = fields.DateTime()


class MisconductArgs(PageArgs):
    staff_id = fields.UUID(load_default=None)
    service_point_id = fields.UUID(load_default=None)


class MisconductPage(ma.Schema):
    items = fields.List(fields.Nested(MisconductOut))
    next_cursor = fields.String(allow_none=True)


class SurveyIn(Strict):
    subject_type = fields.String(required=True, validate=validate.OneOf(domain.SUBJECT_TYPES))
    subject_id = fields.UUID(required=True)
    score = fields.Integer(required=True, validate=validate.Range(*domain.SURVEY_SCORES))
    comment = fields.String(load_default="", validate=validate.Length(max=4000))


class TokenSurveyIn(Strict):
    score = fields.Integer(required=True, validate=validate.Range(*domain.SURVEY_SCORES))
    comment = fields.String(load_default="", validate=validate.Length(max=4000))


class SurveyOut(ma.Schema):
    id = fields.String()
    subject_type = fields.String()
    subject_id = fields.String()
    service_point_id = fields.String()
    score = fields.Integer()
    comment = fields.String()
    created_at = fields.DateTime()


class CallIn(Strict):
    caller = fields.String(required=True, validate=PHONE)
    started_at = Moment(required=True)
    answered = fields.Boolean(required=True)
    duration_s = fields.Integer(required=True, validate=validate.Range(0, 86400))
    agent_id = fields.UUID(load_default=None, allow_none=True,
                           metadata={"description": "The agent's staff id; default: the caller's linked staff member."})
    complaint_id = fields.UUID(load_default=None, allow_none=True)
    recording_ref = fields.String(load_default=None, allow_none=True, validate=validate.Length(1, 200), metadata={
        "description": "Where the telephone system keeps the call's recording."})


class CallTry(ma.Schema):
    at = fields.String()
    by = fields.String(allow_none=True)
    staff_id = fields.String(allow_none=True)
    reached = fields.Boolean()
    note = fields.String()


class CallOut(ma.Schema):
    id = fields.String()
    caller = fields.String()
    started_at = fields.DateTime()
    answered = fields.Boolean()
    duration_s = fields.Integer()
    agent_id = fields.String(allow_none=True)
    complaint_id = fields.String(allow_none=True)
    recording_ref = fields.String(allow_none=True)
    called_back_at = fields.DateTime(allow_none=True, metadata={"description": "A missed call: when the caller was reached."})
    callbacks = fields.List(fields.Nested(CallTry), metadata={"description": "Every try to call back a missed call."})


class CallArgs(PageArgs):
    caller = fields.String(validate=PHONE, metadata={"description": "A caller's earlier calls, by number."})
    answered = fields.Boolean()
    called_back = fields.Boolean(metadata={"description": "With answered=false: missed calls still to call back."})


class CallPage(ma.Schema):
    items = fields.List(fields.Nested(CallOut))
    next_cursor = fields.String(allow_none=True)


class CallBackIn(Strict):
    reached = fields.Boolean(required=True)
    note = fields.String(load_default="", validate=validate.Length(max=2000))


# --- reply templates -------------------------------------------------------------------------

LANGUAGES = ("zh-CN", "en")


class TemplateIn(Strict):
    title = fields.String(required=True, validate=validate.Length(1, 100))
    text = fields.String(required=True, validate=validate.Length(1, 4000))
    category = fields.String(load_default=None, allow_none=True, validate=validate.OneOf(domain.CATEGORIES),
                             metadata={"description": "None: offered for every category."})
    language = fields.String(load_default="zh-CN", validate=validate.OneOf(LANGUAGES))


class TemplateChange(Strict):
    title = fields.String(validate=validate.Length(1, 100))
    text = fields.String(validate=validate.Length(1, 4000))
    category = fields.String(allow_none=True, validate=validate.OneOf(domain.CATEGORIES))
    active = fields.Boolean()


class TemplateOut(ma.Schema):
    id = fields.String()
    title = fields.String()
    text = fields.String()
    category = fields.String(allow_none=True)
    language = fields.String()
    active = fields.Boolean()
    created_by = fields.String(allow_none=True)
    created_at = fields.DateTime()


class TemplateArgs(PageArgs):
    category = fields.String(validate=validate.OneOf(domain.CATEGORIES))
    language = fields.String(validate=validate.OneOf(LANGUAGES))
    include_inactive = fields.Boolean(load_default=False)


class TemplatePage(ma.Schema):
    items = fields.List(fields.Nested(TemplateOut))
    next_cursor = fields.String(allow_none=True)


# --- the working-time calendar ---------------------------------------------------------------

class ArrangementIn(Strict):
    """A year's official arrangement as the State Council's notice states it; the items are
    checked by the rule (`domain.parse_arrangement`)."""

    year = fields.Integer(required=True)
    source = fields.String(required=True, validate=validate.Length(1, 2000),
                           metadata={"description": "The notice: its title, date and address."})
    holidays = fields.List(fields.Dict(), required=True, validate=validate.Length(max=MAX_ARRANGEMENT_ITEMS), metadata={
        "description": "[{\"name\": \"春节\", \"from\": \"2026-02-15\", \"to\": \"2026-02-23\"}, ...]"})
    workdays = fields.List(fields.Dict(), load_default=list, validate=validate.Length(max=MAX_ARRANGEMENT_ITEMS), metadata={
        "description": "Make-up working days (调休上班): [{\"name\": \"春节\", \"date\": \"2026-02-14\"}, ...]"})


class CalendarDay(ma.Schema):
    date = fields.Date()
    name = fields.String()


class CalendarYearOut(ma.Schema):
    year = fields.Integer()
    source = fields.String()
    loaded_at = fields.DateTime()
    holidays = fields.List(fields.Nested(CalendarDay))
    workdays = fields.List(fields.Nested(CalendarDay))


class CalendarSummary(ma.Schema):
    year = fields.Integer()
    source = fields.String()
    loaded_at = fields.DateTime()
    holidays = fields.Integer(metadata={"description": "Days off of the arrangement."})
    workdays = fields.Integer(metadata={"description": "Make-up working days."})


class CalendarOut(ma.Schema):
    years = fields.List(fields.Nested(CalendarSummary))
    timezone = fields.String()
    unloaded_behaviour = fields.String()


class LoadedOut(ma.Schema):
    year = fields.Integer()
    source = fields.String()
    holidays = fields.Integer()
    workdays = fields.Integer()
    recounted_deadlines = fields.Integer(metadata={"description": "Working-day deadlines counted again on it."})


# --- the duty roster and handovers -----------------------------------------------------------

class ShiftIn(Strict):
    starts_at = Moment(required=True)
    ends_at = Moment(required=True)
    staff_ids = fields.List(fields.UUID(), required=True, validate=validate.Length(1, 50))
    note = fields.String(load_default="", validate=validate.Length(max=2000))


class GapOut(ma.Schema):
    starts_at = fields.DateTime()
    ends_at = fields.DateTime()
    seats = fields.Integer()
    required = fields.Integer()


class ShiftOut(ma.Schema):
    id = fields.String()
    starts_at = fields.DateTime()
    ends_at = fields.DateTime()
    staff_ids = fields.List(fields.String())
    seats = fields.Integer()
    note = fields.String()
    calls = fields.Integer()
    answered = fields.Integer()
    answer_rate = fields.Float(allow_none=True)
    created_by = fields.String(allow_none=True)
    created_at = fields.DateTime()
    coverage_gaps = fields.List(fields.Nested(GapOut), metadata={
        "description": "Where that day's roster leaves the desk short (on creation)."})


class ShiftList(ma.Schema):
    items = fields.List(fields.Nested(ShiftOut))
    coverage_gaps = fields.List(fields.Nested(GapOut))


class HandoverIn(Strict):
    note = fields.String(required=True, validate=validate.Length(1, 10000))
    open_items = fields.List(fields.String(validate=validate.Length(1, 1000)), load_default=list,
                             validate=validate.Length(max=100))


class HandoverOut(ma.Schema):
    id = fields.String()
    shift_id = fields.String()
    note = fields.String()
    open_items = fields.List(fields.String())
    pending = fields.Dict(metadata={"description": "What the desk had outstanding when the handover was written."})
    written_by = fields.String(allow_none=True)
    written_by_staff_id = fields.String(allow_none=True)
    accepted_at = fields.DateTime(allow_none=True)
    accepted_by = fields.String(allow_none=True)
    accepted_by_staff_id = fields.String(allow_none=True)
    created_at = fields.DateTime()


class HandoverPage(ma.Schema):
    items = fields.List(fields.Nested(HandoverOut))
    next_cursor = fields.String(allow_none=True)


# Dates and months the figures accept: far enough for any record, near enough for date arithmetic.
DAYS = validate.Range(date(1900, 1, 1), date(2999, 12, 31))


class PeriodArgs(Strict):
    """Whole local days, both inclusive; missing ends default to the current month."""

    from_ = fields.Date(data_key="from", load_default=None, validate=DAYS)
    to = fields.Date(load_default=None, validate=DAYS)


class PeriodPageArgs(PeriodArgs):
    limit = fields.Integer(load_default=50, validate=validate.Range(1, 200))
    cursor = fields.String(load_default=None, validate=validate.Length(max=500))


class SatisfactionArgs(PeriodArgs):
    service_point_id = fields.UUID(load_default=None)


class MonthArgs(Strict):
    month = fields.String(load_default=None, validate=validate.Regexp(r"(19|2[0-9])[0-9]{2}-(0[1-9]|1[0-2])\Z"),
                          metadata={"description": "YYYY-MM, local time; default the current month."})
    service_point_id = fields.UUID(load_default=None, metadata={"description": "None: city-wide."})


class ReportArgs(MonthArgs):
    format = fields.String(load_default="json", validate=validate.OneOf(["json", "csv", "xlsx"]))
    lang = fields.String(load_default=None, validate=validate.OneOf(["zh-CN", "en"]), metadata={
        "description": "csv and xlsx: a report to read, headed and labelled in this language, with the point's "
                       "name, local times and percentages; without it, the machine layout (section, item, value)."})


class SatisfactionOut(ma.Schema):
    responses = fields.Integer()
    satisfied = fields.Integer()
    rate = fields.Float(allow_none=True, metadata={"description": "satisfied / responses, 0–1; null with none."})


class PointStats(ma.Schema):
    service_point_id = fields.String()
    complaints = fields.Integer(metadata={"description": "Records received in the period."})
    with_deadlines = fields.Integer()
    in_time = fields.Integer(metadata={"description": "Of those with deadlines, the ones that met every one."})
    in_time_rate = fields.Float(allow_none=True)
    responses = fields.Integer(metadata={"description": "Surveys answered in the period."})
    satisfied = fields.Integer()
    satisfaction_rate = fields.Float(allow_none=True)


class StatsTotals(PointStats):
    class Meta:
        exclude = ("service_point_id",)


class PointStatsOut(ma.Schema):
    service_point_id = fields.String(allow_none=True)
    points = fields.List(fields.Nested(PointStats), metadata={"description": "Points with a record or a survey."})
    totals = fields.Nested(StatsTotals)
    targets = fields.Dict(keys=fields.String(), values=fields.Float())


class ShiftFigures(ma.Schema):
    shift_id = fields.String()
    starts_at = fields.DateTime()
    ends_at = fields.DateTime()
    seats = fields.Integer()
    calls = fields.Integer()
    answered = fields.Integer()
    answer_rate = fields.Float(allow_none=True)


class HotlineOut(ma.Schema):
    calls = fields.Integer()
    answered = fields.Integer()
    answer_rate = fields.Float(allow_none=True)
    by_shift = fields.List(fields.Nested(ShiftFigures), metadata={"description": "The roster's shifts in the period."})
    coverage_gaps = fields.List(fields.Nested(GapOut), metadata={
        "description": "Where the roster left the desk short (with a roster in the period)."})
