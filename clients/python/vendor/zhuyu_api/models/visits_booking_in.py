from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="VisitsBookingIn")


@_attrs_define
class VisitsBookingIn:
    """
    Attributes:
        elder_id (UUID):
        service_point_id (UUID):
        slot_start (datetime.datetime):
    """

    elder_id: UUID
    service_point_id: UUID
    slot_start: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        elder_id = str(self.elder_id)

        service_point_id = str(self.service_point_id)

        slot_start = self.slot_start.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "elder_id": elder_id,
                "service_point_id": service_point_id,
                "slot_start": slot_start,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        elder_id = UUID(d.pop("elder_id"))

        service_point_id = UUID(d.pop("service_point_id"))

        slot_start = datetime.datetime.fromisoformat(d.pop("slot_start"))

        visits_booking_in = cls(
            elder_id=elder_id,
            service_point_id=service_point_id,
            slot_start=slot_start,
        )

        return visits_booking_in
