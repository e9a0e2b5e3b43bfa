from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="VisitsFollowUpPlanOut")


@_attrs_define
class VisitsFollowUpPlanOut:
    """
    Attributes:
        id (str | Unset):
        elder_id (str | Unset):
        programme (str | Unset):
        staff_id (str | Unset):
        service_point_id (str | Unset):
        active (bool | Unset):
        first_due_on (datetime.date | Unset):
        first_follow_up_id (str | Unset):
    """

    id: str | Unset = UNSET
    elder_id: str | Unset = UNSET
    programme: str | Unset = UNSET
    staff_id: str | Unset = UNSET
    service_point_id: str | Unset = UNSET
    active: bool | Unset = UNSET
    first_due_on: datetime.date | Unset = UNSET
    first_follow_up_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        elder_id = self.elder_id

        programme = self.programme

        staff_id = self.staff_id

        service_point_id = self.service_point_id

        active = self.active

        first_due_on: str | Unset = UNSET
        if not isinstance(self.first_due_on, Unset):
            first_due_on = self.first_due_on.isoformat()

        first_follow_up_id = self.first_follow_up_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if elder_id is not UNSET:
            field_dict["elder_id"] = elder_id
        if programme is not UNSET:
            field_dict["programme"] = programme
        if staff_id is not UNSET:
            field_dict["staff_id"] = staff_id
        if service_point_id is not UNSET:
            field_dict["service_point_id"] = service_point_id
        if active is not UNSET:
            field_dict["active"] = active
        if first_due_on is not UNSET:
            field_dict["first_due_on"] = first_due_on
        if first_follow_up_id is not UNSET:
            field_dict["first_follow_up_id"] = first_follow_up_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        elder_id = d.pop("elder_id", UNSET)

        programme = d.pop("programme", UNSET)

        staff_id = d.pop("staff_id", UNSET)

        service_point_id = d.pop("service_point_id", UNSET)

        active = d.pop("active", UNSET)

        _first_due_on = d.pop("first_due_on", UNSET)
        first_due_on: datetime.date | Unset
        if isinstance(_first_due_on, Unset):
            first_due_on = UNSET
        else:
            first_due_on = datetime.date.fromisoformat(_first_due_on)

        first_follow_up_id = d.pop("first_follow_up_id", UNSET)

        visits_follow_up_plan_out = cls(
            id=id,
            elder_id=elder_id,
            programme=programme,
            staff_id=staff_id,
            service_point_id=service_point_id,
            active=active,
            first_due_on=first_due_on,
            first_follow_up_id=first_follow_up_id,
        )

        return visits_follow_up_plan_out
