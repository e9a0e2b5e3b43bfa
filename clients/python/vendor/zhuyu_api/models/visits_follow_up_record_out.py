from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="VisitsFollowUpRecordOut")


@_attrs_define
class VisitsFollowUpRecordOut:
    """
    Attributes:
        classification (None | str | Unset): controlled|uncontrolled|danger (hypertension); normal|high|danger
            (bp_screening, high_risk).
        referral (bool | Unset):
        emergency (bool | Unset):
        next_due_on (datetime.date | Unset):
        diagnosed (bool | Unset): High on three different days: a first diagnosis; the plan is a hypertension one now.
    """

    classification: None | str | Unset = UNSET
    referral: bool | Unset = UNSET
    emergency: bool | Unset = UNSET
    next_due_on: datetime.date | Unset = UNSET
    diagnosed: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        classification: None | str | Unset
        if isinstance(self.classification, Unset):
            classification = UNSET
        else:
            classification = self.classification

        referral = self.referral

        emergency = self.emergency

        next_due_on: str | Unset = UNSET
        if not isinstance(self.next_due_on, Unset):
            next_due_on = self.next_due_on.isoformat()

        diagnosed = self.diagnosed

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if classification is not UNSET:
            field_dict["classification"] = classification
        if referral is not UNSET:
            field_dict["referral"] = referral
        if emergency is not UNSET:
            field_dict["emergency"] = emergency
        if next_due_on is not UNSET:
            field_dict["next_due_on"] = next_due_on
        if diagnosed is not UNSET:
            field_dict["diagnosed"] = diagnosed

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_classification(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        classification = _parse_classification(d.pop("classification", UNSET))

        referral = d.pop("referral", UNSET)

        emergency = d.pop("emergency", UNSET)

        _next_due_on = d.pop("next_due_on", UNSET)
        next_due_on: datetime.date | Unset
        if isinstance(_next_due_on, Unset):
            next_due_on = UNSET
        else:
            next_due_on = datetime.date.fromisoformat(_next_due_on)

        diagnosed = d.pop("diagnosed", UNSET)

        visits_follow_up_record_out = cls(
            classification=classification,
            referral=referral,
            emergency=emergency,
            next_due_on=next_due_on,
            diagnosed=diagnosed,
        )

        return visits_follow_up_record_out
