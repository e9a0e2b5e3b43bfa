from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.visits_point_rate import VisitsPointRate
    from ..models.visits_rate_totals import VisitsRateTotals


T = TypeVar("T", bound="VisitsPointRatesOut")


@_attrs_define
class VisitsPointRatesOut:
    """
    Attributes:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        target (float | Unset):
        totals (VisitsRateTotals | Unset):
        points (list[VisitsPointRate] | Unset): Points with a home visit due
    """

    from_: datetime.date | Unset = UNSET
    to: datetime.date | Unset = UNSET
    target: float | Unset = UNSET
    totals: VisitsRateTotals | Unset = UNSET
    points: list[VisitsPointRate] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from_: str | Unset = UNSET
        if not isinstance(self.from_, Unset):
            from_ = self.from_.isoformat()

        to: str | Unset = UNSET
        if not isinstance(self.to, Unset):
            to = self.to.isoformat()

        target = self.target

        totals: dict[str, Any] | Unset = UNSET
        if not isinstance(self.totals, Unset):
            totals = self.totals.to_dict()

        points: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.points, Unset):
            points = []
            for points_item_data in self.points:
                points_item = points_item_data.to_dict()
                points.append(points_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if from_ is not UNSET:
            field_dict["from"] = from_
        if to is not UNSET:
            field_dict["to"] = to
        if target is not UNSET:
            field_dict["target"] = target
        if totals is not UNSET:
            field_dict["totals"] = totals
        if points is not UNSET:
            field_dict["points"] = points

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.visits_point_rate import VisitsPointRate
        from ..models.visits_rate_totals import VisitsRateTotals

        d = dict(src_dict)
        _from_ = d.pop("from", UNSET)
        from_: datetime.date | Unset
        if isinstance(_from_, Unset):
            from_ = UNSET
        else:
            from_ = datetime.date.fromisoformat(_from_)

        _to = d.pop("to", UNSET)
        to: datetime.date | Unset
        if isinstance(_to, Unset):
            to = UNSET
        else:
            to = datetime.date.fromisoformat(_to)

        target = d.pop("target", UNSET)

        _totals = d.pop("totals", UNSET)
        totals: VisitsRateTotals | Unset
        if isinstance(_totals, Unset):
            totals = UNSET
        else:
            totals = VisitsRateTotals.from_dict(_totals)

        _points = d.pop("points", UNSET)
        points: list[VisitsPointRate] | Unset = UNSET
        if _points is not UNSET:
            points = []
            for points_item_data in _points:
                points_item = VisitsPointRate.from_dict(points_item_data)

                points.append(points_item)

        visits_point_rates_out = cls(
            from_=from_,
            to=to,
            target=target,
            totals=totals,
            points=points,
        )

        return visits_point_rates_out
