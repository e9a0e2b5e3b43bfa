from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="NotifyWebhookView")


@_attrs_define
class NotifyWebhookView:
    """
    Attributes:
        id (str | Unset):
        url (str | Unset):
        event_types (list[str] | Unset):
        active (bool | Unset):
        consecutive_failures (int | Unset):
        disabled_reason (None | str | Unset):
        service_point_id (None | str | Unset):
        scopes (list[str] | Unset): The owner's read scopes when it subscribed: only the event types they read are sent.
            Example: ['elders:read', 'visits:read'].
        revoked (bool | Unset): Stopped for good because its owner's key was revoked or its user disabled.
        created_at (datetime.datetime | Unset):
    """

    id: str | Unset = UNSET
    url: str | Unset = UNSET
    event_types: list[str] | Unset = UNSET
    active: bool | Unset = UNSET
    consecutive_failures: int | Unset = UNSET
    disabled_reason: None | str | Unset = UNSET
    service_point_id: None | str | Unset = UNSET
    scopes: list[str] | Unset = UNSET
    revoked: bool | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        url = self.url

        event_types: list[str] | Unset = UNSET
        if not isinstance(self.event_types, Unset):
            event_types = self.event_types

        active = self.active

        consecutive_failures = self.consecutive_failures

        disabled_reason: None | str | Unset
        if isinstance(self.disabled_reason, Unset):
            disabled_reason = UNSET
        else:
            disabled_reason = self.disabled_reason

        service_point_id: None | str | Unset
        if isinstance(self.service_point_id, Unset):
            service_point_id = UNSET
        else:
            service_point_id = self.service_point_id

        scopes: list[str] | Unset = UNSET
        if not isinstance(self.scopes, Unset):
            scopes = self.scopes

        revoked = self.revoked

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if url is not UNSET:
            field_dict["url"] = url
        if event_types is not UNSET:
            field_dict["event_types"] = event_types
        if active is not UNSET:
            field_dict["active"] = active
        if consecutive_failures is not UNSET:
            field_dict["consecutive_failures"] = consecutive_failures
        if disabled_reason is not UNSET:
            field_dict["disabled_reason"] = disabled_reason
        if service_point_id is not UNSET:
            field_dict["service_point_id"] = service_point_id
        if scopes is not UNSET:
            field_dict["scopes"] = scopes
        if revoked is not UNSET:
            field_dict["revoked"] = revoked
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        url = d.pop("url", UNSET)

        event_types = cast(list[str], d.pop("event_types", UNSET))

        active = d.pop("active", UNSET)

        consecutive_failures = d.pop("consecutive_failures", UNSET)

        def _parse_disabled_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        disabled_reason = _parse_disabled_reason(d.pop("disabled_reason", UNSET))

        def _parse_service_point_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        service_point_id = _parse_service_point_id(d.pop("service_point_id", UNSET))

        scopes = cast(list[str], d.pop("scopes", UNSET))

        revoked = d.pop("revoked", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        notify_webhook_view = cls(
            id=id,
            url=url,
            event_types=event_types,
            active=active,
            consecutive_failures=consecutive_failures,
            disabled_reason=disabled_reason,
            service_point_id=service_point_id,
            scopes=scopes,
            revoked=revoked,
            created_at=created_at,
        )

        return notify_webhook_view
