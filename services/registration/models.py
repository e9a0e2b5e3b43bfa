"""Registration tables. Nothing is ever deleted: elders are closed, histories are kept."""
from __future__ import annotations

import sqlalchemy as sa

from kit.messaging import messaging_tables
from kit.types import UtcDateTime

metadata = sa.MetaData()
messaging = messaging_tables(metadata)

service_points = sa.Table(
    "service_points",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("address", sa.String(500), nullable=False),
    sa.Column("district", sa.String(100), nullable=False),
    sa.Column("bath_capacity", sa.Integer, nullable=False),
    sa.Column("rest_seats", sa.Integer, nullable=False),
    sa.Column("opening_hours", sa.JSON, nullable=False),
    sa.Column("safety_reminders", sa.JSON, nullable=False),
    sa.Column("contact_phone", sa.String(32)),
    sa.Column("active", sa.Boolean, nullable=False, default=True),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.Column("updated_at", UtcDateTime(), nullable=False),
)

elders = sa.Table(
    "elders",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("gender", sa.String(6), nullable=False),
    sa.Column("birth_date", sa.Date, nullable=False),
    sa.Column("id_number", sa.String(18), nullable=False, unique=True),
    sa.Column("citizen_card_no", sa.String(32), nullable=False, unique=True),
    sa.Column("previous_citizen_card_nos", sa.JSON, nullable=False),
    sa.Column("phone", sa.String(32)),
    sa.Column("phone_is_mobile", sa.Boolean, nullable=False, default=False),
    sa.Column("address", sa.String(500), nullable=False),
    sa.Column("district", sa.String(100), nullable=False),
    sa.Column("service_point_id", sa.String(36), sa.ForeignKey("service_points.id"), nullable=False, index=True),
    sa.Column("emergency_contacts", sa.JSON, nullable=False),
    sa.Column("chronic_conditions", sa.JSON, nullable=False),
    sa.Column("medications", sa.JSON, nullable=False),
    sa.Column("allergies", sa.JSON, nullable=False),
    sa.Column("notes", sa.Text, nullable=False, default=""),
    sa.Column("same_gender_assistant", sa.Boolean, nullable=False, default=False),
    sa.Column("language", sa.String(8), nullable=False, default="zh-CN"),
    sa.Column("status", sa.String(12), nullable=False),
    sa.Column("status_reason", sa.String(500)),
    sa.Column("latest_assessment_level", sa.Integer),
    sa.Column("latest_assessed_on", sa.Date),  # the latest assessment's date (一年一评)
    sa.Column("safety_commitment_version", sa.String(32)),
    sa.Column("consents", sa.JSON, nullable=False),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.Column("updated_at", UtcDateTime(), nullable=False),
    sa.Index("ix_elders_name", "name"),
    # A search by the start of a name (`?q=`) on PostgreSQL, whatever the database's collation.
    sa.Index("ix_elders_name_prefix", "name", postgresql_ops={"name": "varchar_pattern_ops"}),
    sa.Index("ix_elders_created", "created_at", "id"),
)

# Every citizen card number ever given, current or retired, with its elder: a number is
# given once (the primary key), so a lost card's number never finds another person.
citizen_cards = sa.Table(
    "citizen_cards",
    metadata,
    sa.Column("card_no", sa.String(32), primary_key=True),
    sa.Column("elder_id", sa.String(36), sa.ForeignKey("elders.id"), nullable=False, index=True),
    sa.Column("given_at", UtcDateTime(), nullable=False),
)

# Every change to an elder: which fields, before and after, by whom.
elder_history = sa.Table(
    "elder_history",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("elder_id", sa.String(36), sa.ForeignKey("elders.id"), nullable=False, index=True),
    sa.Column("action", sa.String(40), nullable=False),
    sa.Column("changes", sa.JSON, nullable=False),
    sa.Column("actor", sa.String(64)),
    sa.Column("at", UtcDateTime(), nullable=False),
)

assessments = sa.Table(
    "assessments",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("elder_id", sa.String(36), sa.ForeignKey("elders.id"), nullable=False, index=True),
    sa.Column("level", sa.Integer, nullable=False),
    sa.Column("assessed_on", sa.Date, nullable=False),
    sa.Column("assessor", sa.String(100), nullable=False),
    sa.Column("reference", sa.String(200), nullable=False),
    sa.Column("recorded_by", sa.String(64)),
    sa.Column("created_at", UtcDateTime(), nullable=False),
)

safety_commitments = sa.Table(
    "safety_commitments",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("elder_id", sa.String(36), sa.ForeignKey("elders.id"), nullable=False, index=True),
    sa.Column("signer_name", sa.String(100), nullable=False),
    sa.Column("signer_relation", sa.String(50), nullable=False),
    sa.Column("text_version", sa.String(32), nullable=False),
    sa.Column("witness_staff_id", sa.String(36), nullable=False),
    sa.Column("recorded_by", sa.String(64)),
    sa.Column("created_at", UtcDateTime(), nullable=False),
)

consents = sa.Table(
    "consents",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("elder_id", sa.String(36), sa.ForeignKey("elders.id"), nullable=False, index=True),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("granted", sa.Boolean, nullable=False),
    sa.Column("signer_name", sa.String(100), nullable=False),
    sa.Column("signer_relation", sa.String(50), nullable=False),
    sa.Column("recorded_by", sa.String(64)),
    sa.Column("created_at", UtcDateTime(), nullable=False),
)

# Every full read of an elder's record (who, when, which).
elder_reads = sa.Table(
    "elder_reads",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("elder_id", sa.String(36), nullable=False, index=True),
    sa.Column("user_id", sa.String(64)),
    sa.Column("role", sa.String(32)),
    sa.Column("request_id", sa.String(128)),
    sa.Column("at", UtcDateTime(), nullable=False),
)

staff = sa.Table(
    "staff",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("gender", sa.String(6)),
    sa.Column("roles", sa.JSON, nullable=False),
    sa.Column("service_point_id", sa.String(36), sa.ForeignKey("service_points.id"), index=True),
    sa.Column("phone", sa.String(32), nullable=False),
    sa.Column("email", sa.String(320)),
    sa.Column("health_certificate", sa.JSON),
    sa.Column("experience_years", sa.Float, nullable=False),
    sa.Column("care_training", sa.JSON),
    sa.Column("qualified", sa.Boolean, nullable=False),
    sa.Column("qualification_problems", sa.JSON, nullable=False),
    sa.Column("active", sa.Boolean, nullable=False, default=True),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.Column("updated_at", UtcDateTime(), nullable=False),
)

# What the daily certificate check already announced, so it announces each change once.
staff_notices = sa.Table(
    "staff_notices",
    metadata,
    sa.Column("staff_id", sa.String(36), primary_key=True),
    sa.Column("change", sa.String(20), primary_key=True),
    sa.Column("expires_on", sa.Date, primary_key=True),
    sa.Column("at", UtcDateTime(), nullable=False),
)

# What the assessment check already told the point: one reminder per elder and assessment date.
assessment_notices = sa.Table(
    "assessment_notices",
    metadata,
    sa.Column("elder_id", sa.String(36), primary_key=True),
    sa.Column("assessed_on", sa.Date, primary_key=True),
    sa.Column("at", UtcDateTime(), nullable=False),
)

# Home-care subsidy applications (居家养老补贴): applied → reviewed by the community station
# (审核) → approved by the centre (审批), then in force for a validity period. Columns left
# null by applications made before they existed: the residence facts (such an application
# is not eligible until made again), the validity (due for re-check at once).
subsidy_applications = sa.Table(
    "subsidy_applications",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("elder_id", sa.String(36), sa.ForeignKey("elders.id"), nullable=False, index=True),
    sa.Column("service_point_id", sa.String(36), index=True),  # the elder's, when applied
    sa.Column("category", sa.String(20), nullable=False),
    sa.Column("urban", sa.Boolean, nullable=False),
    sa.Column("household_registered_locally", sa.Boolean),
    sa.Column("resides_locally", sa.Boolean),
    sa.Column("evidence_reference", sa.String(64)),  # the certificate's number (低保证, 优抚证, 劳模证书…)
    sa.Column("model_worker_level", sa.String(12)),
    sa.Column("eligible", sa.Boolean, nullable=False),
    sa.Column("basis", sa.String(24)),
    sa.Column("problems", sa.JSON),
    sa.Column("reasons", sa.JSON, nullable=False),
    sa.Column("stage", sa.String(12), nullable=False),  # the status
    sa.Column("status_since", UtcDateTime()),  # when it entered its status: the work list's order
    sa.Column("steps", sa.JSON, nullable=False),
    sa.Column("decided_at", UtcDateTime()),
    sa.Column("valid_from", sa.Date),
    sa.Column("valid_until", sa.Date),
    sa.Column("ended_at", UtcDateTime()),
    sa.Column("end_reason", sa.String(500)),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.Column("updated_at", UtcDateTime(), nullable=False),
    sa.Index("ix_subsidy_applications_queue", "stage", "status_since", "id"),
)
