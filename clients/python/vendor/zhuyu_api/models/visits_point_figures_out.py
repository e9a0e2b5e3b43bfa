from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.visits_point_figures import VisitsPointFigures


T = TypeVar("T", bound="VisitsPointFiguresOut")


@_attrs_define
class VisitsPointFiguresOut:
    """
    Attributes:
        service_point_id (None | str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        points (list[VisitsPointFigures] | Unset): Points with a visit in the period
    """

    service_point_id: None | str | Unset = UNSET
    from_: datetime.date | Unset = UNSET
    to: datetime.date | Unset = UNSET
    points: list[VisitsPointFigures] | Unset = UNSET

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

        points: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.points, Unset):
            points = []
            for points_item_data in self.points:
                points_item = points_item_data.to_dict()
                points.append(points_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if service_point_id is not UNSET:
            field_dict["service_point_id"] = service_point_id
        if from_ is not UNSET:
            field_dict["from"] = from_
        if to is not UNSET:
            field_dict["to"] = to
        if points is not UNSET:
            field_dict["points"] = points

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.visits_point_figures import VisitsPointFigures

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

        _points = d.pop("points", UNSET)
        points: list[VisitsPointFigures] | Unset = UNSET
        if _points is not UNSET:
            points = []
            for points_item_data in _points:
                points_item = VisitsPointFigures.from_dict(points_item_data)

                points.append(points_item)

        visits_point_figures_out = cls(
            service_point_id=service_point_id,
            from_=from_,
            to=to,
            points=points,
        )

        return visits_point_figures_out
