from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ComplaintsSatisfactionOut")


@_attrs_define
class ComplaintsSatisfactionOut:
    """
    Attributes:
        responses (int | Unset):
        satisfied (int | Unset):
        rate (float | None | Unset): satisfied / responses, 0–1; null with none.
    """

    responses: int | Unset = UNSET
    satisfied: int | Unset = UNSET
    rate: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        responses = self.responses

        satisfied = self.satisfied

        rate: float | None | Unset
        if isinstance(self.rate, Unset):
            rate = UNSET
        else:
            rate = self.rate

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if responses is not UNSET:
            field_dict["responses"] = responses
        if satisfied is not UNSET:
            field_dict["satisfied"] = satisfied
        if rate is not UNSET:
            field_dict["rate"] = rate

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        responses = d.pop("responses", UNSET)

        satisfied = d.pop("satisfied", UNSET)

        def _parse_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        rate = _parse_rate(d.pop("rate", UNSET))

        complaints_satisfaction_out = cls(
            responses=responses,
            satisfied=satisfied,
            rate=rate,
        )

        return complaints_satisfaction_out
