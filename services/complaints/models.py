"""Complaints tables: complaints with history and deadlines, surveys, hotline calls,
and read models of staff and visits kept from events."""
from __future__ import annotations

import sqlalchemy as sa

from kit.messaging import messaging_tables
from kit.types import UtcDateTime

metadata = sa.MetaData()
messaging = messaging_tables(metadata)

complaints = sa.Table(
    "complaints",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("channel", sa.String(16), nullable=False),
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("category", sa.String(24), nullable=False),
    sa.Column("service_point_id", sa.String(36), nullable=False, index=True),
    sa.Column("elder_id", sa.String(36)),
    sa.Column("complainant", sa.JSON, nullable=False),
    # The complainant's number in digits only: a caller's earlier complaints are found by it.
    sa.Column("complainant_phone", sa.String(32), index=True),
    sa.Column("about_staff_id", sa.String(36)),  # the staff member complained of, if named
    sa.Column("content", sa.Text, nullable=False),
    sa.Column("attachments", sa.JSON, nullable=False),
    sa.Column("severity", sa.String(8), nullable=False),
    sa.Column("status", sa.String(12), nullable=False, index=True),
    sa.Column("owner_staff_id", sa.String(36)),
    sa.Column("escalation_level", sa.Integer, nullable=False),
    sa.Column("overdue", sa.Boolean, nullable=False),
    sa.Column("follow_ups", sa.Integer, nullable=False),
    sa.Column("last_follow_up_at", UtcDateTime()),
    sa.Column("resolution", sa.Text),
    sa.Column("received_at", UtcDateTime(), nullable=False),
    sa.Column("resolved_at", UtcDateTime()),
    sa.Column("reopened_at", UtcDateTime()),
    sa.Column("closed_at", UtcDateTime()),
    sa.Column("paused_at", UtcDateTime()),  # the clock waits on the complainant since
    sa.Column("pause_reason", sa.Text),
    sa.Column("review_status", sa.String(12)),  # online media: the quality centre's review
    sa.Column("callback_at", UtcDateTime()),  # an unreached callback's booked next try
    sa.Column("merged_into", sa.String(36), index=True),  # a duplicate: the record it joined
    sa.Column("created_at", UtcDateTime(), nullable=False),
    # The monthly statistics read a month's records, of the city or of one point.
    sa.Index("ix_complaints_received", "received_at"),
    sa.Index("ix_complaints_point_received", "service_point_id", "received_at"),
)

history = sa.Table(
    "complaint_history",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("complaint_id", sa.String(36), nullable=False, index=True),
    sa.Column("at", UtcDateTime(), nullable=False),
    sa.Column("action", sa.String(32), nullable=False),
    sa.Column("actor", sa.String(64)),
    sa.Column("staff_id", sa.String(36)),
    sa.Column("details", sa.JSON, nullable=False),
)

deadlines = sa.Table(
    "deadlines",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("complaint_id", sa.String(36), nullable=False, index=True),
    sa.Column("name", sa.String(32), nullable=False),
    sa.Column("starts_at", UtcDateTime(), nullable=False),
    sa.Column("due_at", UtcDateTime(), nullable=False),
    sa.Column("met_at", UtcDateTime()),
    sa.Column("working_days", sa.Integer),  # counted in working days of the calendar
    sa.Column("provisional", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Index("ix_deadlines_open", "met_at", "due_at"),
    sa.UniqueConstraint("complaint_id", "name", "due_at", name="uq_deadline_instance"),
)

# What the deadline watcher fired; the key makes a second firing impossible.
fired_alerts = sa.Table(
    "fired_alerts",
    metadata,
    sa.Column("complaint_id", sa.String(36), primary_key=True),
    sa.Column("name", sa.String(32), primary_key=True),
    sa.Column("due_at", UtcDateTime(), primary_key=True),
    sa.Column("level", sa.String(8), primary_key=True),
    sa.Column("fired_at", UtcDateTime(), nullable=False),
)

misconduct = sa.Table(
    "misconduct_records",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("complaint_id", sa.String(36), nullable=False),
    sa.Column("staff_id", sa.String(36), nullable=False, index=True),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("service_point_id", sa.String(36), nullable=False),
    sa.Column("recorded_by", sa.String(64)),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.UniqueConstraint("complaint_id", "staff_id", name="uq_misconduct_complaint_staff"),
)

surveys = sa.Table(
    "surveys",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("subject_type", sa.String(12), nullable=False),
    sa.Column("subject_id", sa.String(36), nullable=False),
    sa.Column("service_point_id", sa.String(36), nullable=False, index=True),
    sa.Column("score", sa.Integer, nullable=False),
    sa.Column("comment", sa.Text, nullable=False),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.UniqueConstraint("subject_type", "subject_id", name="uq_survey_subject"),  # one answer per subject
)

# A survey link for elders without an account: one token, one answer.
survey_invitations = sa.Table(
    "survey_invitations",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("token", sa.String(64), nullable=False, unique=True),
    sa.Column("subject_type", sa.String(12), nullable=False),
    sa.Column("subject_id", sa.String(36), nullable=False, unique=True),
    sa.Column("service_point_id", sa.String(36), nullable=False),
    sa.Column("elder_id", sa.String(36)),
    sa.Column("survey_id", sa.String(36)),
    sa.Column("created_at", UtcDateTime(), nullable=False),
)

calls = sa.Table(
    "calls",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("caller", sa.String(32), nullable=False),
    sa.Column("started_at", UtcDateTime(), nullable=False, index=True),
    sa.Column("answered", sa.Boolean, nullable=False),
    sa.Column("duration_s", sa.Integer, nullable=False),
    sa.Column("agent_id", sa.String(36)),
    sa.Column("complaint_id", sa.String(36)),
    sa.Column("caller_digits", sa.String(32), index=True),  # the number in digits: a caller's history
    sa.Column("recording_ref", sa.String(200)),  # where the telephone system keeps the recording
    sa.Column("called_back_at", UtcDateTime()),  # a missed call: when the desk reached the caller
    sa.Column("callbacks", sa.JSON, nullable=False, server_default="[]"),  # every try: at, by, reached, note
    sa.Column("created_at", UtcDateTime(), nullable=False),
)

# The working-time calendar: each year's official arrangement (days off, make-up working
# days), as shipped in calendars/ or loaded by an operator.
calendar_years = sa.Table(
    "calendar_years",
    metadata,
    sa.Column("year", sa.Integer, primary_key=True),
    sa.Column("source", sa.String(500), nullable=False),
    sa.Column("loaded_at", UtcDateTime(), nullable=False),
)

calendar_days = sa.Table(
    "calendar_days",
    metadata,
    sa.Column("day", sa.Date, primary_key=True),
    sa.Column("year", sa.Integer, nullable=False, index=True),  # the arrangement it belongs to
    sa.Column("working", sa.Boolean, nullable=False),  # False: a holiday; True: a make-up working day
    sa.Column("name", sa.String(50), nullable=False),
)

# Reply templates (统一的答复口径), kept as data the desk maintains.
reply_templates = sa.Table(
    "reply_templates",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("title", sa.String(100), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("category", sa.String(24)),  # None: any category
    sa.Column("language", sa.String(8), nullable=False),
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("created_by", sa.String(64)),
    sa.Column("created_at", UtcDateTime(), nullable=False),
)

# The hotline's duty roster (值班) and its written handovers (交接班记录).
duty_shifts = sa.Table(
    "duty_shifts",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("starts_at", UtcDateTime(), nullable=False, index=True),
    sa.Column("ends_at", UtcDateTime(), nullable=False),
    sa.Column("staff_ids", sa.JSON, nullable=False),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("created_by", sa.String(64)),
    sa.Column("created_at", UtcDateTime(), nullable=False),
)

handovers = sa.Table(
    "handovers",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("shift_id", sa.String(36), nullable=False, index=True),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("open_items", sa.JSON, nullable=False),
    sa.Column("pending", sa.JSON, nullable=False),  # what the desk had outstanding at the handover
    sa.Column("written_by", sa.String(64)),
    sa.Column("written_by_staff_id", sa.String(36)),
    sa.Column("accepted_at", UtcDateTime()),
    sa.Column("accepted_by", sa.String(64)),
    sa.Column("accepted_by_staff_id", sa.String(36)),
    sa.Column("created_at", UtcDateTime(), nullable=False),
)

# --- Read models ------------------------------------------------------------------------
# Staff as registration publishes them: who administers each point, who supervises.
staff = sa.Table(
    "staff",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("name", sa.String(100)),
    sa.Column("roles", sa.JSON, nullable=False),
    sa.Column("service_point_id", sa.String(36)),
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("sequence", sa.BigInteger, nullable=False),
)

# Service points as registration publishes them: the name a point's report is headed with.
points = sa.Table(
    "points",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("sequence", sa.BigInteger, nullable=False),
)

# Checked-out visits: the point a visit's survey counts under.
visits = sa.Table(
    "visits",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("elder_id", sa.String(36), nullable=False),
    sa.Column("service_point_id", sa.String(36), nullable=False),
    sa.Column("sequence", sa.BigInteger, nullable=False),
)

# Monthly reports as produced on the report day: one per month and point, and the city.
monthly_reports = sa.Table(
    "monthly_reports",
    metadata,
    sa.Column("month", sa.String(7), primary_key=True),
    sa.Column("scope", sa.String(36), primary_key=True),  # a point id, or "city"
    sa.Column("report", sa.JSON, nullable=False),
    sa.Column("created_at", UtcDateTime(), nullable=False),
)
