from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="VisitsPriceOut")


@_attrs_define
class VisitsPriceOut:
    """
    Attributes:
        id (str | Unset):
        funding (str | Unset):
        category (None | str | Unset):
        service_point_id (None | str | Unset):
        amount (float | Unset):
        effective_from (datetime.date | Unset):
        set_by (None | str | Unset):
        created_at (datetime.datetime | Unset):
    """

    id: str | Unset = UNSET
    funding: str | Unset = UNSET
    category: None | str | Unset = UNSET
    service_point_id: None | str | Unset = UNSET
    amount: float | Unset = UNSET
    effective_from: datetime.date | Unset = UNSET
    set_by: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        funding = self.funding

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        else:
            category = self.category

        service_point_id: None | str | Unset
        if isinstance(self.service_point_id, Unset):
            service_point_id = UNSET
        else:
            service_point_id = self.service_point_id

        amount = self.amount

        effective_from: str | Unset = UNSET
        if not isinstance(self.effective_from, Unset):
            effective_from = self.effective_from.isoformat()

        set_by: None | str | Unset
        if isinstance(self.set_by, Unset):
            set_by = UNSET
        else:
            set_by = self.set_by

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if funding is not UNSET:
            field_dict["funding"] = funding
        if category is not UNSET:
            field_dict["category"] = category
        if service_point_id is not UNSET:
            field_dict["service_point_id"] = service_point_id
        if amount is not UNSET:
            field_dict["amount"] = amount
        if effective_from is not UNSET:
            field_dict["effective_from"] = effective_from
        if set_by is not UNSET:
            field_dict["set_by"] = set_by
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        funding = d.pop("funding", UNSET)

        def _parse_category(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        category = _parse_category(d.pop("category", UNSET))

        def _parse_service_point_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        service_point_id = _parse_service_point_id(d.pop("service_point_id", UNSET))

        amount = d.pop("amount", UNSET)

        _effective_from = d.pop("effective_from", UNSET)
        effective_from: datetime.date | Unset
        if isinstance(_effective_from, Unset):
            effective_from = UNSET
        else:
            effective_from = datetime.date.fromisoformat(_effective_from)

        def _parse_set_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        set_by = _parse_set_by(d.pop("set_by", UNSET))

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        visits_price_out = cls(
            id=id,
            funding=funding,
            category=category,
            service_point_id=service_point_id,
            amount=amount,
            effective_from=effective_from,
            set_by=set_by,
            created_at=created_at,
        )

        return visits_price_out
