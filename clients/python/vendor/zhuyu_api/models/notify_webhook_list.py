from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.notify_webhook_view import NotifyWebhookView


T = TypeVar("T", bound="NotifyWebhookList")


@_attrs_define
class NotifyWebhookList:
    """
    Attributes:
        items (list[NotifyWebhookView] | Unset):
    """

    items: list[NotifyWebhookView] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if items is not UNSET:
            field_dict["items"] = items

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.notify_webhook_view import NotifyWebhookView

        d = dict(src_dict)
        _items = d.pop("items", UNSET)
        items: list[NotifyWebhookView] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = NotifyWebhookView.from_dict(items_item_data)

                items.append(items_item)

        notify_webhook_list = cls(
            items=items,
        )

        return notify_webhook_list
