from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="VisitsCheckInIn")


@_attrs_define
class VisitsCheckInIn:
    """
    Attributes:
        citizen_card_no (str):
        service_point_id (UUID):
        booking_id (None | Unset | UUID):
    """

    citizen_card_no: str
    service_point_id: UUID
    booking_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        citizen_card_no = self.citizen_card_no

        service_point_id = str(self.service_point_id)

        booking_id: None | str | Unset
        if isinstance(self.booking_id, Unset):
            booking_id = UNSET
        elif isinstance(self.booking_id, UUID):
            booking_id = str(self.booking_id)
        else:
            booking_id = self.booking_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "citizen_card_no": citizen_card_no,
                "service_point_id": service_point_id,
            }
        )
        if booking_id is not UNSET:
            field_dict["booking_id"] = booking_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        citizen_card_no = d.pop("citizen_card_no")

        service_point_id = UUID(d.pop("service_point_id"))

        def _parse_booking_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                booking_id_type_0 = UUID(data)

                return booking_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        booking_id = _parse_booking_id(d.pop("booking_id", UNSET))

        visits_check_in_in = cls(
            citizen_card_no=citizen_card_no,
            service_point_id=service_point_id,
            booking_id=booking_id,
        )

        return visits_check_in_in
