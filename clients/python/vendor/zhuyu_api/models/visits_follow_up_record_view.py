from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.visits_follow_up_record_view_record_type_0 import (
        VisitsFollowUpRecordViewRecordType0,
    )


T = TypeVar("T", bound="VisitsFollowUpRecordView")


@_attrs_define
class VisitsFollowUpRecordView:
    """
    Attributes:
        id (str | Unset):
        plan_id (str | Unset):
        elder_id (str | Unset):
        programme (str | Unset):
        staff_id (str | Unset):
        service_point_id (str | Unset):
        due_on (datetime.date | Unset):
        status (str | Unset):
        overdue (bool | Unset):
        visited_on (datetime.date | None | Unset):
        face_to_face (bool | None | Unset):
        classification (None | str | Unset):  Example: uncontrolled.
        referral (bool | None | Unset):
        record (None | Unset | VisitsFollowUpRecordViewRecordType0): The form as recorded (readings, symptoms, social
            function, care plan, notes). Example: {'visited_on': '2026-11-30', 'face_to_face': True, 'systolic': 150,
            'diastolic': 92}.
        recorded_by (None | str | Unset): The user who visited and recorded it.
    """

    id: str | Unset = UNSET
    plan_id: str | Unset = UNSET
    elder_id: str | Unset = UNSET
    programme: str | Unset = UNSET
    staff_id: str | Unset = UNSET
    service_point_id: str | Unset = UNSET
    due_on: datetime.date | Unset = UNSET
    status: str | Unset = UNSET
    overdue: bool | Unset = UNSET
    visited_on: datetime.date | None | Unset = UNSET
    face_to_face: bool | None | Unset = UNSET
    classification: None | str | Unset = UNSET
    referral: bool | None | Unset = UNSET
    record: None | Unset | VisitsFollowUpRecordViewRecordType0 = UNSET
    recorded_by: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.visits_follow_up_record_view_record_type_0 import (
            VisitsFollowUpRecordViewRecordType0,
        )

        id = self.id

        plan_id = self.plan_id

        elder_id = self.elder_id

        programme = self.programme

        staff_id = self.staff_id

        service_point_id = self.service_point_id

        due_on: str | Unset = UNSET
        if not isinstance(self.due_on, Unset):
            due_on = self.due_on.isoformat()

        status = self.status

        overdue = self.overdue

        visited_on: None | str | Unset
        if isinstance(self.visited_on, Unset):
            visited_on = UNSET
        elif isinstance(self.visited_on, datetime.date):
            visited_on = self.visited_on.isoformat()
        else:
            visited_on = self.visited_on

        face_to_face: bool | None | Unset
        if isinstance(self.face_to_face, Unset):
            face_to_face = UNSET
        else:
            face_to_face = self.face_to_face

        classification: None | str | Unset
        if isinstance(self.classification, Unset):
            classification = UNSET
        else:
            classification = self.classification

        referral: bool | None | Unset
        if isinstance(self.referral, Unset):
            referral = UNSET
        else:
            referral = self.referral

        record: dict[str, Any] | None | Unset
        if isinstance(self.record, Unset):
            record = UNSET
        elif isinstance(self.record, VisitsFollowUpRecordViewRecordType0):
            record = self.record.to_dict()
        else:
            record = self.record

        recorded_by: None | str | Unset
        if isinstance(self.recorded_by, Unset):
            recorded_by = UNSET
        else:
            recorded_by = self.recorded_by

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if plan_id is not UNSET:
            field_dict["plan_id"] = plan_id
        if elder_id is not UNSET:
            field_dict["elder_id"] = elder_id
        if programme is not UNSET:
            field_dict["programme"] = programme
        if staff_id is not UNSET:
            field_dict["staff_id"] = staff_id
        if service_point_id is not UNSET:
            field_dict["service_point_id"] = service_point_id
        if due_on is not UNSET:
            field_dict["due_on"] = due_on
        if status is not UNSET:
            field_dict["status"] = status
        if overdue is not UNSET:
            field_dict["overdue"] = overdue
        if visited_on is not UNSET:
            field_dict["visited_on"] = visited_on
        if face_to_face is not UNSET:
            field_dict["face_to_face"] = face_to_face
        if classification is not UNSET:
            field_dict["classification"] = classification
        if referral is not UNSET:
            field_dict["referral"] = referral
        if record is not UNSET:
            field_dict["record"] = record
        if recorded_by is not UNSET:
            field_dict["recorded_by"] = recorded_by

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.visits_follow_up_record_view_record_type_0 import (
            VisitsFollowUpRecordViewRecordType0,
        )

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        plan_id = d.pop("plan_id", UNSET)

        elder_id = d.pop("elder_id", UNSET)

        programme = d.pop("programme", UNSET)

        staff_id = d.pop("staff_id", UNSET)

        service_point_id = d.pop("service_point_id", UNSET)

        _due_on = d.pop("due_on", UNSET)
        due_on: datetime.date | Unset
        if isinstance(_due_on, Unset):
            due_on = UNSET
        else:
            due_on = datetime.date.fromisoformat(_due_on)

        status = d.pop("status", UNSET)

        overdue = d.pop("overdue", UNSET)

        def _parse_visited_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                visited_on_type_0 = datetime.date.fromisoformat(data)

                return visited_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        visited_on = _parse_visited_on(d.pop("visited_on", UNSET))

        def _parse_face_to_face(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        face_to_face = _parse_face_to_face(d.pop("face_to_face", UNSET))

        def _parse_classification(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        classification = _parse_classification(d.pop("classification", UNSET))

        def _parse_referral(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        referral = _parse_referral(d.pop("referral", UNSET))

        def _parse_record(
            data: object,
        ) -> None | Unset | VisitsFollowUpRecordViewRecordType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                record_type_0 = VisitsFollowUpRecordViewRecordType0.from_dict(data)

                return record_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VisitsFollowUpRecordViewRecordType0, data)

        record = _parse_record(d.pop("record", UNSET))

        def _parse_recorded_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        recorded_by = _parse_recorded_by(d.pop("recorded_by", UNSET))

        visits_follow_up_record_view = cls(
            id=id,
            plan_id=plan_id,
            elder_id=elder_id,
            programme=programme,
            staff_id=staff_id,
            service_point_id=service_point_id,
            due_on=due_on,
            status=status,
            overdue=overdue,
            visited_on=visited_on,
            face_to_face=face_to_face,
            classification=classification,
            referral=referral,
            record=record,
            recorded_by=recorded_by,
        )

        return visits_follow_up_record_view
