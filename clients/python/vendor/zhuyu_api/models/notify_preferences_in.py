from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.notify_preferences_in_channels_item import NotifyPreferencesInChannelsItem
from ..types import UNSET, Unset

T = TypeVar("T", bound="NotifyPreferencesIn")


@_attrs_define
class NotifyPreferencesIn:
    """
    Attributes:
        channels (list[NotifyPreferencesInChannelsItem] | Unset):
        opt_out (list[str] | Unset):
    """

    channels: list[NotifyPreferencesInChannelsItem] | Unset = UNSET
    opt_out: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        channels: list[str] | Unset = UNSET
        if not isinstance(self.channels, Unset):
            channels = []
            for channels_item_data in self.channels:
                channels_item = channels_item_data.value
                channels.append(channels_item)

        opt_out: list[str] | Unset = UNSET
        if not isinstance(self.opt_out, Unset):
            opt_out = self.opt_out

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if channels is not UNSET:
            field_dict["channels"] = channels
        if opt_out is not UNSET:
            field_dict["opt_out"] = opt_out

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _channels = d.pop("channels", UNSET)
        channels: list[NotifyPreferencesInChannelsItem] | Unset = UNSET
        if _channels is not UNSET:
            channels = []
            for channels_item_data in _channels:
                channels_item = NotifyPreferencesInChannelsItem(channels_item_data)

                channels.append(channels_item)

        opt_out = cast(list[str], d.pop("opt_out", UNSET))

        notify_preferences_in = cls(
            channels=channels,
            opt_out=opt_out,
        )

        return notify_preferences_in
