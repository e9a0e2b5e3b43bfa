"""Visits request and response schemas."""
from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from kit.fields import Day, Moment
from kit.paging import PageArgs
from services.visits import domain


MAX_CARE_PROBLEMS = 20  # the problems a follow-up's care plan lists


class Strict(ma.Schema):
    class Meta:
        unknown = ma.RAISE


class BookingIn(Strict):
    elder_id = fields.UUID(required=True)
    service_point_id = fields.UUID(required=True)
    slot_start = Moment(required=True)


class BookingOut(ma.Schema):
    id = fields.String()
    elder_id = fields.String()
    service_point_id = fields.String()
    slot_start = fields.DateTime()
    slot_end = fields.DateTime()
    status = fields.String()
    created_at = fields.DateTime()


class BookingArgs(PageArgs):
    service_point_id = fields.UUID()
    elder_id = fields.UUID()
    date = Day()


class BookingPage(ma.Schema):
    items = fields.List(fields.Nested(BookingOut))
    next_cursor = fields.String(allow_none=True)


class Empty(Strict):
    pass


class CheckInIn(Strict):
    citizen_card_no = fields.String(required=True, validate=validate.Length(1, 32))
    service_point_id = fields.UUID(required=True)
    booking_id = fields.UUID(load_default=None, allow_none=True)


class TimelineEntry(ma.Schema):
    action = fields.String()
    at = fields.DateTime()
    actor = fields.String(allow_none=True)
    staff_id = fields.String(allow_none=True)
    details = fields.Dict()


class VisitOut(ma.Schema):
    id = fields.String()
    elder_id = fields.String()
    service_point_id = fields.String()
    booking_id = fields.String(allow_none=True)
    status = fields.String()
    screening = fields.Dict(allow_none=True)
    assistant_staff_id = fields.String(allow_none=True)
    checked_in_at = fields.DateTime()
    bath_started_at = fields.DateTime(allow_none=True)
    rest_started_at = fields.DateTime(allow_none=True)
    checked_out_at = fields.DateTime(allow_none=True)
    early_leave_reason = fields.String(allow_none=True)
    funding = fields.Function(
        lambda visit: ({"source": visit["funding_source"]} | ({"category": visit["funding_category"]}
                                                               if visit["funding_category"] else {})
                       if visit.get("funding_source") else None),
        allow_none=True, metadata={"type": "object", "description": "Who pays, decided at check-in on the subsidy in force then: "
                                                  "{\"source\": \"government\", \"category\"} or "
                                                  "{\"source\": \"self_pay\"}; null for a visit checked in "
                                                  "before funding was recorded."})
    timeline = fields.List(fields.Nested(TimelineEntry))


class VisitArgs(PageArgs):
    service_point_id = fields.UUID()
    date = Day()
    status = fields.String(validate=validate.OneOf(
        ["checked_in", "screened", "refused", "bathing", "resting", "checked_out", "ended_early"]))
    elder_id = fields.UUID(metadata={"description": "One elder's visits (服务对象接受服务情况)."})


class VisitPage(ma.Schema):
    items = fields.List(fields.Nested(VisitOut))
    next_cursor = fields.String(allow_none=True)


class ScreeningIn(Strict):
    mental_state = fields.String(required=True, validate=validate.OneOf(domain.MENTAL_STATES))
    infectious_disease = fields.Boolean(required=True)
    alcohol = fields.Boolean(required=True)
    systolic = fields.Integer(load_default=None, allow_none=True, validate=validate.Range(40, 300))
    diastolic = fields.Integer(load_default=None, allow_none=True, validate=validate.Range(20, 200))
    reminders_given = fields.List(fields.String(validate=validate.OneOf(domain.REMINDERS)), load_default=list,
                                  validate=validate.Length(max=len(domain.REMINDERS)))
    notes = fields.String(load_default="", validate=validate.Length(max=2000))
    staff_id = fields.UUID(load_default=None, allow_none=True, metadata={
        "description": "The staff member who performs the step (qualified, of the visit's point); "
                       "default: the user's linked staff member."})


class ScreeningOut(ma.Schema):
    status = fields.String()
    refusal_reasons = fields.List(fields.String())
    warnings = fields.List(fields.String())
    urgent = fields.Boolean()
    referral_advised = fields.Boolean()
    reminders = fields.List(fields.String())


class BathIn(Strict):
    assistant_staff_id = fields.UUID(required=True)


class EndEarlyIn(Strict):
    reason = fields.String(required=True, validate=validate.OneOf(domain.END_EARLY_REASONS))
    note = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=2000))


class CheckoutIn(Strict):
    early_leave_reason = fields.String(load_default=None, allow_none=True, validate=validate.Length(1, 500))
    staff_id = fields.UUID(load_default=None, allow_none=True, metadata={
        "description": "The staff member who performs the step (qualified, of the visit's point); "
                       "default: the user's linked staff member."})


class RestIn(Strict):
    staff_id = fields.UUID(load_default=None, allow_none=True, metadata={
        "description": "The staff member who performs the step (qualified, of the visit's point); "
                       "default: the user's linked staff member."})


class IncidentIn(Strict):
    kind = fields.String(required=True, validate=validate.OneOf(domain.INCIDENT_KINDS))
    severity = fields.String(required=True, validate=validate.OneOf(domain.SEVERITIES))
    description = fields.String(required=True, validate=validate.Length(1, 4000))


class IncidentOutcomeIn(Strict):
    outcome = fields.String(required=True, validate=validate.OneOf(["first_aid", "family_took_home", "ambulance", "other"]))
    note = fields.String(load_default="", validate=validate.Length(max=4000))


class IncidentOut(ma.Schema):
    id = fields.String()
    visit_id = fields.String()
    elder_id = fields.String()
    service_point_id = fields.String()
    kind = fields.String()
    severity = fields.String()
    description = fields.String()
    outcome = fields.String(allow_none=True)
    outcome_note = fields.String(allow_none=True)
    closed_at = fields.DateTime(allow_none=True)
    created_at = fields.DateTime()


class IncidentArgs(PageArgs):
    service_point_id = fields.UUID()
    from_ = Day(data_key="from", metadata={"description": "First local day reported on."})
    to = Day(metadata={"description": "Last local day reported on."})
    severity = fields.String(validate=validate.OneOf(domain.SEVERITIES))


class IncidentPage(ma.Schema):
    items = fields.List(fields.Nested(IncidentOut))
    next_cursor = fields.String(allow_none=True)


class CareProblem(Strict):
    problem = fields.String(required=True, validate=validate.Length(1, 500))
    goal = fields.String(required=True, validate=validate.Length(1, 500))
    measures = fields.String(required=True, validate=validate.Length(1, 2000))
    responsible = fields.String(required=True, validate=validate.Length(1, 100))


class Reading(Strict):
    measured_on = Day(required=True)
    systolic = fields.Integer(required=True, validate=validate.Range(40, 300), metadata={"example": 146})
    diastolic = fields.Integer(required=True, validate=validate.Range(20, 200), metadata={"example": 88})


class ServiceAgreement(Strict):
    signed_on = Day(required=True)
    signed_by = fields.String(required=True, validate=validate.Length(1, 100), metadata={
        "description": "Who signed for the client (案主 or family).", "example": "本人"})
    services = fields.String(load_default="", validate=validate.Length(max=2000), metadata={"example": "助浴、送餐"})


class FollowUpPlanIn(Strict):
    elder_id = fields.UUID(required=True)
    programme = fields.String(required=True, validate=validate.OneOf(domain.PROGRAMMES), metadata={
        "description": "bp_screening: rechecks after a first high reading, three high days a diagnosis (the "
                       "plan becomes hypertension); high_risk: blood pressure every 6 months; health_check: "
                       "the yearly check of residents 65+."})
    staff_id = fields.UUID(required=True)
    care_plan = fields.List(fields.Nested(CareProblem), load_default=None,
                            validate=validate.Length(max=MAX_CARE_PROBLEMS))
    first_reading = fields.Nested(Reading, load_default=None, metadata={
        "description": "bp_screening: the first high reading, counted among the three days."})
    discharged_on = Day(load_default=None, metadata={
        "description": "A patient just discharged from hospital: the first follow-up comes within the "
                       "deployment's days of it."})
    service_agreement = fields.Nested(ServiceAgreement, load_default=None, metadata={
        "description": "Case management: the service agreement signed at intake."})
    referral_source = fields.String(load_default=None, validate=validate.Length(1, 200), metadata={
        "description": "Case management: where the case came from (接案或转入).", "example": "社区转介"})


class ClosePlanIn(Strict):
    reason = fields.String(required=True, validate=validate.OneOf(domain.CLOSURE_REASONS),
                           metadata={"example": "lost_contact"})
    note = fields.String(load_default="", validate=validate.Length(max=2000))
    callback_on = Day(load_default=None, metadata={
        "description": "A callback after closure (结案后回访): a follow-up due that day."})


class FollowUpOut(ma.Schema):
    id = fields.String()
    plan_id = fields.String()
    elder_id = fields.String()
    programme = fields.String()
    staff_id = fields.String()
    service_point_id = fields.String()
    due_on = fields.Date()
    status = fields.String()
    overdue = fields.Boolean()


class FollowUpRecordView(FollowUpOut):
    """One follow-up with what was recorded at it (nothing yet while it is open)."""
    visited_on = fields.Date(allow_none=True)
    face_to_face = fields.Boolean(allow_none=True)
    classification = fields.String(allow_none=True, metadata={"example": "uncontrolled"})
    referral = fields.Boolean(allow_none=True)
    record = fields.Dict(allow_none=True, metadata={
        "description": "The form as recorded (readings, symptoms, social function, care plan, notes).",
        "example": {"visited_on": "2026-11-30", "face_to_face": True, "systolic": 150, "diastolic": 92}})
    recorded_by = fields.String(allow_none=True, metadata={"description": "The user who visited and recorded it."})


class FollowUpPlanOut(ma.Schema):
    id = fields.String()
    elder_id = fields.String()
    programme = fields.String()
    staff_id = fields.String()
    service_point_id = fields.String()
    active = fields.Boolean()
    first_due_on = fields.Date()
    first_follow_up_id = fields.String()
    details = fields.Dict(allow_none=True, metadata={
        "description": "first_reading, discharged_on, service_agreement, referral_source, closure_note as given."})
    closed_on = fields.Date(allow_none=True)
    closure_reason = fields.String(allow_none=True)
    callback_follow_up_id = fields.String(allow_none=True, metadata={
        "description": "The callback after closure, when one was asked for."})


class FollowUpArgs(PageArgs):
    staff_id = fields.UUID()
    service_point_id = fields.UUID()
    overdue = fields.Boolean()
    due_before = Day()


class FollowUpPage(ma.Schema):
    items = fields.List(fields.Nested(FollowUpOut))
    next_cursor = fields.String(allow_none=True)


class SocialFunction(Strict):
    self_care = fields.String(validate=validate.OneOf(["good", "medium", "poor"]))
    housework = fields.String(validate=validate.OneOf(["good", "medium", "poor"]))
    work = fields.String(validate=validate.OneOf(["good", "medium", "poor", "not_applicable"]))
    learning = fields.String(validate=validate.OneOf(["good", "medium", "poor"]))
    social_contact = fields.String(validate=validate.OneOf(["good", "medium", "poor"]))


class QuarterlyReview(Strict):
    progress = fields.String(required=True, validate=validate.Length(1, 2000), metadata={"example": "目标一已达成"})
    decision = fields.String(required=True, validate=validate.OneOf(["keep_plan", "new_plan"]))


class FollowUpRecordIn(Strict):
    visited_on = Day(required=True)
    face_to_face = fields.Boolean(required=True)
    systolic = fields.Integer(load_default=None, allow_none=True, validate=validate.Range(40, 300))
    diastolic = fields.Integer(load_default=None, allow_none=True, validate=validate.Range(20, 200))
    symptoms = fields.List(fields.String(validate=validate.OneOf(domain.DANGER_SYMPTOMS + ("other",))),
                           load_default=list, validate=validate.Length(max=len(domain.DANGER_SYMPTOMS) + 1))
    adverse_drug_reaction = fields.Boolean(load_default=False, metadata={
        "description": "药物不良反应: seen again within the recheck days."})
    complications = fields.Boolean(load_default=False, metadata={
        "description": "New or worse complications (并发症): referred."})
    social_function = fields.Nested(SocialFunction, load_default=None)
    care_plan = fields.List(fields.Nested(CareProblem), load_default=None,
                            validate=validate.Length(max=MAX_CARE_PROBLEMS))
    review = fields.Nested(QuarterlyReview, load_default=None, metadata={
        "description": "Case management: the quarterly review (阶段性检视) made at this follow-up."})
    notes = fields.String(load_default="", validate=validate.Length(max=4000))


class FollowUpRecordOut(ma.Schema):
    classification = fields.String(allow_none=True, metadata={
        "description": "controlled|uncontrolled|danger (hypertension); normal|high|danger (bp_screening, high_risk)."})
    referral = fields.Boolean()
    emergency = fields.Boolean()
    next_due_on = fields.Date()
    diagnosed = fields.Boolean(metadata={
        "description": "High on three different days: a first diagnosis; the plan is a hypertension one now."})


class RateArgs(Strict):
    service_point_id = fields.UUID(load_default=None)
    from_ = Day(data_key="from", required=True)
    to = Day(required=True)


class FiguresArgs(Strict):
    service_point_id = fields.UUID(load_default=None)
    from_ = Day(data_key="from", required=True)
    to = Day(required=True)

    @ma.validates_schema
    def _span(self, data, **_kwargs):
        if data["to"] < data["from_"]:
            raise ma.ValidationError("`to` is before `from`.", "to")
        if (data["to"] - data["from_"]).days > 366:
            raise ma.ValidationError("A period is at most 367 days.", "to")


class Figures(ma.Schema):
    visits = fields.Integer()
    checked_out = fields.Integer()
    refused = fields.Integer()
    refusals_by_reason = fields.Dict(keys=fields.String(), values=fields.Integer())
    incidents = fields.Integer()
    average_bath_minutes = fields.Float(allow_none=True)
    average_rest_minutes = fields.Float(allow_none=True)


class DayFigures(Figures):
    date = fields.Date()


class PeriodFigures(ma.Schema):
    service_point_id = fields.String(allow_none=True)
    from_ = fields.Date(data_key="from")
    to = fields.Date()
    totals = fields.Nested(Figures)
    days = fields.List(fields.Nested(DayFigures))


class PointDay(ma.Schema):
    date = fields.Date()
    visits = fields.Integer()
    incidents = fields.Integer()


class PointFigures(ma.Schema):
    service_point_id = fields.String()
    visits = fields.Integer()
    checked_out = fields.Integer()
    refused = fields.Integer()
    refusals_by_reason = fields.Dict(keys=fields.String(), values=fields.Integer())
    incidents = fields.Integer()
    days = fields.List(fields.Nested(PointDay), metadata={"description": "Days with a visit or an incident"})


class PointFiguresOut(ma.Schema):
    service_point_id = fields.String(allow_none=True)
    from_ = fields.Date(data_key="from")
    to = fields.Date()
    points = fields.List(fields.Nested(PointFigures), metadata={"description": "Points with a visit in the period"})


class PointRate(ma.Schema):
    service_point_id = fields.String()
    due = fields.Integer()
    face_to_face = fields.Integer()
    rate = fields.Float(allow_none=True)


class RateTotals(ma.Schema):
    due = fields.Integer()
    face_to_face = fields.Integer()
    rate = fields.Float(allow_none=True)


class PointRatesOut(ma.Schema):
    from_ = fields.Date(data_key="from")
    to = fields.Date()
    target = fields.Float()
    totals = fields.Nested(RateTotals)
    points = fields.List(fields.Nested(PointRate), metadata={"description": "Points with a home visit due"})


class RulesOut(ma.Schema):
    max_bath_minutes = fields.Integer()
    min_rest_minutes = fields.Integer()
    safety_commitment_version = fields.String()


class DailyArgs(Strict):
    service_point_id = fields.UUID(required=True)
    date = Day(load_default=None)


class PriceIn(Strict):
    funding = fields.String(required=True, validate=validate.OneOf(domain.FUNDING_SOURCES))
    category = fields.String(load_default=None, validate=validate.Length(1, 32),
                             metadata={"description": "government: the subsidy category."})
    service_point_id = fields.UUID(load_default=None, metadata={
        "description": "self_pay: the point (required); government: the point, or none for the city-wide price."})
    amount = fields.Decimal(required=True, places=2, validate=validate.Range(max=99999999),
                            metadata={"description": "Yuan per bath.", "maximum": 99999999})
    effective_from = Day(required=True, metadata={"description": "From this day on (today or later)."})


class PriceOut(ma.Schema):
    id = fields.String()
    funding = fields.String()
    category = fields.String(allow_none=True)
    service_point_id = fields.String(allow_none=True)
    amount = fields.Decimal(places=2, as_string=True)
    effective_from = fields.Date()
    set_by = fields.String(allow_none=True)
    created_at = fields.DateTime()


class PriceArgs(Strict):
    service_point_id = fields.UUID(load_default=None)


class PriceList(ma.Schema):
    items = fields.List(fields.Nested(PriceOut))


class SettlementArgs(Strict):
    month = fields.String(load_default=None, validate=validate.Regexp(r"(19|2[0-9])[0-9]{2}-(0[1-9]|1[0-2])\Z"),
                          metadata={"description": "YYYY-MM, by the local day of check-out; default the last "
                                                   "month."})
    service_point_id = fields.UUID(load_default=None, metadata={"description": "None: every point."})
    format = fields.String(load_default="json", validate=validate.OneOf(["json", "csv", "xlsx"]))
