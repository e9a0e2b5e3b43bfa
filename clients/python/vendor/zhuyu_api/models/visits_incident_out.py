from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="VisitsIncidentOut")


@_attrs_define
class VisitsIncidentOut:
    """
    Attributes:
        id (str | Unset):
        visit_id (str | Unset):
        elder_id (str | Unset):
        service_point_id (str | Unset):
        kind (str | Unset):
        severity (str | Unset):
        description (str | Unset):
        outcome (None | str | Unset):
        outcome_note (None | str | Unset):
        closed_at (datetime.datetime | None | Unset):
        created_at (datetime.datetime | Unset):
    """

    id: str | Unset = UNSET
    visit_id: str | Unset = UNSET
    elder_id: str | Unset = UNSET
    service_point_id: str | Unset = UNSET
    kind: str | Unset = UNSET
    severity: str | Unset = UNSET
    description: str | Unset = UNSET
    outcome: None | str | Unset = UNSET
    outcome_note: None | str | Unset = UNSET
    closed_at: datetime.datetime | None | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        visit_id = self.visit_id

        elder_id = self.elder_id

        service_point_id = self.service_point_id

        kind = self.kind

        severity = self.severity

        description = self.description

        outcome: None | str | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        else:
            outcome = self.outcome

        outcome_note: None | str | Unset
        if isinstance(self.outcome_note, Unset):
            outcome_note = UNSET
        else:
            outcome_note = self.outcome_note

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        elif isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if visit_id is not UNSET:
            field_dict["visit_id"] = visit_id
        if elder_id is not UNSET:
            field_dict["elder_id"] = elder_id
        if service_point_id is not UNSET:
            field_dict["service_point_id"] = service_point_id
        if kind is not UNSET:
            field_dict["kind"] = kind
        if severity is not UNSET:
            field_dict["severity"] = severity
        if description is not UNSET:
            field_dict["description"] = description
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if outcome_note is not UNSET:
            field_dict["outcome_note"] = outcome_note
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        visit_id = d.pop("visit_id", UNSET)

        elder_id = d.pop("elder_id", UNSET)

        service_point_id = d.pop("service_point_id", UNSET)

        kind = d.pop("kind", UNSET)

        severity = d.pop("severity", UNSET)

        description = d.pop("description", UNSET)

        def _parse_outcome(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))

        def _parse_outcome_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        outcome_note = _parse_outcome_note(d.pop("outcome_note", UNSET))

        def _parse_closed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        closed_at = _parse_closed_at(d.pop("closed_at", UNSET))

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        visits_incident_out = cls(
            id=id,
            visit_id=visit_id,
            elder_id=elder_id,
            service_point_id=service_point_id,
            kind=kind,
            severity=severity,
            description=description,
            outcome=outcome,
            outcome_note=outcome_note,
            closed_at=closed_at,
            created_at=created_at,
        )

        return visits_incident_out
