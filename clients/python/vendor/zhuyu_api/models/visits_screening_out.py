from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="VisitsScreeningOut")


@_attrs_define
class VisitsScreeningOut:
    """
    Attributes:
        status (str | Unset):
        refusal_reasons (list[str] | Unset):
        warnings (list[str] | Unset):
        urgent (bool | Unset):
        referral_advised (bool | Unset):
        reminders (list[str] | Unset):
    """

    status: str | Unset = UNSET
    refusal_reasons: list[str] | Unset = UNSET
    warnings: list[str] | Unset = UNSET
    urgent: bool | Unset = UNSET
    referral_advised: bool | Unset = UNSET
    reminders: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        refusal_reasons: list[str] | Unset = UNSET
        if not isinstance(self.refusal_reasons, Unset):
            refusal_reasons = self.refusal_reasons

        warnings: list[str] | Unset = UNSET
        if not isinstance(self.warnings, Unset):
            warnings = self.warnings

        urgent = self.urgent

        referral_advised = self.referral_advised

        reminders: list[str] | Unset = UNSET
        if not isinstance(self.reminders, Unset):
            reminders = self.reminders

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if refusal_reasons is not UNSET:
            field_dict["refusal_reasons"] = refusal_reasons
        if warnings is not UNSET:
            field_dict["warnings"] = warnings
        if urgent is not UNSET:
            field_dict["urgent"] = urgent
        if referral_advised is not UNSET:
            field_dict["referral_advised"] = referral_advised
        if reminders is not UNSET:
            field_dict["reminders"] = reminders

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status = d.pop("status", UNSET)

        refusal_reasons = cast(list[str], d.pop("refusal_reasons", UNSET))

        warnings = cast(list[str], d.pop("warnings", UNSET))

        urgent = d.pop("urgent", UNSET)

        referral_advised = d.pop("referral_advised", UNSET)

        reminders = cast(list[str], d.pop("reminders", UNSET))

        visits_screening_out = cls(
            status=status,
            refusal_reasons=refusal_reasons,
            warnings=warnings,
            urgent=urgent,
            referral_advised=referral_advised,
            reminders=reminders,
        )

        return visits_screening_out
