from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ComplaintsShiftIn")


@_attrs_define
class ComplaintsShiftIn:
    """
    Attributes:
        starts_at (datetime.datetime):
        ends_at (datetime.datetime):
        staff_ids (list[UUID]):
        note (str | Unset):  Default: ''.
    """

    starts_at: datetime.datetime
    ends_at: datetime.datetime
    staff_ids: list[UUID]
    note: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        starts_at = self.starts_at.isoformat()

        ends_at = self.ends_at.isoformat()

        staff_ids = []
        for staff_ids_item_data in self.staff_ids:
            staff_ids_item = str(staff_ids_item_data)
            staff_ids.append(staff_ids_item)

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "starts_at": starts_at,
                "ends_at": ends_at,
                "staff_ids": staff_ids,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))

        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))

        staff_ids = []
        _staff_ids = d.pop("staff_ids")
        for staff_ids_item_data in _staff_ids:
            staff_ids_item = UUID(staff_ids_item_data)

            staff_ids.append(staff_ids_item)

        note = d.pop("note", UNSET)

        complaints_shift_in = cls(
            starts_at=starts_at,
            ends_at=ends_at,
            staff_ids=staff_ids,
            note=note,
        )

        return complaints_shift_in
