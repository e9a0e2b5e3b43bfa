from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="ComplaintsAssignIn")


@_attrs_define
class ComplaintsAssignIn:
    """
    Attributes:
        staff_id (UUID):
    """

    staff_id: UUID

    def to_dict(self) -> dict[str, Any]:
        staff_id = str(self.staff_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "staff_id": staff_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        staff_id = UUID(d.pop("staff_id"))

        complaints_assign_in = cls(
            staff_id=staff_id,
        )

        return complaints_assign_in
