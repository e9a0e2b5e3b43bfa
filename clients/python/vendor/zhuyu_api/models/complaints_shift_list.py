from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.complaints_gap_out import ComplaintsGapOut
    from ..models.complaints_shift_out import ComplaintsShiftOut


T = TypeVar("T", bound="ComplaintsShiftList")


@_attrs_define
class ComplaintsShiftList:
    """
    Attributes:
        items (list[ComplaintsShiftOut] | Unset):
        coverage_gaps (list[ComplaintsGapOut] | Unset):
    """

    items: list[ComplaintsShiftOut] | Unset = UNSET
    coverage_gaps: list[ComplaintsGapOut] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        coverage_gaps: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.coverage_gaps, Unset):
            coverage_gaps = []
            for coverage_gaps_item_data in self.coverage_gaps:
                coverage_gaps_item = coverage_gaps_item_data.to_dict()
                coverage_gaps.append(coverage_gaps_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if items is not UNSET:
            field_dict["items"] = items
        if coverage_gaps is not UNSET:
            field_dict["coverage_gaps"] = coverage_gaps

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.complaints_gap_out import ComplaintsGapOut
        from ..models.complaints_shift_out import ComplaintsShiftOut

        d = dict(src_dict)
        _items = d.pop("items", UNSET)
        items: list[ComplaintsShiftOut] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = ComplaintsShiftOut.from_dict(items_item_data)

                items.append(items_item)

        _coverage_gaps = d.pop("coverage_gaps", UNSET)
        coverage_gaps: list[ComplaintsGapOut] | Unset = UNSET
        if _coverage_gaps is not UNSET:
            coverage_gaps = []
            for coverage_gaps_item_data in _coverage_gaps:
                coverage_gaps_item = ComplaintsGapOut.from_dict(coverage_gaps_item_data)

                coverage_gaps.append(coverage_gaps_item)

        complaints_shift_list = cls(
            items=items,
            coverage_gaps=coverage_gaps,
        )

        return complaints_shift_list
