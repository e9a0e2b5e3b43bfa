from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RegistrationAssessmentOut")


@_attrs_define
class RegistrationAssessmentOut:
    """
    Attributes:
        id (str | Unset):
        elder_id (str | Unset):
        level (int | Unset):
        assessed_on (str | Unset):
        assessor (str | Unset):
        reference (str | Unset):
    """

    id: str | Unset = UNSET
    elder_id: str | Unset = UNSET
    level: int | Unset = UNSET
    assessed_on: str | Unset = UNSET
    assessor: str | Unset = UNSET
    reference: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        elder_id = self.elder_id

        level = self.level

        assessed_on = self.assessed_on

        assessor = self.assessor

        reference = self.reference

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if elder_id is not UNSET:
            field_dict["elder_id"] = elder_id
        if level is not UNSET:
            field_dict["level"] = level
        if assessed_on is not UNSET:
            field_dict["assessed_on"] = assessed_on
        if assessor is not UNSET:
            field_dict["assessor"] = assessor
        if reference is not UNSET:
            field_dict["reference"] = reference

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        elder_id = d.pop("elder_id", UNSET)

        level = d.pop("level", UNSET)

        assessed_on = d.pop("assessed_on", UNSET)

        assessor = d.pop("assessor", UNSET)

        reference = d.pop("reference", UNSET)

        registration_assessment_out = cls(
            id=id,
            elder_id=elder_id,
            level=level,
            assessed_on=assessed_on,
            assessor=assessor,
            reference=reference,
        )

        return registration_assessment_out
