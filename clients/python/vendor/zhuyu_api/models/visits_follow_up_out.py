from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="VisitsFollowUpOut")


@_attrs_define
class VisitsFollowUpOut:
    """
    Attributes:
        id (str | Unset):
        plan_id (str | Unset):
        elder_id (str | Unset):
        programme (str | Unset):
        staff_id (str | Unset):
        service_point_id (str | Unset):
        due_on (datetime.date | Unset):
        status (str | Unset):
        overdue (bool | Unset):
    """

    id: str | Unset = UNSET
    plan_id: str | Unset = UNSET
    elder_id: str | Unset = UNSET
    programme: str | Unset = UNSET
    staff_id: str | Unset = UNSET
    service_point_id: str | Unset = UNSET
    due_on: datetime.date | Unset = UNSET
    status: str | Unset = UNSET
    overdue: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        plan_id = self.plan_id

        elder_id = self.elder_id

        programme = self.programme

        staff_id = self.staff_id

        service_point_id = self.service_point_id

        due_on: str | Unset = UNSET
        if not isinstance(self.due_on, Unset):
            due_on = self.due_on.isoformat()

        status = self.status

        overdue = self.overdue

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if plan_id is not UNSET:
            field_dict["plan_id"] = plan_id
        if elder_id is not UNSET:
            field_dict["elder_id"] = elder_id
        if programme is not UNSET:
            field_dict["programme"] = programme
        if staff_id is not UNSET:
            field_dict["staff_id"] = staff_id
        if service_point_id is not UNSET:
            field_dict["service_point_id"] = service_point_id
        if due_on is not UNSET:
            field_dict["due_on"] = due_on
        if status is not UNSET:
            field_dict["status"] = status
        if overdue is not UNSET:
            field_dict["overdue"] = overdue

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        plan_id = d.pop("plan_id", UNSET)

        elder_id = d.pop("elder_id", UNSET)

        programme = d.pop("programme", UNSET)

        staff_id = d.pop("staff_id", UNSET)

        service_point_id = d.pop("service_point_id", UNSET)

        _due_on = d.pop("due_on", UNSET)
        due_on: datetime.date | Unset
        if isinstance(_due_on, Unset):
            due_on = UNSET
        else:
            due_on = datetime.date.fromisoformat(_due_on)

        status = d.pop("status", UNSET)

        overdue = d.pop("overdue", UNSET)

        visits_follow_up_out = cls(
            id=id,
            plan_id=plan_id,
            elder_id=elder_id,
            programme=programme,
            staff_id=staff_id,
            service_point_id=service_point_id,
            due_on=due_on,
            status=status,
            overdue=overdue,
        )

        return visits_follow_up_out
