from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.registration_subsidy_in_category import RegistrationSubsidyInCategory
from ..types import UNSET, Unset

T = TypeVar("T", bound="RegistrationSubsidyIn")


@_attrs_define
class RegistrationSubsidyIn:
    """
    Attributes:
        elder_id (UUID):
        category (RegistrationSubsidyInCategory):
        urban (bool | Unset):  Default: True.
    """

    elder_id: UUID
    category: RegistrationSubsidyInCategory
    urban: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        elder_id = str(self.elder_id)

        category = self.category.value

        urban = self.urban

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "elder_id": elder_id,
                "category": category,
            }
        )
        if urban is not UNSET:
            field_dict["urban"] = urban

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        elder_id = UUID(d.pop("elder_id"))

        category = RegistrationSubsidyInCategory(d.pop("category"))

        urban = d.pop("urban", UNSET)

        registration_subsidy_in = cls(
            elder_id=elder_id,
            category=category,
            urban=urban,
        )

        return registration_subsidy_in
