from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="VisitsCheckoutIn")


@_attrs_define
class VisitsCheckoutIn:
    """
    Attributes:
        early_leave_reason (None | str | Unset):
    """

    early_leave_reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        early_leave_reason: None | str | Unset
        if isinstance(self.early_leave_reason, Unset):
            early_leave_reason = UNSET
        else:
            early_leave_reason = self.early_leave_reason

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if early_leave_reason is not UNSET:
            field_dict["early_leave_reason"] = early_leave_reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_early_leave_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        early_leave_reason = _parse_early_leave_reason(
            d.pop("early_leave_reason", UNSET)
        )

        visits_checkout_in = cls(
            early_leave_reason=early_leave_reason,
        )

        return visits_checkout_in
