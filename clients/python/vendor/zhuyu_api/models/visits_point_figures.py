from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.visits_point_day import VisitsPointDay
    from ..models.visits_point_figures_refusals_by_reason import (
        VisitsPointFiguresRefusalsByReason,
    )


T = TypeVar("T", bound="VisitsPointFigures")


@_attrs_define
class VisitsPointFigures:
    """
    Attributes:
        service_point_id (str | Unset):
        visits (int | Unset):
        checked_out (int | Unset):
        refused (int | Unset):
        refusals_by_reason (VisitsPointFiguresRefusalsByReason | Unset):
        incidents (int | Unset):
        days (list[VisitsPointDay] | Unset): Days with a visit or an incident
    """

    service_point_id: str | Unset = UNSET
    visits: int | Unset = UNSET
    checked_out: int | Unset = UNSET
    refused: int | Unset = UNSET
    refusals_by_reason: VisitsPointFiguresRefusalsByReason | Unset = UNSET
    incidents: int | Unset = UNSET
    days: list[VisitsPointDay] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        service_point_id = self.service_point_id

        visits = self.visits

        checked_out = self.checked_out

        refused = self.refused

        refusals_by_reason: dict[str, Any] | Unset = UNSET
        if not isinstance(self.refusals_by_reason, Unset):
            refusals_by_reason = self.refusals_by_reason.to_dict()

        incidents = self.incidents

        days: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.days, Unset):
            days = []
            for days_item_data in self.days:
                days_item = days_item_data.to_dict()
                days.append(days_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if service_point_id is not UNSET:
            field_dict["service_point_id"] = service_point_id
        if visits is not UNSET:
            field_dict["visits"] = visits
        if checked_out is not UNSET:
            field_dict["checked_out"] = checked_out
        if refused is not UNSET:
            field_dict["refused"] = refused
        if refusals_by_reason is not UNSET:
            field_dict["refusals_by_reason"] = refusals_by_reason
        if incidents is not UNSET:
            field_dict["incidents"] = incidents
        if days is not UNSET:
            field_dict["days"] = days

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.visits_point_day import VisitsPointDay
        from ..models.visits_point_figures_refusals_by_reason import (
            VisitsPointFiguresRefusalsByReason,
        )

        d = dict(src_dict)
        service_point_id = d.pop("service_point_id", UNSET)

        visits = d.pop("visits", UNSET)

        checked_out = d.pop("checked_out", UNSET)

        refused = d.pop("refused", UNSET)

        _refusals_by_reason = d.pop("refusals_by_reason", UNSET)
        refusals_by_reason: VisitsPointFiguresRefusalsByReason | Unset
        if isinstance(_refusals_by_reason, Unset):
            refusals_by_reason = UNSET
        else:
            refusals_by_reason = VisitsPointFiguresRefusalsByReason.from_dict(
                _refusals_by_reason
            )

        incidents = d.pop("incidents", UNSET)

        _days = d.pop("days", UNSET)
        days: list[VisitsPointDay] | Unset = UNSET
        if _days is not UNSET:
            days = []
            for days_item_data in _days:
                days_item = VisitsPointDay.from_dict(days_item_data)

                days.append(days_item)

        visits_point_figures = cls(
            service_point_id=service_point_id,
            visits=visits,
            checked_out=checked_out,
            refused=refused,
            refusals_by_reason=refusals_by_reason,
            incidents=incidents,
            days=days,
        )

        return visits_point_figures
