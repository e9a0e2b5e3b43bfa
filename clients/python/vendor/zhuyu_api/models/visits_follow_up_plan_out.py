from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.visits_follow_up_plan_out_details_type_0 import (
        VisitsFollowUpPlanOutDetailsType0,
    )


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
        details (None | Unset | VisitsFollowUpPlanOutDetailsType0): first_reading, discharged_on, service_agreement,
            referral_source, closure_note as given.
        closed_on (datetime.date | None | Unset):
        closure_reason (None | str | Unset):
        callback_follow_up_id (None | str | Unset): The callback after closure, when one was asked for.
    """

    id: str | Unset = UNSET
    elder_id: str | Unset = UNSET
    programme: str | Unset = UNSET
    staff_id: str | Unset = UNSET
    service_point_id: str | Unset = UNSET
    active: bool | Unset = UNSET
    first_due_on: datetime.date | Unset = UNSET
    first_follow_up_id: str | Unset = UNSET
    details: None | Unset | VisitsFollowUpPlanOutDetailsType0 = UNSET
    closed_on: datetime.date | None | Unset = UNSET
    closure_reason: None | str | Unset = UNSET
    callback_follow_up_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.visits_follow_up_plan_out_details_type_0 import (
            VisitsFollowUpPlanOutDetailsType0,
        )

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

        details: dict[str, Any] | None | Unset
        if isinstance(self.details, Unset):
            details = UNSET
        elif isinstance(self.details, VisitsFollowUpPlanOutDetailsType0):
            details = self.details.to_dict()
        else:
            details = self.details

        closed_on: None | str | Unset
        if isinstance(self.closed_on, Unset):
            closed_on = UNSET
        elif isinstance(self.closed_on, datetime.date):
            closed_on = self.closed_on.isoformat()
        else:
            closed_on = self.closed_on

        closure_reason: None | str | Unset
        if isinstance(self.closure_reason, Unset):
            closure_reason = UNSET
        else:
            closure_reason = self.closure_reason

        callback_follow_up_id: None | str | Unset
        if isinstance(self.callback_follow_up_id, Unset):
            callback_follow_up_id = UNSET
        else:
            callback_follow_up_id = self.callback_follow_up_id

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
        if details is not UNSET:
            field_dict["details"] = details
        if closed_on is not UNSET:
            field_dict["closed_on"] = closed_on
        if closure_reason is not UNSET:
            field_dict["closure_reason"] = closure_reason
        if callback_follow_up_id is not UNSET:
            field_dict["callback_follow_up_id"] = callback_follow_up_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.visits_follow_up_plan_out_details_type_0 import (
            VisitsFollowUpPlanOutDetailsType0,
        )

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

        def _parse_details(
            data: object,
        ) -> None | Unset | VisitsFollowUpPlanOutDetailsType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                details_type_0 = VisitsFollowUpPlanOutDetailsType0.from_dict(data)

                return details_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VisitsFollowUpPlanOutDetailsType0, data)

        details = _parse_details(d.pop("details", UNSET))

        def _parse_closed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_on_type_0 = datetime.date.fromisoformat(data)

                return closed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        closed_on = _parse_closed_on(d.pop("closed_on", UNSET))

        def _parse_closure_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        closure_reason = _parse_closure_reason(d.pop("closure_reason", UNSET))

        def _parse_callback_follow_up_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        callback_follow_up_id = _parse_callback_follow_up_id(
            d.pop("callback_follow_up_id", UNSET)
        )

        visits_follow_up_plan_out = cls(
            id=id,
            elder_id=elder_id,
            programme=programme,
            staff_id=staff_id,
            service_point_id=service_point_id,
            active=active,
            first_due_on=first_due_on,
            first_follow_up_id=first_follow_up_id,
            details=details,
            closed_on=closed_on,
            closure_reason=closure_reason,
            callback_follow_up_id=callback_follow_up_id,
        )

        return visits_follow_up_plan_out
