from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.registration_close_in_reason import RegistrationCloseInReason

T = TypeVar("T", bound="RegistrationCloseIn")


@_attrs_define
class RegistrationCloseIn:
    """
    Attributes:
        reason (RegistrationCloseInReason):
    """

    reason: RegistrationCloseInReason

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        reason = RegistrationCloseInReason(d.pop("reason"))

        registration_close_in = cls(
            reason=reason,
        )

        return registration_close_in
