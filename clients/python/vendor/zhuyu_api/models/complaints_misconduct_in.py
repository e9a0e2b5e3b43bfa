from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="ComplaintsMisconductIn")


@_attrs_define
class ComplaintsMisconductIn:
    """
    Attributes:
        staff_id (UUID):
        verified (bool):
        note (str):
    """

    staff_id: UUID
    verified: bool
    note: str

    def to_dict(self) -> dict[str, Any]:
        staff_id = str(self.staff_id)

        verified = self.verified

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "staff_id": staff_id,
                "verified": verified,
                "note": note,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        staff_id = UUID(d.pop("staff_id"))

        verified = d.pop("verified")

        note = d.pop("note")

        complaints_misconduct_in = cls(
            staff_id=staff_id,
            verified=verified,
            note=note,
        )

        return complaints_misconduct_in
