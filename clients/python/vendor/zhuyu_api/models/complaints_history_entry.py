from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ComplaintsHistoryEntry")


@_attrs_define
class ComplaintsHistoryEntry:
    """
    Attributes:
        at (datetime.datetime | Unset):
        action (str | Unset):
        actor (None | str | Unset):
        actor_staff_id (None | str | Unset):
        status (str | Unset):
    """

    at: datetime.datetime | Unset = UNSET
    action: str | Unset = UNSET
    actor: None | str | Unset = UNSET
    actor_staff_id: None | str | Unset = UNSET
    status: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at: str | Unset = UNSET
        if not isinstance(self.at, Unset):
            at = self.at.isoformat()

        action = self.action

        actor: None | str | Unset
        if isinstance(self.actor, Unset):
            actor = UNSET
        else:
            actor = self.actor

        actor_staff_id: None | str | Unset
        if isinstance(self.actor_staff_id, Unset):
            actor_staff_id = UNSET
        else:
            actor_staff_id = self.actor_staff_id

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if at is not UNSET:
            field_dict["at"] = at
        if action is not UNSET:
            field_dict["action"] = action
        if actor is not UNSET:
            field_dict["actor"] = actor
        if actor_staff_id is not UNSET:
            field_dict["actor_staff_id"] = actor_staff_id
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _at = d.pop("at", UNSET)
        at: datetime.datetime | Unset
        if isinstance(_at, Unset):
            at = UNSET
        else:
            at = datetime.datetime.fromisoformat(_at)

        action = d.pop("action", UNSET)

        def _parse_actor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        actor = _parse_actor(d.pop("actor", UNSET))

        def _parse_actor_staff_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        actor_staff_id = _parse_actor_staff_id(d.pop("actor_staff_id", UNSET))

        status = d.pop("status", UNSET)

        complaints_history_entry = cls(
            at=at,
            action=action,
            actor=actor,
            actor_staff_id=actor_staff_id,
            status=status,
        )

        complaints_history_entry.additional_properties = d
        return complaints_history_entry

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
