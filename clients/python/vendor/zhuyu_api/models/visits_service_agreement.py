from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="VisitsServiceAgreement")


@_attrs_define
class VisitsServiceAgreement:
    """
    Attributes:
        signed_on (datetime.date):
        signed_by (str): Who signed for the client (案主 or family). Example: 本人.
        services (str | Unset):  Default: ''. Example: 助浴、送餐.
    """

    signed_on: datetime.date
    signed_by: str
    services: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        signed_on = self.signed_on.isoformat()

        signed_by = self.signed_by

        services = self.services

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "signed_on": signed_on,
                "signed_by": signed_by,
            }
        )
        if services is not UNSET:
            field_dict["services"] = services

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        signed_on = datetime.date.fromisoformat(d.pop("signed_on"))

        signed_by = d.pop("signed_by")

        services = d.pop("services", UNSET)

        visits_service_agreement = cls(
            signed_on=signed_on,
            signed_by=signed_by,
            services=services,
        )

        return visits_service_agreement
