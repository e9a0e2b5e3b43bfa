from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ComplaintsCallBackIn")


@_attrs_define
class ComplaintsCallBackIn:
    """
    Attributes:
        reached (bool):
        note (str | Unset):  Default: ''.
    """

    reached: bool
    note: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        reached = self.reached

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reached": reached,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        reached = d.pop("reached")

        note = d.pop("note", UNSET)

        complaints_call_back_in = cls(
            reached=reached,
            note=note,
        )

        return complaints_call_back_in
