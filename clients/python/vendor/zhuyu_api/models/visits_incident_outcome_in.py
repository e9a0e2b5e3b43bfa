from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.visits_incident_outcome_in_outcome import VisitsIncidentOutcomeInOutcome
from ..types import UNSET, Unset

T = TypeVar("T", bound="VisitsIncidentOutcomeIn")


@_attrs_define
class VisitsIncidentOutcomeIn:
    """
    Attributes:
        outcome (VisitsIncidentOutcomeInOutcome):
        note (str | Unset):  Default: ''.
    """

    outcome: VisitsIncidentOutcomeInOutcome
    note: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        outcome = self.outcome.value

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "outcome": outcome,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        outcome = VisitsIncidentOutcomeInOutcome(d.pop("outcome"))

        note = d.pop("note", UNSET)

        visits_incident_outcome_in = cls(
            outcome=outcome,
            note=note,
        )

        return visits_incident_outcome_in
