from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.complaints_complaint_out_complainant import (
        ComplaintsComplaintOutComplainant,
    )
    from ..models.complaints_complaint_out_deadlines import (
        ComplaintsComplaintOutDeadlines,
    )
    from ..models.complaints_history_entry import ComplaintsHistoryEntry


T = TypeVar("T", bound="ComplaintsComplaintOut")


@_attrs_define
class ComplaintsComplaintOut:
    """
    Attributes:
        id (str | Unset):
        channel (str | Unset):
        type_ (str | Unset):
        category (str | Unset):
        service_point_id (str | Unset):
        elder_id (None | str | Unset):
        complainant (ComplaintsComplaintOutComplainant | Unset):
        content (str | Unset):
        attachments (list[str] | Unset):
        severity (str | Unset):
        status (str | Unset):
        owner_staff_id (None | str | Unset):
        escalation_level (int | Unset):
        overdue (bool | Unset):
        follow_ups (int | Unset):
        follow_ups_short (int | Unset): Follow-ups missing to the minimum (informational).
        last_follow_up_at (datetime.datetime | None | Unset):
        callback_due (bool | Unset):
        resolution (None | str | Unset):
        received_at (datetime.datetime | Unset):
        resolved_at (datetime.datetime | None | Unset):
        reopened_at (datetime.datetime | None | Unset):
        closed_at (datetime.datetime | None | Unset):
        about_staff_id (None | str | Unset):
        paused (bool | Unset): The clock waits on the complainant.
        paused_at (datetime.datetime | None | Unset):
        pause_reason (None | str | Unset):
        review_status (None | str | Unset): Online media: the quality centre's review of the written reply
            (pending|approved|returned).
        callback_due_at (datetime.datetime | None | Unset): The booked next try of a callback that did not reach the
            complainant.
        merged_into (None | str | Unset): A duplicate: the record it was merged into.
        merged (list[str] | Unset): The duplicates merged into this record.
        deadlines (ComplaintsComplaintOutDeadlines | Unset): The current instance of each deadline, by name.
        history (list[ComplaintsHistoryEntry] | Unset):
    """

    id: str | Unset = UNSET
    channel: str | Unset = UNSET
    type_: str | Unset = UNSET
    category: str | Unset = UNSET
    service_point_id: str | Unset = UNSET
    elder_id: None | str | Unset = UNSET
    complainant: ComplaintsComplaintOutComplainant | Unset = UNSET
    content: str | Unset = UNSET
    attachments: list[str] | Unset = UNSET
    severity: str | Unset = UNSET
    status: str | Unset = UNSET
    owner_staff_id: None | str | Unset = UNSET
    escalation_level: int | Unset = UNSET
    overdue: bool | Unset = UNSET
    follow_ups: int | Unset = UNSET
    follow_ups_short: int | Unset = UNSET
    last_follow_up_at: datetime.datetime | None | Unset = UNSET
    callback_due: bool | Unset = UNSET
    resolution: None | str | Unset = UNSET
    received_at: datetime.datetime | Unset = UNSET
    resolved_at: datetime.datetime | None | Unset = UNSET
    reopened_at: datetime.datetime | None | Unset = UNSET
    closed_at: datetime.datetime | None | Unset = UNSET
    about_staff_id: None | str | Unset = UNSET
    paused: bool | Unset = UNSET
    paused_at: datetime.datetime | None | Unset = UNSET
    pause_reason: None | str | Unset = UNSET
    review_status: None | str | Unset = UNSET
    callback_due_at: datetime.datetime | None | Unset = UNSET
    merged_into: None | str | Unset = UNSET
    merged: list[str] | Unset = UNSET
    deadlines: ComplaintsComplaintOutDeadlines | Unset = UNSET
    history: list[ComplaintsHistoryEntry] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        channel = self.channel

        type_ = self.type_

        category = self.category

        service_point_id = self.service_point_id

        elder_id: None | str | Unset
        if isinstance(self.elder_id, Unset):
            elder_id = UNSET
        else:
            elder_id = self.elder_id

        complainant: dict[str, Any] | Unset = UNSET
        if not isinstance(self.complainant, Unset):
            complainant = self.complainant.to_dict()

        content = self.content

        attachments: list[str] | Unset = UNSET
        if not isinstance(self.attachments, Unset):
            attachments = self.attachments

        severity = self.severity

        status = self.status

        owner_staff_id: None | str | Unset
        if isinstance(self.owner_staff_id, Unset):
            owner_staff_id = UNSET
        else:
            owner_staff_id = self.owner_staff_id

        escalation_level = self.escalation_level

        overdue = self.overdue

        follow_ups = self.follow_ups

        follow_ups_short = self.follow_ups_short

        last_follow_up_at: None | str | Unset
        if isinstance(self.last_follow_up_at, Unset):
            last_follow_up_at = UNSET
        elif isinstance(self.last_follow_up_at, datetime.datetime):
            last_follow_up_at = self.last_follow_up_at.isoformat()
        else:
            last_follow_up_at = self.last_follow_up_at

        callback_due = self.callback_due

        resolution: None | str | Unset
        if isinstance(self.resolution, Unset):
            resolution = UNSET
        else:
            resolution = self.resolution

        received_at: str | Unset = UNSET
        if not isinstance(self.received_at, Unset):
            received_at = self.received_at.isoformat()

        resolved_at: None | str | Unset
        if isinstance(self.resolved_at, Unset):
            resolved_at = UNSET
        elif isinstance(self.resolved_at, datetime.datetime):
            resolved_at = self.resolved_at.isoformat()
        else:
            resolved_at = self.resolved_at

        reopened_at: None | str | Unset
        if isinstance(self.reopened_at, Unset):
            reopened_at = UNSET
        elif isinstance(self.reopened_at, datetime.datetime):
            reopened_at = self.reopened_at.isoformat()
        else:
            reopened_at = self.reopened_at

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        elif isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        about_staff_id: None | str | Unset
        if isinstance(self.about_staff_id, Unset):
            about_staff_id = UNSET
        else:
            about_staff_id = self.about_staff_id

        paused = self.paused

        paused_at: None | str | Unset
        if isinstance(self.paused_at, Unset):
            paused_at = UNSET
        elif isinstance(self.paused_at, datetime.datetime):
            paused_at = self.paused_at.isoformat()
        else:
            paused_at = self.paused_at

        pause_reason: None | str | Unset
        if isinstance(self.pause_reason, Unset):
            pause_reason = UNSET
        else:
            pause_reason = self.pause_reason

        review_status: None | str | Unset
        if isinstance(self.review_status, Unset):
            review_status = UNSET
        else:
            review_status = self.review_status

        callback_due_at: None | str | Unset
        if isinstance(self.callback_due_at, Unset):
            callback_due_at = UNSET
        elif isinstance(self.callback_due_at, datetime.datetime):
            callback_due_at = self.callback_due_at.isoformat()
        else:
            callback_due_at = self.callback_due_at

        merged_into: None | str | Unset
        if isinstance(self.merged_into, Unset):
            merged_into = UNSET
        else:
            merged_into = self.merged_into

        merged: list[str] | Unset = UNSET
        if not isinstance(self.merged, Unset):
            merged = self.merged

        deadlines: dict[str, Any] | Unset = UNSET
        if not isinstance(self.deadlines, Unset):
            deadlines = self.deadlines.to_dict()

        history: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.history, Unset):
            history = []
            for history_item_data in self.history:
                history_item = history_item_data.to_dict()
                history.append(history_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if channel is not UNSET:
            field_dict["channel"] = channel
        if type_ is not UNSET:
            field_dict["type"] = type_
        if category is not UNSET:
            field_dict["category"] = category
        if service_point_id is not UNSET:
            field_dict["service_point_id"] = service_point_id
        if elder_id is not UNSET:
            field_dict["elder_id"] = elder_id
        if complainant is not UNSET:
            field_dict["complainant"] = complainant
        if content is not UNSET:
            field_dict["content"] = content
        if attachments is not UNSET:
            field_dict["attachments"] = attachments
        if severity is not UNSET:
            field_dict["severity"] = severity
        if status is not UNSET:
            field_dict["status"] = status
        if owner_staff_id is not UNSET:
            field_dict["owner_staff_id"] = owner_staff_id
        if escalation_level is not UNSET:
            field_dict["escalation_level"] = escalation_level
        if overdue is not UNSET:
            field_dict["overdue"] = overdue
        if follow_ups is not UNSET:
            field_dict["follow_ups"] = follow_ups
        if follow_ups_short is not UNSET:
            field_dict["follow_ups_short"] = follow_ups_short
        if last_follow_up_at is not UNSET:
            field_dict["last_follow_up_at"] = last_follow_up_at
        if callback_due is not UNSET:
            field_dict["callback_due"] = callback_due
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if received_at is not UNSET:
            field_dict["received_at"] = received_at
        if resolved_at is not UNSET:
            field_dict["resolved_at"] = resolved_at
        if reopened_at is not UNSET:
            field_dict["reopened_at"] = reopened_at
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at
        if about_staff_id is not UNSET:
            field_dict["about_staff_id"] = about_staff_id
        if paused is not UNSET:
            field_dict["paused"] = paused
        if paused_at is not UNSET:
            field_dict["paused_at"] = paused_at
        if pause_reason is not UNSET:
            field_dict["pause_reason"] = pause_reason
        if review_status is not UNSET:
            field_dict["review_status"] = review_status
        if callback_due_at is not UNSET:
            field_dict["callback_due_at"] = callback_due_at
        if merged_into is not UNSET:
            field_dict["merged_into"] = merged_into
        if merged is not UNSET:
            field_dict["merged"] = merged
        if deadlines is not UNSET:
            field_dict["deadlines"] = deadlines
        if history is not UNSET:
            field_dict["history"] = history

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.complaints_complaint_out_complainant import (
            ComplaintsComplaintOutComplainant,
        )
        from ..models.complaints_complaint_out_deadlines import (
            ComplaintsComplaintOutDeadlines,
        )
        from ..models.complaints_history_entry import ComplaintsHistoryEntry

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        channel = d.pop("channel", UNSET)

        type_ = d.pop("type", UNSET)

        category = d.pop("category", UNSET)

        service_point_id = d.pop("service_point_id", UNSET)

        def _parse_elder_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        elder_id = _parse_elder_id(d.pop("elder_id", UNSET))

        _complainant = d.pop("complainant", UNSET)
        complainant: ComplaintsComplaintOutComplainant | Unset
        if isinstance(_complainant, Unset):
            complainant = UNSET
        else:
            complainant = ComplaintsComplaintOutComplainant.from_dict(_complainant)

        content = d.pop("content", UNSET)

        attachments = cast(list[str], d.pop("attachments", UNSET))

        severity = d.pop("severity", UNSET)

        status = d.pop("status", UNSET)

        def _parse_owner_staff_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner_staff_id = _parse_owner_staff_id(d.pop("owner_staff_id", UNSET))

        escalation_level = d.pop("escalation_level", UNSET)

        overdue = d.pop("overdue", UNSET)

        follow_ups = d.pop("follow_ups", UNSET)

        follow_ups_short = d.pop("follow_ups_short", UNSET)

        def _parse_last_follow_up_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_follow_up_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_follow_up_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_follow_up_at = _parse_last_follow_up_at(d.pop("last_follow_up_at", UNSET))

        callback_due = d.pop("callback_due", UNSET)

        def _parse_resolution(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resolution = _parse_resolution(d.pop("resolution", UNSET))

        _received_at = d.pop("received_at", UNSET)
        received_at: datetime.datetime | Unset
        if isinstance(_received_at, Unset):
            received_at = UNSET
        else:
            received_at = datetime.datetime.fromisoformat(_received_at)

        def _parse_resolved_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_at_type_0 = datetime.datetime.fromisoformat(data)

                return resolved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        resolved_at = _parse_resolved_at(d.pop("resolved_at", UNSET))

        def _parse_reopened_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reopened_at_type_0 = datetime.datetime.fromisoformat(data)

                return reopened_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        reopened_at = _parse_reopened_at(d.pop("reopened_at", UNSET))

        def _parse_closed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        closed_at = _parse_closed_at(d.pop("closed_at", UNSET))

        def _parse_about_staff_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        about_staff_id = _parse_about_staff_id(d.pop("about_staff_id", UNSET))

        paused = d.pop("paused", UNSET)

        def _parse_paused_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paused_at_type_0 = datetime.datetime.fromisoformat(data)

                return paused_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        paused_at = _parse_paused_at(d.pop("paused_at", UNSET))

        def _parse_pause_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pause_reason = _parse_pause_reason(d.pop("pause_reason", UNSET))

        def _parse_review_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        review_status = _parse_review_status(d.pop("review_status", UNSET))

        def _parse_callback_due_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                callback_due_at_type_0 = datetime.datetime.fromisoformat(data)

                return callback_due_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        callback_due_at = _parse_callback_due_at(d.pop("callback_due_at", UNSET))

        def _parse_merged_into(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        merged_into = _parse_merged_into(d.pop("merged_into", UNSET))

        merged = cast(list[str], d.pop("merged", UNSET))

        _deadlines = d.pop("deadlines", UNSET)
        deadlines: ComplaintsComplaintOutDeadlines | Unset
        if isinstance(_deadlines, Unset):
            deadlines = UNSET
        else:
            deadlines = ComplaintsComplaintOutDeadlines.from_dict(_deadlines)

        _history = d.pop("history", UNSET)
        history: list[ComplaintsHistoryEntry] | Unset = UNSET
        if _history is not UNSET:
            history = []
            for history_item_data in _history:
                history_item = ComplaintsHistoryEntry.from_dict(history_item_data)

                history.append(history_item)

        complaints_complaint_out = cls(
            id=id,
            channel=channel,
            type_=type_,
            category=category,
            service_point_id=service_point_id,
            elder_id=elder_id,
            complainant=complainant,
            content=content,
            attachments=attachments,
            severity=severity,
            status=status,
            owner_staff_id=owner_staff_id,
            escalation_level=escalation_level,
            overdue=overdue,
            follow_ups=follow_ups,
            follow_ups_short=follow_ups_short,
            last_follow_up_at=last_follow_up_at,
            callback_due=callback_due,
            resolution=resolution,
            received_at=received_at,
            resolved_at=resolved_at,
            reopened_at=reopened_at,
            closed_at=closed_at,
            about_staff_id=about_staff_id,
            paused=paused,
            paused_at=paused_at,
            pause_reason=pause_reason,
            review_status=review_status,
            callback_due_at=callback_due_at,
            merged_into=merged_into,
            merged=merged,
            deadlines=deadlines,
            history=history,
        )

        return complaints_complaint_out
