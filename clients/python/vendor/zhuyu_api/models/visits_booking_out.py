from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="VisitsBookingOut")


@_attrs_define
class VisitsBookingOut:
    """
    Attributes:
        id (str | Unset):
        elder_id (str | Unset):
        service_point_id (str | Unset):
        slot_start (datetime.datetime | Unset):
        slot_end (datetime.datetime | Unset):
        status (str | Unset):
        created_at (datetime.datetime | Unset):
    """

    id: str | Unset = UNSET
    elder_id: str | Unset = UNSET
    service_point_id: str | Unset = UNSET
    slot_start: datetime.datetime | Unset = UNSET
    slot_end: datetime.datetime | Unset = UNSET
    status: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        elder_id = self.elder_id

        service_point_id = self.service_point_id

        slot_start: str | Unset = UNSET
        if not isinstance(self.slot_start, Unset):
            slot_start = self.slot_start.isoformat()

        slot_end: str | Unset = UNSET
        if not isinstance(self.slot_end, Unset):
            slot_end = self.slot_end.isoformat()

        status = self.status

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if elder_id is not UNSET:
            field_dict["elder_id"] = elder_id
        if service_point_id is not UNSET:
            field_dict["service_point_id"] = service_point_id
        if slot_start is not UNSET:
            field_dict["slot_start"] = slot_start
        if slot_end is not UNSET:
            field_dict["slot_end"] = slot_end
        if status is not UNSET:
            field_dict["status"] = status
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        elder_id = d.pop("elder_id", UNSET)

        service_point_id = d.pop("service_point_id", UNSET)

        _slot_start = d.pop("slot_start", UNSET)
        slot_start: datetime.datetime | Unset
        if isinstance(_slot_start, Unset):
            slot_start = UNSET
        else:
            slot_start = datetime.datetime.fromisoformat(_slot_start)

        _slot_end = d.pop("slot_end", UNSET)
        slot_end: datetime.datetime | Unset
        if isinstance(_slot_end, Unset):
            slot_end = UNSET
        else:
            slot_end = datetime.datetime.fromisoformat(_slot_end)

        status = d.pop("status", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        visits_booking_out = cls(
            id=id,
            elder_id=elder_id,
            service_point_id=service_point_id,
            slot_start=slot_start,
            slot_end=slot_end,
            status=status,
            created_at=created_at,
        )

        return visits_booking_out
