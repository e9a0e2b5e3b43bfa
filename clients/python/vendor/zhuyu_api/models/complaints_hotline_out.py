from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ComplaintsHotlineOut")


@_attrs_define
class ComplaintsHotlineOut:
    """
    Attributes:
        calls (int | Unset):
        answered (int | Unset):
        answer_rate (float | None | Unset):
    """

    calls: int | Unset = UNSET
    answered: int | Unset = UNSET
    answer_rate: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        calls = self.calls

        answered = self.answered

        answer_rate: float | None | Unset
        if isinstance(self.answer_rate, Unset):
            answer_rate = UNSET
        else:
            answer_rate = self.answer_rate

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if calls is not UNSET:
            field_dict["calls"] = calls
        if answered is not UNSET:
            field_dict["answered"] = answered
        if answer_rate is not UNSET:
            field_dict["answer_rate"] = answer_rate

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        calls = d.pop("calls", UNSET)

        answered = d.pop("answered", UNSET)

        def _parse_answer_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        answer_rate = _parse_answer_rate(d.pop("answer_rate", UNSET))

        complaints_hotline_out = cls(
            calls=calls,
            answered=answered,
            answer_rate=answer_rate,
        )

        return complaints_hotline_out
