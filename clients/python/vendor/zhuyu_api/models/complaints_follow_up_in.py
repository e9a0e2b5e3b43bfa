from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ComplaintsFollowUpIn")


@_attrs_define
class ComplaintsFollowUpIn:
    """
    Attributes:
        note (str):
        reason_open (str):
    """

    note: str
    reason_open: str

    def to_dict(self) -> dict[str, Any]:
        note = self.note

        reason_open = self.reason_open

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "note": note,
                "reason_open": reason_open,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        note = d.pop("note")

        reason_open = d.pop("reason_open")

        complaints_follow_up_in = cls(
            note=note,
            reason_open=reason_open,
        )

        return complaints_follow_up_in
