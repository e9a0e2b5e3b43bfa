from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ComplaintsReviewIn")


@_attrs_define
class ComplaintsReviewIn:
    """
    Attributes:
        approved (bool):
        note (str | Unset):  Default: ''.
    """

    approved: bool
    note: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        approved = self.approved

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "approved": approved,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        approved = d.pop("approved")

        note = d.pop("note", UNSET)

        complaints_review_in = cls(
            approved=approved,
            note=note,
        )

        return complaints_review_in
