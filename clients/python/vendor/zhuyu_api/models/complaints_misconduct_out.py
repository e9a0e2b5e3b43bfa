from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ComplaintsMisconductOut")


@_attrs_define
class ComplaintsMisconductOut:
    """
    Attributes:
        id (str | Unset):
        complaint_id (str | Unset):
        staff_id (str | Unset):
        service_point_id (str | Unset):
        note (str | Unset):
        recorded_by (None | str | Unset):
        created_at (datetime.datetime | Unset):
    """

    id: str | Unset = UNSET
    complaint_id: str | Unset = UNSET
    staff_id: str | Unset = UNSET
    service_point_id: str | Unset = UNSET
    note: str | Unset = UNSET
    recorded_by: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        complaint_id = self.complaint_id

        staff_id = self.staff_id

        service_point_id = self.service_point_id

        note = self.note

        recorded_by: None | str | Unset
        if isinstance(self.recorded_by, Unset):
            recorded_by = UNSET
        else:
            recorded_by = self.recorded_by

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if complaint_id is not UNSET:
            field_dict["complaint_id"] = complaint_id
        if staff_id is not UNSET:
            field_dict["staff_id"] = staff_id
        if service_point_id is not UNSET:
            field_dict["service_point_id"] = service_point_id
        if note is not UNSET:
            field_dict["note"] = note
        if recorded_by is not UNSET:
            field_dict["recorded_by"] = recorded_by
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        complaint_id = d.pop("complaint_id", UNSET)

        staff_id = d.pop("staff_id", UNSET)

        service_point_id = d.pop("service_point_id", UNSET)

        note = d.pop("note", UNSET)

        def _parse_recorded_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        recorded_by = _parse_recorded_by(d.pop("recorded_by", UNSET))

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        complaints_misconduct_out = cls(
            id=id,
            complaint_id=complaint_id,
            staff_id=staff_id,
            service_point_id=service_point_id,
            note=note,
            recorded_by=recorded_by,
            created_at=created_at,
        )

        return complaints_misconduct_out
