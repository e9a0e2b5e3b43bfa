from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="RegistrationEmergencyContact")


@_attrs_define
class RegistrationEmergencyContact:
    """
    Attributes:
        name (str):
        relation (str):
        phone (str):
    """

    name: str
    relation: str
    phone: str

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        relation = self.relation

        phone = self.phone

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "relation": relation,
                "phone": phone,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        relation = d.pop("relation")

        phone = d.pop("phone")

        registration_emergency_contact = cls(
            name=name,
            relation=relation,
            phone=phone,
        )

        return registration_emergency_contact
