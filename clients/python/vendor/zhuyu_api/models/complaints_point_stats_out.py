from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.complaints_point_stats import ComplaintsPointStats
    from ..models.complaints_point_stats_out_targets import (
        ComplaintsPointStatsOutTargets,
    )
    from ..models.complaints_stats_totals import ComplaintsStatsTotals


T = TypeVar("T", bound="ComplaintsPointStatsOut")


@_attrs_define
class ComplaintsPointStatsOut:
    """
    Attributes:
        service_point_id (None | str | Unset):
        points (list[ComplaintsPointStats] | Unset): Points with a record or a survey.
        totals (ComplaintsStatsTotals | Unset):
        targets (ComplaintsPointStatsOutTargets | Unset):
    """

    service_point_id: None | str | Unset = UNSET
    points: list[ComplaintsPointStats] | Unset = UNSET
    totals: ComplaintsStatsTotals | Unset = UNSET
    targets: ComplaintsPointStatsOutTargets | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        service_point_id: None | str | Unset
        if isinstance(self.service_point_id, Unset):
            service_point_id = UNSET
        else:
            service_point_id = self.service_point_id

        points: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.points, Unset):
            points = []
            for points_item_data in self.points:
                points_item = points_item_data.to_dict()
                points.append(points_item)

        totals: dict[str, Any] | Unset = UNSET
        if not isinstance(self.totals, Unset):
            totals = self.totals.to_dict()

        targets: dict[str, Any] | Unset = UNSET
        if not isinstance(self.targets, Unset):
            targets = self.targets.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if service_point_id is not UNSET:
            field_dict["service_point_id"] = service_point_id
        if points is not UNSET:
            field_dict["points"] = points
        if totals is not UNSET:
            field_dict["totals"] = totals
        if targets is not UNSET:
            field_dict["targets"] = targets

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.complaints_point_stats import ComplaintsPointStats
        from ..models.complaints_point_stats_out_targets import (
            ComplaintsPointStatsOutTargets,
        )
        from ..models.complaints_stats_totals import ComplaintsStatsTotals

        d = dict(src_dict)

        def _parse_service_point_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        service_point_id = _parse_service_point_id(d.pop("service_point_id", UNSET))

        _points = d.pop("points", UNSET)
        points: list[ComplaintsPointStats] | Unset = UNSET
        if _points is not UNSET:
            points = []
            for points_item_data in _points:
                points_item = ComplaintsPointStats.from_dict(points_item_data)

                points.append(points_item)

        _totals = d.pop("totals", UNSET)
        totals: ComplaintsStatsTotals | Unset
        if isinstance(_totals, Unset):
            totals = UNSET
        else:
            totals = ComplaintsStatsTotals.from_dict(_totals)

        _targets = d.pop("targets", UNSET)
        targets: ComplaintsPointStatsOutTargets | Unset
        if isinstance(_targets, Unset):
            targets = UNSET
        else:
            targets = ComplaintsPointStatsOutTargets.from_dict(_targets)

        complaints_point_stats_out = cls(
            service_point_id=service_point_id,
            points=points,
            totals=totals,
            targets=targets,
        )

        return complaints_point_stats_out
