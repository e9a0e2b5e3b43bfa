from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.visits_timeline_entry_details import VisitsTimelineEntryDetails


T = TypeVar("T", bound="VisitsTimelineEntry")


@_attrs_define
class VisitsTimelineEntry:
    """
    Attributes:
        action (str | Unset):
        at (datetime.datetime | Unset):
        actor (None | str | Unset):
        staff_id (None | str | Unset):
        details (VisitsTimelineEntryDetails | Unset):
    """

    action: str | Unset = UNSET
    at: datetime.datetime | Unset = UNSET
    actor: None | str | Unset = UNSET
    staff_id: None | str | Unset = UNSET
    details: VisitsTimelineEntryDetails | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        at: str | Unset = UNSET
        if not isinstance(self.at, Unset):
            at = self.at.isoformat()

        actor: None | str | Unset
        if isinstance(self.actor, Unset):
            actor = UNSET
        else:
            actor = self.actor

        staff_id: None | str | Unset
        if isinstance(self.staff_id, Unset):
            staff_id = UNSET
        else:
            staff_id = self.staff_id

        details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.details, Unset):
            details = self.details.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if action is not UNSET:
            field_dict["action"] = action
        if at is not UNSET:
            field_dict["at"] = at
        if actor is not UNSET:
            field_dict["actor"] = actor
        if staff_id is not UNSET:
            field_dict["staff_id"] = staff_id
        if details is not UNSET:
            field_dict["details"] = details

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.visits_timeline_entry_details import VisitsTimelineEntryDetails

        d = dict(src_dict)
        action = d.pop("action", UNSET)

        _at = d.pop("at", UNSET)
        at: datetime.datetime | Unset
        if isinstance(_at, Unset):
            at = UNSET
        else:
            at = datetime.datetime.fromisoformat(_at)

        def _parse_actor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        actor = _parse_actor(d.pop("actor", UNSET))

        def _parse_staff_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        staff_id = _parse_staff_id(d.pop("staff_id", UNSET))

        _details = d.pop("details", UNSET)
        details: VisitsTimelineEntryDetails | Unset
        if isinstance(_details, Unset):
            details = UNSET
        else:
            details = VisitsTimelineEntryDetails.from_dict(_details)

        visits_timeline_entry = cls(
            action=action,
            at=at,
            actor=actor,
            staff_id=staff_id,
            details=details,
        )

        return visits_timeline_entry
