from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.visits_incident_in_kind import VisitsIncidentInKind
from ..models.visits_incident_in_severity import VisitsIncidentInSeverity

T = TypeVar("T", bound="VisitsIncidentIn")


@_attrs_define
class VisitsIncidentIn:
    """
    Attributes:
        kind (VisitsIncidentInKind):
        severity (VisitsIncidentInSeverity):
        description (str):
    """

    kind: VisitsIncidentInKind
    severity: VisitsIncidentInSeverity
    description: str

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        severity = self.severity.value

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "severity": severity,
                "description": description,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        kind = VisitsIncidentInKind(d.pop("kind"))

        severity = VisitsIncidentInSeverity(d.pop("severity"))

        description = d.pop("description")

        visits_incident_in = cls(
            kind=kind,
            severity=severity,
            description=description,
        )

        return visits_incident_in
