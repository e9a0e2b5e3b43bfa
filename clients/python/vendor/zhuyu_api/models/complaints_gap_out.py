from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ComplaintsGapOut")


@_attrs_define
class ComplaintsGapOut:
    """
    Attributes:
        starts_at (datetime.datetime | Unset):
        ends_at (datetime.datetime | Unset):
        seats (int | Unset):
        required (int | Unset):
    """

    starts_at: datetime.datetime | Unset = UNSET
    ends_at: datetime.datetime | Unset = UNSET
    seats: int | Unset = UNSET
    required: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        starts_at: str | Unset = UNSET
        if not isinstance(self.starts_at, Unset):
            starts_at = self.starts_at.isoformat()

        ends_at: str | Unset = UNSET
        if not isinstance(self.ends_at, Unset):
            ends_at = self.ends_at.isoformat()

        seats = self.seats

        required = self.required

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if starts_at is not UNSET:
            field_dict["starts_at"] = starts_at
        if ends_at is not UNSET:
            field_dict["ends_at"] = ends_at
        if seats is not UNSET:
            field_dict["seats"] = seats
        if required is not UNSET:
            field_dict["required"] = required

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _starts_at = d.pop("starts_at", UNSET)
        starts_at: datetime.datetime | Unset
        if isinstance(_starts_at, Unset):
            starts_at = UNSET
        else:
            starts_at = datetime.datetime.fromisoformat(_starts_at)

        _ends_at = d.pop("ends_at", UNSET)
        ends_at: datetime.datetime | Unset
        if isinstance(_ends_at, Unset):
            ends_at = UNSET
        else:
            ends_at = datetime.datetime.fromisoformat(_ends_at)

        seats = d.pop("seats", UNSET)

        required = d.pop("required", UNSET)

        complaints_gap_out = cls(
            starts_at=starts_at,
            ends_at=ends_at,
            seats=seats,
            required=required,
        )

        return complaints_gap_out
