from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ComplaintsMergeIn")


@_attrs_define
class ComplaintsMergeIn:
    """
    Attributes:
        into (UUID): The record this duplicate joins.
        note (str | Unset):  Default: ''.
    """

    into: UUID
    note: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        into = str(self.into)

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "into": into,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        into = UUID(d.pop("into"))

        note = d.pop("note", UNSET)

        complaints_merge_in = cls(
            into=into,
            note=note,
        )

        return complaints_merge_in
