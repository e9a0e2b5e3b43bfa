from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.notify_recipient import NotifyRecipient


T = TypeVar("T", bound="NotifyNotificationOut")


@_attrs_define
class NotifyNotificationOut:
    """
    Attributes:
        id (str | Unset):
        event_id (str | Unset):
        event_type (str | Unset):
        service_point_id (None | str | Unset):
        recipient (NotifyRecipient | Unset):
        channel (str | Unset):
        urgent (bool | Unset):
        body (str | Unset):
        status (str | Unset):
        attempts (int | Unset):
        last_error (None | str | Unset): Why the last attempt failed; for a message to an elder or family that was
            `suppressed` because the elder's SMS consent is not recorded as given, `NO_SMS_CONSENT`; for one that was still
            waiting when that consent was withdrawn, `SMS_CONSENT_WITHDRAWN`; when the elder's record was closed,
            `ELDER_CLOSED`.
        created_at (datetime.datetime | Unset):
        sent_at (datetime.datetime | None | Unset):
    """

    id: str | Unset = UNSET
    event_id: str | Unset = UNSET
    event_type: str | Unset = UNSET
    service_point_id: None | str | Unset = UNSET
    recipient: NotifyRecipient | Unset = UNSET
    channel: str | Unset = UNSET
    urgent: bool | Unset = UNSET
    body: str | Unset = UNSET
    status: str | Unset = UNSET
    attempts: int | Unset = UNSET
    last_error: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    sent_at: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        event_id = self.event_id

        event_type = self.event_type

        service_point_id: None | str | Unset
        if isinstance(self.service_point_id, Unset):
            service_point_id = UNSET
        else:
            service_point_id = self.service_point_id

        recipient: dict[str, Any] | Unset = UNSET
        if not isinstance(self.recipient, Unset):
            recipient = self.recipient.to_dict()

        channel = self.channel

        urgent = self.urgent

        body = self.body

        status = self.status

        attempts = self.attempts

        last_error: None | str | Unset
        if isinstance(self.last_error, Unset):
            last_error = UNSET
        else:
            last_error = self.last_error

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        sent_at: None | str | Unset
        if isinstance(self.sent_at, Unset):
            sent_at = UNSET
        elif isinstance(self.sent_at, datetime.datetime):
            sent_at = self.sent_at.isoformat()
        else:
            sent_at = self.sent_at

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if event_id is not UNSET:
            field_dict["event_id"] = event_id
        if event_type is not UNSET:
            field_dict["event_type"] = event_type
        if service_point_id is not UNSET:
            field_dict["service_point_id"] = service_point_id
        if recipient is not UNSET:
            field_dict["recipient"] = recipient
        if channel is not UNSET:
            field_dict["channel"] = channel
        if urgent is not UNSET:
            field_dict["urgent"] = urgent
        if body is not UNSET:
            field_dict["body"] = body
        if status is not UNSET:
            field_dict["status"] = status
        if attempts is not UNSET:
            field_dict["attempts"] = attempts
        if last_error is not UNSET:
            field_dict["last_error"] = last_error
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if sent_at is not UNSET:
            field_dict["sent_at"] = sent_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.notify_recipient import NotifyRecipient

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        event_id = d.pop("event_id", UNSET)

        event_type = d.pop("event_type", UNSET)

        def _parse_service_point_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        service_point_id = _parse_service_point_id(d.pop("service_point_id", UNSET))

        _recipient = d.pop("recipient", UNSET)
        recipient: NotifyRecipient | Unset
        if isinstance(_recipient, Unset):
            recipient = UNSET
        else:
            recipient = NotifyRecipient.from_dict(_recipient)

        channel = d.pop("channel", UNSET)

        urgent = d.pop("urgent", UNSET)

        body = d.pop("body", UNSET)

        status = d.pop("status", UNSET)

        attempts = d.pop("attempts", UNSET)

        def _parse_last_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_error = _parse_last_error(d.pop("last_error", UNSET))

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        def _parse_sent_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sent_at_type_0 = datetime.datetime.fromisoformat(data)

                return sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        sent_at = _parse_sent_at(d.pop("sent_at", UNSET))

        notify_notification_out = cls(
            id=id,
            event_id=event_id,
            event_type=event_type,
            service_point_id=service_point_id,
            recipient=recipient,
            channel=channel,
            urgent=urgent,
            body=body,
            status=status,
            attempts=attempts,
            last_error=last_error,
            created_at=created_at,
            sent_at=sent_at,
        )

        return notify_notification_out
