from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="NotifyRecipient")


@_attrs_define
class NotifyRecipient:
    """
    Attributes:
        type_ (str | Unset):
        id (str | Unset):
        address (str | Unset):
    """

    type_: str | Unset = UNSET
    id: str | Unset = UNSET
    address: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        id = self.id

        address = self.address

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if id is not UNSET:
            field_dict["id"] = id
        if address is not UNSET:
            field_dict["address"] = address

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type", UNSET)

        id = d.pop("id", UNSET)

        address = d.pop("address", UNSET)

        notify_recipient = cls(
            type_=type_,
            id=id,
            address=address,
        )

        return notify_recipient
