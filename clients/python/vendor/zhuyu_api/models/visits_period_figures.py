from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.visits_day_figures import VisitsDayFigures
    from ..models.visits_figures import VisitsFigures


T = TypeVar("T", bound="VisitsPeriodFigures")


@_attrs_define
class VisitsPeriodFigures:
    """
    Attributes:
        service_point_id (None | str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        totals (VisitsFigures | Unset):
        days (list[VisitsDayFigures] | Unset):
    """

    service_point_id: None | str | Unset = UNSET
    from_: datetime.date | Unset = UNSET
    to: datetime.date | Unset = UNSET
    totals: VisitsFigures | Unset = UNSET
    days: list[VisitsDayFigures] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        service_point_id: None | str | Unset
        if isinstance(self.service_point_id, Unset):
            service_point_id = UNSET
        else:
            service_point_id = self.service_point_id

        from_: str | Unset = UNSET
        if not isinstance(self.from_, Unset):
            from_ = self.from_.isoformat()

        to: str | Unset = UNSET
        if not isinstance(self.to, Unset):
            to = self.to.isoformat()

        totals: dict[str, Any] | Unset = UNSET
        if not isinstance(self.totals, Unset):
            totals = self.totals.to_dict()

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
        if from_ is not UNSET:
            field_dict["from"] = from_
        if to is not UNSET:
            field_dict["to"] = to
        if totals is not UNSET:
            field_dict["totals"] = totals
        if days is not UNSET:
            field_dict["days"] = days

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.visits_day_figures import VisitsDayFigures
        from ..models.visits_figures import VisitsFigures

        d = dict(src_dict)

        def _parse_service_point_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        service_point_id = _parse_service_point_id(d.pop("service_point_id", UNSET))

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

        _totals = d.pop("totals", UNSET)
        totals: VisitsFigures | Unset
        if isinstance(_totals, Unset):
            totals = UNSET
        else:
            totals = VisitsFigures.from_dict(_totals)

        _days = d.pop("days", UNSET)
        days: list[VisitsDayFigures] | Unset = UNSET
        if _days is not UNSET:
            days = []
            for days_item_data in _days:
                days_item = VisitsDayFigures.from_dict(days_item_data)

                days.append(days_item)

        visits_period_figures = cls(
            service_point_id=service_point_id,
            from_=from_,
            to=to,
            totals=totals,
            days=days,
        )

        return visits_period_figures
