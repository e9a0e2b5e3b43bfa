from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.visits_timeline_entry import VisitsTimelineEntry
    from ..models.visits_visit_out_funding_type_0 import VisitsVisitOutFundingType0
    from ..models.visits_visit_out_screening_type_0 import VisitsVisitOutScreeningType0


T = TypeVar("T", bound="VisitsVisitOut")


@_attrs_define
class VisitsVisitOut:
    """
    Attributes:
        id (str | Unset):
        elder_id (str | Unset):
        service_point_id (str | Unset):
        booking_id (None | str | Unset):
        status (str | Unset):
        screening (None | Unset | VisitsVisitOutScreeningType0):
        assistant_staff_id (None | str | Unset):
        checked_in_at (datetime.datetime | Unset):
        bath_started_at (datetime.datetime | None | Unset):
        rest_started_at (datetime.datetime | None | Unset):
        checked_out_at (datetime.datetime | None | Unset):
        early_leave_reason (None | str | Unset):
        funding (None | Unset | VisitsVisitOutFundingType0): Who pays, decided at check-in on the subsidy in force then:
            {"source": "government", "category"} or {"source": "self_pay"}; null for a visit checked in before funding was
            recorded.
        timeline (list[VisitsTimelineEntry] | Unset):
    """

    id: str | Unset = UNSET
    elder_id: str | Unset = UNSET
    service_point_id: str | Unset = UNSET
    booking_id: None | str | Unset = UNSET
    status: str | Unset = UNSET
    screening: None | Unset | VisitsVisitOutScreeningType0 = UNSET
    assistant_staff_id: None | str | Unset = UNSET
    checked_in_at: datetime.datetime | Unset = UNSET
    bath_started_at: datetime.datetime | None | Unset = UNSET
    rest_started_at: datetime.datetime | None | Unset = UNSET
    checked_out_at: datetime.datetime | None | Unset = UNSET
    early_leave_reason: None | str | Unset = UNSET
    funding: None | Unset | VisitsVisitOutFundingType0 = UNSET
    timeline: list[VisitsTimelineEntry] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.visits_visit_out_funding_type_0 import VisitsVisitOutFundingType0
        from ..models.visits_visit_out_screening_type_0 import (
            VisitsVisitOutScreeningType0,
        )

        id = self.id

        elder_id = self.elder_id

        service_point_id = self.service_point_id

        booking_id: None | str | Unset
        if isinstance(self.booking_id, Unset):
            booking_id = UNSET
        else:
            booking_id = self.booking_id

        status = self.status

        screening: dict[str, Any] | None | Unset
        if isinstance(self.screening, Unset):
            screening = UNSET
        elif isinstance(self.screening, VisitsVisitOutScreeningType0):
            screening = self.screening.to_dict()
        else:
            screening = self.screening

        assistant_staff_id: None | str | Unset
        if isinstance(self.assistant_staff_id, Unset):
            assistant_staff_id = UNSET
        else:
            assistant_staff_id = self.assistant_staff_id

        checked_in_at: str | Unset = UNSET
        if not isinstance(self.checked_in_at, Unset):
            checked_in_at = self.checked_in_at.isoformat()

        bath_started_at: None | str | Unset
        if isinstance(self.bath_started_at, Unset):
            bath_started_at = UNSET
        elif isinstance(self.bath_started_at, datetime.datetime):
            bath_started_at = self.bath_started_at.isoformat()
        else:
            bath_started_at = self.bath_started_at

        rest_started_at: None | str | Unset
        if isinstance(self.rest_started_at, Unset):
            rest_started_at = UNSET
        elif isinstance(self.rest_started_at, datetime.datetime):
            rest_started_at = self.rest_started_at.isoformat()
        else:
            rest_started_at = self.rest_started_at

        checked_out_at: None | str | Unset
        if isinstance(self.checked_out_at, Unset):
            checked_out_at = UNSET
        elif isinstance(self.checked_out_at, datetime.datetime):
            checked_out_at = self.checked_out_at.isoformat()
        else:
            checked_out_at = self.checked_out_at

        early_leave_reason: None | str | Unset
        if isinstance(self.early_leave_reason, Unset):
            early_leave_reason = UNSET
        else:
            early_leave_reason = self.early_leave_reason

        funding: dict[str, Any] | None | Unset
        if isinstance(self.funding, Unset):
            funding = UNSET
        elif isinstance(self.funding, VisitsVisitOutFundingType0):
            funding = self.funding.to_dict()
        else:
            funding = self.funding

        timeline: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.timeline, Unset):
            timeline = []
            for timeline_item_data in self.timeline:
                timeline_item = timeline_item_data.to_dict()
                timeline.append(timeline_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if elder_id is not UNSET:
            field_dict["elder_id"] = elder_id
        if service_point_id is not UNSET:
            field_dict["service_point_id"] = service_point_id
        if booking_id is not UNSET:
            field_dict["booking_id"] = booking_id
        if status is not UNSET:
            field_dict["status"] = status
        if screening is not UNSET:
            field_dict["screening"] = screening
        if assistant_staff_id is not UNSET:
            field_dict["assistant_staff_id"] = assistant_staff_id
        if checked_in_at is not UNSET:
            field_dict["checked_in_at"] = checked_in_at
        if bath_started_at is not UNSET:
            field_dict["bath_started_at"] = bath_started_at
        if rest_started_at is not UNSET:
            field_dict["rest_started_at"] = rest_started_at
        if checked_out_at is not UNSET:
            field_dict["checked_out_at"] = checked_out_at
        if early_leave_reason is not UNSET:
            field_dict["early_leave_reason"] = early_leave_reason
        if funding is not UNSET:
            field_dict["funding"] = funding
        if timeline is not UNSET:
            field_dict["timeline"] = timeline

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.visits_timeline_entry import VisitsTimelineEntry
        from ..models.visits_visit_out_funding_type_0 import VisitsVisitOutFundingType0
        from ..models.visits_visit_out_screening_type_0 import (
            VisitsVisitOutScreeningType0,
        )

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        elder_id = d.pop("elder_id", UNSET)

        service_point_id = d.pop("service_point_id", UNSET)

        def _parse_booking_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        booking_id = _parse_booking_id(d.pop("booking_id", UNSET))

        status = d.pop("status", UNSET)

        def _parse_screening(
            data: object,
        ) -> None | Unset | VisitsVisitOutScreeningType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                screening_type_0 = VisitsVisitOutScreeningType0.from_dict(data)

                return screening_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VisitsVisitOutScreeningType0, data)

        screening = _parse_screening(d.pop("screening", UNSET))

        def _parse_assistant_staff_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        assistant_staff_id = _parse_assistant_staff_id(
            d.pop("assistant_staff_id", UNSET)
        )

        _checked_in_at = d.pop("checked_in_at", UNSET)
        checked_in_at: datetime.datetime | Unset
        if isinstance(_checked_in_at, Unset):
            checked_in_at = UNSET
        else:
            checked_in_at = datetime.datetime.fromisoformat(_checked_in_at)

        def _parse_bath_started_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                bath_started_at_type_0 = datetime.datetime.fromisoformat(data)

                return bath_started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        bath_started_at = _parse_bath_started_at(d.pop("bath_started_at", UNSET))

        def _parse_rest_started_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rest_started_at_type_0 = datetime.datetime.fromisoformat(data)

                return rest_started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        rest_started_at = _parse_rest_started_at(d.pop("rest_started_at", UNSET))

        def _parse_checked_out_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                checked_out_at_type_0 = datetime.datetime.fromisoformat(data)

                return checked_out_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        checked_out_at = _parse_checked_out_at(d.pop("checked_out_at", UNSET))

        def _parse_early_leave_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        early_leave_reason = _parse_early_leave_reason(
            d.pop("early_leave_reason", UNSET)
        )

        def _parse_funding(data: object) -> None | Unset | VisitsVisitOutFundingType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                funding_type_0 = VisitsVisitOutFundingType0.from_dict(data)

                return funding_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VisitsVisitOutFundingType0, data)

        funding = _parse_funding(d.pop("funding", UNSET))

        _timeline = d.pop("timeline", UNSET)
        timeline: list[VisitsTimelineEntry] | Unset = UNSET
        if _timeline is not UNSET:
            timeline = []
            for timeline_item_data in _timeline:
                timeline_item = VisitsTimelineEntry.from_dict(timeline_item_data)

                timeline.append(timeline_item)

        visits_visit_out = cls(
            id=id,
            elder_id=elder_id,
            service_point_id=service_point_id,
            booking_id=booking_id,
            status=status,
            screening=screening,
            assistant_staff_id=assistant_staff_id,
            checked_in_at=checked_in_at,
            bath_started_at=bath_started_at,
            rest_started_at=rest_started_at,
            checked_out_at=checked_out_at,
            early_leave_reason=early_leave_reason,
            funding=funding,
            timeline=timeline,
        )

        return visits_visit_out
