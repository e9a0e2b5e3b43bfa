from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="VisitsRulesOut")


@_attrs_define
class VisitsRulesOut:
    """
    Attributes:
        max_bath_minutes (int | Unset):
        min_rest_minutes (int | Unset):
        safety_commitment_version (str | Unset):
    """

    max_bath_minutes: int | Unset = UNSET
    min_rest_minutes: int | Unset = UNSET
    safety_commitment_version: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        max_bath_minutes = self.max_bath_minutes

        min_rest_minutes = self.min_rest_minutes

        safety_commitment_version = self.safety_commitment_version

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if max_bath_minutes is not UNSET:
            field_dict["max_bath_minutes"] = max_bath_minutes
        if min_rest_minutes is not UNSET:
            field_dict["min_rest_minutes"] = min_rest_minutes
        if safety_commitment_version is not UNSET:
            field_dict["safety_commitment_version"] = safety_commitment_version

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        max_bath_minutes = d.pop("max_bath_minutes", UNSET)

        min_rest_minutes = d.pop("min_rest_minutes", UNSET)

        safety_commitment_version = d.pop("safety_commitment_version", UNSET)

        visits_rules_out = cls(
            max_bath_minutes=max_bath_minutes,
            min_rest_minutes=min_rest_minutes,
            safety_commitment_version=safety_commitment_version,
        )

        return visits_rules_out
