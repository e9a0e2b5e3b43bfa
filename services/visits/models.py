"""Visits tables: read models kept from registration events, bookings, visits, incidents."""
from __future__ import annotations

import sqlalchemy as sa

from kit.messaging import messaging_tables
from kit.types import UtcDateTime

metadata = sa.MetaData()
messaging = messaging_tables(metadata)

# --- Read models (event-carried state from registration; `sequence` orders updates) ---
elders = sa.Table(
    "elders",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("citizen_card_no", sa.String(64), nullable=False, unique=True),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("gender", sa.String(6), nullable=False),
    sa.Column("birth_date", sa.Date, nullable=False),
    sa.Column("service_point_id", sa.String(36), nullable=False),
    sa.Column("status", sa.String(12), nullable=False),
    sa.Column("latest_assessment_level", sa.Integer),
    sa.Column("safety_commitment_version", sa.String(32)),
    # Registration's bathing decision as carried (null: not carried; registration is asked).
    sa.Column("eligible_for_bathing", sa.Boolean),
    sa.Column("safety_commitment_current", sa.Boolean),
    sa.Column("decision_lapses_on", sa.Date),
    sa.Column("commitment_version_in_force", sa.String(32)),
    sa.Column("same_gender_assistant", sa.Boolean, nullable=False),
    sa.Column("chronic_conditions", sa.JSON, nullable=False),
    sa.Column("sequence", sa.BigInteger, nullable=False),
)

staff = sa.Table(
    "staff",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("gender", sa.String(6)),
    sa.Column("roles", sa.JSON, nullable=False),
    sa.Column("service_point_id", sa.String(36)),
    sa.Column("qualified", sa.Boolean, nullable=False),
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("sequence", sa.BigInteger, nullable=False),
)

points = sa.Table(
    "service_points",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("opening_hours", sa.JSON, nullable=False),
    sa.Column("bath_capacity", sa.Integer, nullable=False),
    sa.Column("safety_reminders", sa.JSON, nullable=False),
    sa.Column("rest_seats", sa.Integer),  # null: a copy made before seats were carried
    sa.Column("sequence", sa.BigInteger, nullable=False),
)

# Approved subsidies (居家养老补贴), from registration.subsidy.decided|ended: who the
# government pays for, from when to when.
subsidies = sa.Table(
    "subsidies",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("elder_id", sa.String(36), nullable=False, index=True),
    sa.Column("category", sa.String(20), nullable=False),
    sa.Column("status", sa.String(12), nullable=False),
    sa.Column("valid_from", sa.Date),
    sa.Column("valid_until", sa.Date),
    sa.Column("ended_at", UtcDateTime()),
    sa.Column("sequence", sa.BigInteger, nullable=False),
)

# --- Prices per bath (the settlement's price list), each from a date on -------------------
prices = sa.Table(
    "prices",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("funding", sa.String(12), nullable=False),  # self_pay | government
    sa.Column("category", sa.String(20)),  # the government's price per subsidy category
    sa.Column("service_point_id", sa.String(36)),  # null: city-wide
    sa.Column("amount", sa.Numeric(10, 2), nullable=False),
    sa.Column("effective_from", sa.Date, nullable=False),
    sa.Column("set_by", sa.String(64)),
    sa.Column("created_at", UtcDateTime(), nullable=False),
)

# The month's settlement as produced once, after the month ended.
settlements = sa.Table(
    "settlements",
    metadata,
    sa.Column("month", sa.String(7), primary_key=True),
    sa.Column("report", sa.JSON, nullable=False),
    sa.Column("created_at", UtcDateTime(), nullable=False),
)

# --- Bookings (预约) ------------------------------------------------------------------
# One row per (point, slot): its `taken` counter is what concurrent bookings contend for.
slots = sa.Table(
    "slots",
    metadata,
    sa.Column("service_point_id", sa.String(36), primary_key=True),
    sa.Column("slot_start", UtcDateTime(), primary_key=True),
    sa.Column("taken", sa.Integer, nullable=False),
)

# --- Baths in use -------------------------------------------------------------------------
# One row per (point, day of the visits): the number of baths running. A bath takes a place
# with one conditional update of this row and gives it back when rest starts, so the
# capacity check serialises only on this counter, never on the point.
bath_places = sa.Table(
    "bath_places",
    metadata,
    sa.Column("service_point_id", sa.String(36), primary_key=True),
    sa.Column("local_date", sa.Date, primary_key=True),
    sa.Column("in_use", sa.Integer, nullable=False),
)

bookings = sa.Table(
    "bookings",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("elder_id", sa.String(36), nullable=False, index=True),
    sa.Column("service_point_id", sa.String(36), nullable=False),
    sa.Column("slot_start", UtcDateTime(), nullable=False),
    sa.Column("slot_end", UtcDateTime(), nullable=False),
    sa.Column("status", sa.String(12), nullable=False),
    sa.Column("created_by", sa.String(64)),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.Column("updated_at", UtcDateTime(), nullable=False),
    sa.Index("ix_bookings_point_slot", "service_point_id", "slot_start"),
)

# --- Visits ----------------------------------------------------------------------------
visits = sa.Table(
    "visits",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("elder_id", sa.String(36), nullable=False, index=True),
    sa.Column("service_point_id", sa.String(36), nullable=False),
    sa.Column("booking_id", sa.String(36)),
    sa.Column("status", sa.String(12), nullable=False),
    sa.Column("local_date", sa.Date, nullable=False),
    sa.Column("screening", sa.JSON),
    sa.Column("assistant_staff_id", sa.String(36)),
    sa.Column("checked_in_at", UtcDateTime(), nullable=False),
    sa.Column("bath_started_at", UtcDateTime()),
    sa.Column("rest_started_at", UtcDateTime()),
    sa.Column("checked_out_at", UtcDateTime()),
    sa.Column("early_leave_reason", sa.String(500)),
    sa.Column("bath_overrun_alerted", sa.Boolean, nullable=False, default=False),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    # Who pays, decided at check-in on the subsidy in force then (null: checked in before
    # funding was recorded).
    sa.Column("funding_source", sa.String(12)),
    sa.Column("funding_category", sa.String(20)),
    sa.Index("ix_visits_point_date", "service_point_id", "local_date"),
    sa.Index("ix_visits_checked_out", "checked_out_at"),  # the month's settlement
    sa.Index("ix_visits_date", "local_date"),  # the city's figures for a period
    sa.Index("ix_visits_status", "status"),
)

timeline = sa.Table(
    "visit_timeline",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("visit_id", sa.String(36), nullable=False, index=True),
    sa.Column("action", sa.String(40), nullable=False),
    sa.Column("at", UtcDateTime(), nullable=False),
    sa.Column("actor", sa.String(64)),
    sa.Column("staff_id", sa.String(36)),
    sa.Column("details", sa.JSON, nullable=False),
)

entry_denials = sa.Table(
    "entry_denials",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("elder_id", sa.String(36)),
    sa.Column("citizen_card_no_masked", sa.String(32), nullable=False),
    sa.Column("service_point_id", sa.String(36), nullable=False),
    sa.Column("code", sa.String(32), nullable=False),
    sa.Column("actor", sa.String(64)),
    sa.Column("at", UtcDateTime(), nullable=False),
)

incidents = sa.Table(
    "incidents",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("visit_id", sa.String(36), nullable=False, index=True),
    sa.Column("elder_id", sa.String(36), nullable=False),
    sa.Column("service_point_id", sa.String(36), nullable=False),
    sa.Column("kind", sa.String(12), nullable=False),
    sa.Column("severity", sa.String(12), nullable=False),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("outcome", sa.String(32)),
    sa.Column("outcome_note", sa.Text),
    sa.Column("closed_at", UtcDateTime()),
    sa.Column("reported_by", sa.String(64)),
    sa.Column("created_at", UtcDateTime(), nullable=False),
)

# --- Follow-up programmes (随访) ------------------------------------------------------------
follow_up_plans = sa.Table(
    "follow_up_plans",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("elder_id", sa.String(36), nullable=False, index=True),
    sa.Column("programme", sa.String(20), nullable=False),
    sa.Column("staff_id", sa.String(36), nullable=False),
    sa.Column("service_point_id", sa.String(36), nullable=False),
    sa.Column("care_plan", sa.JSON),
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    # first_reading, discharged_on, service_agreement, referral_source, closure_note (as given)
    sa.Column("details", sa.JSON),
    sa.Column("closed_on", sa.Date),
    sa.Column("closure_reason", sa.String(20)),
)

follow_ups = sa.Table(
    "follow_ups",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("plan_id", sa.String(36), nullable=False, index=True),
    sa.Column("elder_id", sa.String(36), nullable=False),
    sa.Column("programme", sa.String(20), nullable=False),
    sa.Column("staff_id", sa.String(36), nullable=False, index=True),
    sa.Column("service_point_id", sa.String(36), nullable=False),
    sa.Column("due_on", sa.Date, nullable=False, index=True),
    sa.Column("status", sa.String(12), nullable=False),  # open | done | cancelled
    sa.Column("visited_on", sa.Date),
    sa.Column("face_to_face", sa.Boolean),
    sa.Column("record", sa.JSON),
    sa.Column("classification", sa.String(12)),
    sa.Column("referral", sa.Boolean),
    sa.Column("recorded_by", sa.String(64)),
    sa.Column("created_at", UtcDateTime(), nullable=False),
)

# What the follow-up watch announced: (follow-up, kind, day) fires once.
follow_up_notices = sa.Table(
    "follow_up_notices",
    metadata,
    sa.Column("follow_up_id", sa.String(36), primary_key=True),
    sa.Column("kind", sa.String(8), primary_key=True),
    sa.Column("on_date", sa.Date, primary_key=True),
    sa.Column("at", UtcDateTime(), nullable=False),
)
