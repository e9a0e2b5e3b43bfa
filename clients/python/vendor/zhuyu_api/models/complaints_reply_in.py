from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ComplaintsReplyIn")


@_attrs_define
class ComplaintsReplyIn:
    """
    Attributes:
        content (str):
        written (bool | Unset):  Default: False.
    """

    content: str
    written: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        content = self.content

        written = self.written

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "content": content,
            }
        )
        if written is not UNSET:
            field_dict["written"] = written

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        content = d.pop("content")

        written = d.pop("written", UNSET)

        complaints_reply_in = cls(
            content=content,
            written=written,
        )

        return complaints_reply_in
