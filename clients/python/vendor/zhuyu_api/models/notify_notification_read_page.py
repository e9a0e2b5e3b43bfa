from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.notify_notification_read_out import NotifyNotificationReadOut


T = TypeVar("T", bound="NotifyNotificationReadPage")


@_attrs_define
class NotifyNotificationReadPage:
    """
    Attributes:
        items (list[NotifyNotificationReadOut] | Unset):
        next_cursor (None | str | Unset):  Example: 42.
    """

    items: list[NotifyNotificationReadOut] | Unset = UNSET
    next_cursor: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        next_cursor: None | str | Unset
        if isinstance(self.next_cursor, Unset):
            next_cursor = UNSET
        else:
            next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if items is not UNSET:
            field_dict["items"] = items
        if next_cursor is not UNSET:
            field_dict["next_cursor"] = next_cursor

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.notify_notification_read_out import NotifyNotificationReadOut

        d = dict(src_dict)
        _items = d.pop("items", UNSET)
        items: list[NotifyNotificationReadOut] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = NotifyNotificationReadOut.from_dict(items_item_data)

                items.append(items_item)

        def _parse_next_cursor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor", UNSET))

        notify_notification_read_page = cls(
            items=items,
            next_cursor=next_cursor,
        )

        return notify_notification_read_page
