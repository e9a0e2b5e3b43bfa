from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="VisitsBathIn")


@_attrs_define
class VisitsBathIn:
    """
    Attributes:
        assistant_staff_id (UUID):
    """

    assistant_staff_id: UUID

    def to_dict(self) -> dict[str, Any]:
        assistant_staff_id = str(self.assistant_staff_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "assistant_staff_id": assistant_staff_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        assistant_staff_id = UUID(d.pop("assistant_staff_id"))

        visits_bath_in = cls(
            assistant_staff_id=assistant_staff_id,
        )

        return visits_bath_in
