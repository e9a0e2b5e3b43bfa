from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="NotifyWebhookIn")


@_attrs_define
class NotifyWebhookIn:
    """
    Attributes:
        url (str):  Example: https://partner.example/zhuyu/events.
        event_types (list[str]): Event types of docs/events.md the owner's scopes read, or `*` for every one they read,
            each at most once; any other is refused (422) with its name. Example: ['registration.elder.registered',
            'visits.visit.checked_out'].
    """

    url: str
    event_types: list[str]

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        event_types = self.event_types

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "url": url,
                "event_types": event_types,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        url = d.pop("url")

        event_types = cast(list[str], d.pop("event_types"))

        notify_webhook_in = cls(
            url=url,
            event_types=event_types,
        )

        return notify_webhook_in
