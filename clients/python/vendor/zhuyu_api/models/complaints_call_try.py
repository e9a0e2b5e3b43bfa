from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ComplaintsCallTry")


@_attrs_define
class ComplaintsCallTry:
    """
    Attributes:
        at (str | Unset):
        by (None | str | Unset):
        staff_id (None | str | Unset):
        reached (bool | Unset):
        note (str | Unset):
    """

    at: str | Unset = UNSET
    by: None | str | Unset = UNSET
    staff_id: None | str | Unset = UNSET
    reached: bool | Unset = UNSET
    note: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        at = self.at

        by: None | str | Unset
        if isinstance(self.by, Unset):
            by = UNSET
        else:
            by = self.by

        staff_id: None | str | Unset
        if isinstance(self.staff_id, Unset):
            staff_id = UNSET
        else:
            staff_id = self.staff_id

        reached = self.reached

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if at is not UNSET:
            field_dict["at"] = at
        if by is not UNSET:
            field_dict["by"] = by
        if staff_id is not UNSET:
            field_dict["staff_id"] = staff_id
        if reached is not UNSET:
            field_dict["reached"] = reached
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        at = d.pop("at", UNSET)

        def _parse_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        by = _parse_by(d.pop("by", UNSET))

        def _parse_staff_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        staff_id = _parse_staff_id(d.pop("staff_id", UNSET))

        reached = d.pop("reached", UNSET)

        note = d.pop("note", UNSET)

        complaints_call_try = cls(
            at=at,
            by=by,
            staff_id=staff_id,
            reached=reached,
            note=note,
        )

        return complaints_call_try
