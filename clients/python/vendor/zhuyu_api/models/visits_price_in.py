from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.visits_price_in_funding import VisitsPriceInFunding
from ..types import UNSET, Unset

T = TypeVar("T", bound="VisitsPriceIn")


@_attrs_define
class VisitsPriceIn:
    """
    Attributes:
        funding (VisitsPriceInFunding):
        amount (float): Yuan per bath.
        effective_from (datetime.date): From this day on (today or later).
        category (None | str | Unset): government: the subsidy category.
        service_point_id (None | Unset | UUID): self_pay: the point (required); government: the point, or none for the
            city-wide price.
    """

    funding: VisitsPriceInFunding
    amount: float
    effective_from: datetime.date
    category: None | str | Unset = UNSET
    service_point_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        funding = self.funding.value

        amount = self.amount

        effective_from = self.effective_from.isoformat()

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        else:
            category = self.category

        service_point_id: None | str | Unset
        if isinstance(self.service_point_id, Unset):
            service_point_id = UNSET
        elif isinstance(self.service_point_id, UUID):
            service_point_id = str(self.service_point_id)
        else:
            service_point_id = self.service_point_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "funding": funding,
                "amount": amount,
                "effective_from": effective_from,
            }
        )
        if category is not UNSET:
            field_dict["category"] = category
        if service_point_id is not UNSET:
            field_dict["service_point_id"] = service_point_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        funding = VisitsPriceInFunding(d.pop("funding"))

        amount = d.pop("amount")

        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))

        def _parse_category(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        category = _parse_category(d.pop("category", UNSET))

        def _parse_service_point_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                service_point_id_type_0 = UUID(data)

                return service_point_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        service_point_id = _parse_service_point_id(d.pop("service_point_id", UNSET))

        visits_price_in = cls(
            funding=funding,
            amount=amount,
            effective_from=effective_from,
            category=category,
            service_point_id=service_point_id,
        )

        return visits_price_in
