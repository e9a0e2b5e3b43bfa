from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="NotifyPreferencesOut")


@_attrs_define
class NotifyPreferencesOut:
    """
    Attributes:
        recipient_id (str | Unset):
        channels (list[str] | Unset):
        opt_out (list[str] | Unset):
    """

    recipient_id: str | Unset = UNSET
    channels: list[str] | Unset = UNSET
    opt_out: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        recipient_id = self.recipient_id

        channels: list[str] | Unset = UNSET
        if not isinstance(self.channels, Unset):
            channels = self.channels

        opt_out: list[str] | Unset = UNSET
        if not isinstance(self.opt_out, Unset):
            opt_out = self.opt_out

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if recipient_id is not UNSET:
            field_dict["recipient_id"] = recipient_id
        if channels is not UNSET:
            field_dict["channels"] = channels
        if opt_out is not UNSET:
            field_dict["opt_out"] = opt_out

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        recipient_id = d.pop("recipient_id", UNSET)

        channels = cast(list[str], d.pop("channels", UNSET))

        opt_out = cast(list[str], d.pop("opt_out", UNSET))

        notify_preferences_out = cls(
            recipient_id=recipient_id,
            channels=channels,
            opt_out=opt_out,
        )

        return notify_preferences_out
