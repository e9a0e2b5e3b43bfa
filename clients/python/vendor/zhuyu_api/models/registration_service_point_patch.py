from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.registration_service_point_patch_opening_hours import (
        RegistrationServicePointPatchOpeningHours,
    )


T = TypeVar("T", bound="RegistrationServicePointPatch")


@_attrs_define
class RegistrationServicePointPatch:
    """
    Attributes:
        name (str | Unset):
        address (str | Unset):
        district (str | Unset):
        bath_capacity (int | Unset):
        rest_seats (int | Unset):
        opening_hours (RegistrationServicePointPatchOpeningHours | Unset):
        safety_reminders (list[str] | Unset):
        contact_phone (None | str | Unset):
        active (bool | Unset):  Default: True.
    """

    name: str | Unset = UNSET
    address: str | Unset = UNSET
    district: str | Unset = UNSET
    bath_capacity: int | Unset = UNSET
    rest_seats: int | Unset = UNSET
    opening_hours: RegistrationServicePointPatchOpeningHours | Unset = UNSET
    safety_reminders: list[str] | Unset = UNSET
    contact_phone: None | str | Unset = UNSET
    active: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        address = self.address

        district = self.district

        bath_capacity = self.bath_capacity

        rest_seats = self.rest_seats

        opening_hours: dict[str, Any] | Unset = UNSET
        if not isinstance(self.opening_hours, Unset):
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

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if address is not UNSET:
            field_dict["address"] = address
        if district is not UNSET:
            field_dict["district"] = district
        if bath_capacity is not UNSET:
            field_dict["bath_capacity"] = bath_capacity
        if rest_seats is not UNSET:
            field_dict["rest_seats"] = rest_seats
        if opening_hours is not UNSET:
            field_dict["opening_hours"] = opening_hours
        if safety_reminders is not UNSET:
            field_dict["safety_reminders"] = safety_reminders
        if contact_phone is not UNSET:
            field_dict["contact_phone"] = contact_phone
        if active is not UNSET:
            field_dict["active"] = active

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.registration_service_point_patch_opening_hours import (
            RegistrationServicePointPatchOpeningHours,
        )

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        address = d.pop("address", UNSET)

        district = d.pop("district", UNSET)

        bath_capacity = d.pop("bath_capacity", UNSET)

        rest_seats = d.pop("rest_seats", UNSET)

        _opening_hours = d.pop("opening_hours", UNSET)
        opening_hours: RegistrationServicePointPatchOpeningHours | Unset
        if isinstance(_opening_hours, Unset):
            opening_hours = UNSET
        else:
            opening_hours = RegistrationServicePointPatchOpeningHours.from_dict(
                _opening_hours
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

        registration_service_point_patch = cls(
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

        return registration_service_point_patch
