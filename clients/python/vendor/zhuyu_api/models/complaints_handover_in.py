from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ComplaintsHandoverIn")


@_attrs_define
class ComplaintsHandoverIn:
    """
    Attributes:
        note (str):
        open_items (list[str] | Unset):
    """

    note: str
    open_items: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        note = self.note

        open_items: list[str] | Unset = UNSET
        if not isinstance(self.open_items, Unset):
            open_items = self.open_items

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "note": note,
            }
        )
        if open_items is not UNSET:
            field_dict["open_items"] = open_items

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        note = d.pop("note")

        open_items = cast(list[str], d.pop("open_items", UNSET))

        complaints_handover_in = cls(
            note=note,
            open_items=open_items,
        )

        return complaints_handover_in
