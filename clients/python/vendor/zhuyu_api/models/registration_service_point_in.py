from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.registration_service_point_in_opening_hours import (
        RegistrationServicePointInOpeningHours,
    )


T = TypeVar("T", bound="RegistrationServicePointIn")


@_attrs_define
class RegistrationServicePointIn:
    """
    Attributes:
        name (str):
        address (str):
        district (str):
        bath_capacity (int):
        rest_seats (int):
        opening_hours (RegistrationServicePointInOpeningHours):
        safety_reminders (list[str] | Unset):
        contact_phone (None | str | Unset):
        active (bool | Unset):  Default: True.
    """

    name: str
    address: str
    district: str
    bath_capacity: int
    rest_seats: int
    opening_hours: RegistrationServicePointInOpeningHours
    safety_reminders: list[str] | Unset = UNSET
    contact_phone: None | str | Unset = UNSET
    active: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        address = self.address

        district = self.district

        bath_capacity = self.bath_capacity

        rest_seats = self.rest_seats

        opening_hours = self.opening_hours.to_dict()

        safety_reminders: list[str] | Unset = UNSET
        if not isinstance(self.safety_reminders, Unset):
            safety_reminders = self.safety_reminders

        contact_phone: None | str | Unset
        if isinstance(self.contact_phone, Unset):
            contact_phone = UNSET
        else:
            contact_phone = self.contact_phone

        active = self.active

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "address": address,
                "district": district,
                "bath_capacity": bath_capacity,
                "rest_seats": rest_seats,
                "opening_hours": opening_hours,
            }
        )
        if safety_reminders is not UNSET:
            field_dict["safety_reminders"] = safety_reminders
        if contact_phone is not UNSET:
            field_dict["contact_phone"] = contact_phone
        if active is not UNSET:
            field_dict["active"] = active

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.registration_service_point_in_opening_hours import (
            RegistrationServicePointInOpeningHours,
        )

        d = dict(src_dict)
        name = d.pop("name")

        address = d.pop("address")

        district = d.pop("district")

        bath_capacity = d.pop("bath_capacity")

        rest_seats = d.pop("rest_seats")

        opening_hours = RegistrationServicePointInOpeningHours.from_dict(
            d.pop("opening_hours")
        )

        safety_reminders = cast(list[str], d.pop("safety_reminders", UNSET))

        def _parse_contact_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_phone = _parse_contact_phone(d.pop("contact_phone", UNSET))

        active = d.pop("active", UNSET)

        registration_service_point_in = cls(
            name=name,
            address=address,
            district=district,
            bath_capacity=bath_capacity,
            rest_seats=rest_seats,
            opening_hours=opening_hours,
            safety_reminders=safety_reminders,
            contact_phone=contact_phone,
            active=active,
        )

        return registration_service_point_in
