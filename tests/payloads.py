"""Whole event payloads, as their producers publish them, for consumers' tests to feed
their handlers: each test overrides what it is about (and `tests.catalogue` checks it)."""
from __future__ import annotations

import uuid


def _id() -> str:
    return str(uuid.uuid4())


def point(**state) -> dict:
    """registration.service_point.*"""
    return {"id": _id(), "name": "西湖助浴点", "address": "文三路", "district": "西湖区", "bath_capacity": 2,
            "rest_seats": 6, "opening_hours": {}, "safety_reminders": [], "contact_phone": None,
            "active": True} | state


def staff(**state) -> dict:
    """registration.staff.*"""
    return {"id": _id(), "name": "王芳", "gender": "female", "roles": ["bathing_assistant"],
            "service_point_id": _id(), "phone": "13900001111", "email": None, "qualified": True,
            "qualification_problems": [], "health_certificate_expires_on": "2027-01-01", "active": True} | state


def elder(**state) -> dict:
    """registration.elder.*, with registration's bathing decision."""
    return {"id": _id(), "name": "张阿姨", "gender": "female", "birth_date": "1945-03-01",
            "citizen_card_no": "HZ000001", "previous_citizen_card_nos": [], "phone": "13912341234",
            "phone_is_mobile": True, "service_point_id": _id(), "district": "西湖区",
            "emergency_contacts": [{"name": "李明", "relation": "son", "phone": "13800001111"}],
            "chronic_conditions": [], "status": "active", "status_reason": None, "latest_assessment_level": 2,
            "safety_commitment_version": "v1", "safety_commitment_current": True, "eligible_for_bathing": True,
            "ineligibility_reasons": [], "latest_assessed_on": "2026-11-01", "assessment_due_on": "2027-10-31",
            "decision_lapses_on": None, "commitment_version_in_force": "v1", "same_gender_assistant": False,
            "language": "zh-CN", "consents": {"health_data": None, "sms": None, "third_party_sharing": None}} | state


def subsidy(**state) -> dict:
    """registration.subsidy.decided (with its decision) and .ended."""
    return {"id": _id(), "elder_id": _id(), "service_point_id": _id(), "category": "dibao", "status": "approved",
            "eligible": True, "basis": "aged_with_category", "problems": [], "reasons": ["Urban dibao elder aged 75."],
            "decided_at": "2026-12-01T10:00:00+08:00", "valid_from": "2026-12-01", "valid_until": "2027-11-30",
            "ended_at": None, "end_reason": None, "stage": "approved", "approved": True, "note": ""} | state


def booking(**state) -> dict:
    """visits.booking.*"""
    return {"id": _id(), "elder_id": _id(), "service_point_id": _id(), "slot_start": "2026-12-02T09:30:00+08:00",
            "slot_end": "2026-12-02T10:00:00+08:00", "status": "booked"} | state


def visit(**state) -> dict:
    """visits.visit.* (but for entry_denied)."""
    return {"id": _id(), "elder_id": _id(), "service_point_id": _id(), "booking_id": None, "status": "checked_in",
            "assistant_staff_id": None, "refusal_reasons": [], "warnings": [], "urgent": False,
            "at": "2026-12-02T09:30:00+08:00", "funding": {"source": "self_pay", "category": None}} | state


def incident(**state) -> dict:
    """visits.incident.reported"""
    return {"id": _id(), "visit_id": _id(), "elder_id": _id(), "service_point_id": _id(), "kind": "fall",
            "severity": "minor", "urgent": False, "description": "滑倒"} | state


def complaint(**state) -> dict:
    """complaints.complaint.* (alerts add `deadline`, received adds `reply_within_hours`)."""
    return {"id": _id(), "service_point_id": _id(), "elder_id": None, "type": "complaint", "channel": "phone",
            "category": "safety", "severity": "normal", "status": "received", "owner_staff_id": None,
            "supervisor_staff_ids": [], "escalation_level": 0,
            "complainant": {"name": "李先生", "phone": "13800001111"}} | state
