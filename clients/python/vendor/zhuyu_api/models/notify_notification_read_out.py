from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="NotifyNotificationReadOut")


@_attrs_define
class NotifyNotificationReadOut:
    """
    Attributes:
        id (int | Unset):  Example: 42.
        notification_id (str | Unset):  Example: 5b0e3c52-8f5d-5d0e-9c5e-1f0d3a1e2b7c.
        user_id (None | str | Unset): The user's or API key's id. Example: u-7f3c.
        role (None | str | Unset):  Example: point_admin.
        request_id (None | str | Unset):  Example: 3f2b9a7e-0c1d-4e5f-8a9b-0c1d2e3f4a5b.
        at (datetime.datetime | Unset):  Example: 2026-11-30T09:15:00+00:00.
    """

    id: int | Unset = UNSET
    notification_id: str | Unset = UNSET
    user_id: None | str | Unset = UNSET
    role: None | str | Unset = UNSET
    request_id: None | str | Unset = UNSET
    at: datetime.datetime | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        notification_id = self.notification_id

        user_id: None | str | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        else:
            user_id = self.user_id

        role: None | str | Unset
        if isinstance(self.role, Unset):
            role = UNSET
        else:
            role = self.role

        request_id: None | str | Unset
        if isinstance(self.request_id, Unset):
            request_id = UNSET
        else:
            request_id = self.request_id

        at: str | Unset = UNSET
        if not isinstance(self.at, Unset):
            at = self.at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if notification_id is not UNSET:
            field_dict["notification_id"] = notification_id
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if role is not UNSET:
            field_dict["role"] = role
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        if at is not UNSET:
            field_dict["at"] = at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        notification_id = d.pop("notification_id", UNSET)

        def _parse_user_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_id = _parse_user_id(d.pop("user_id", UNSET))

        def _parse_role(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        role = _parse_role(d.pop("role", UNSET))

        def _parse_request_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        request_id = _parse_request_id(d.pop("request_id", UNSET))

        _at = d.pop("at", UNSET)
        at: datetime.datetime | Unset
        if isinstance(_at, Unset):
            at = UNSET
        else:
            at = datetime.datetime.fromisoformat(_at)

        notify_notification_read_out = cls(
            id=id,
            notification_id=notification_id,
            user_id=user_id,
            role=role,
            request_id=request_id,
            at=at,
        )

        return notify_notification_read_out
