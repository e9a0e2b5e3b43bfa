from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.complaints_call_try import ComplaintsCallTry


T = TypeVar("T", bound="ComplaintsCallOut")


@_attrs_define
class ComplaintsCallOut:
    """
    Attributes:
        id (str | Unset):
        caller (str | Unset):
        started_at (datetime.datetime | Unset):
        answered (bool | Unset):
        duration_s (int | Unset):
        agent_id (None | str | Unset):
        complaint_id (None | str | Unset):
        recording_ref (None | str | Unset):
        called_back_at (datetime.datetime | None | Unset): A missed call: when the caller was reached.
        callbacks (list[ComplaintsCallTry] | Unset): Every try to call back a missed call.
    """

    id: str | Unset = UNSET
    caller: str | Unset = UNSET
    started_at: datetime.datetime | Unset = UNSET
    answered: bool | Unset = UNSET
    duration_s: int | Unset = UNSET
    agent_id: None | str | Unset = UNSET
    complaint_id: None | str | Unset = UNSET
    recording_ref: None | str | Unset = UNSET
    called_back_at: datetime.datetime | None | Unset = UNSET
    callbacks: list[ComplaintsCallTry] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        caller = self.caller

        started_at: str | Unset = UNSET
        if not isinstance(self.started_at, Unset):
            started_at = self.started_at.isoformat()

        answered = self.answered

        duration_s = self.duration_s

        agent_id: None | str | Unset
        if isinstance(self.agent_id, Unset):
            agent_id = UNSET
        else:
            agent_id = self.agent_id

        complaint_id: None | str | Unset
        if isinstance(self.complaint_id, Unset):
            complaint_id = UNSET
        else:
            complaint_id = self.complaint_id

        recording_ref: None | str | Unset
        if isinstance(self.recording_ref, Unset):
            recording_ref = UNSET
        else:
            recording_ref = self.recording_ref

        called_back_at: None | str | Unset
        if isinstance(self.called_back_at, Unset):
            called_back_at = UNSET
        elif isinstance(self.called_back_at, datetime.datetime):
            called_back_at = self.called_back_at.isoformat()
        else:
            called_back_at = self.called_back_at

        callbacks: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.callbacks, Unset):
            callbacks = []
            for callbacks_item_data in self.callbacks:
                callbacks_item = callbacks_item_data.to_dict()
                callbacks.append(callbacks_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if caller is not UNSET:
            field_dict["caller"] = caller
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if answered is not UNSET:
            field_dict["answered"] = answered
        if duration_s is not UNSET:
            field_dict["duration_s"] = duration_s
        if agent_id is not UNSET:
            field_dict["agent_id"] = agent_id
        if complaint_id is not UNSET:
            field_dict["complaint_id"] = complaint_id
        if recording_ref is not UNSET:
            field_dict["recording_ref"] = recording_ref
        if called_back_at is not UNSET:
            field_dict["called_back_at"] = called_back_at
        if callbacks is not UNSET:
            field_dict["callbacks"] = callbacks

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.complaints_call_try import ComplaintsCallTry

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        caller = d.pop("caller", UNSET)

        _started_at = d.pop("started_at", UNSET)
        started_at: datetime.datetime | Unset
        if isinstance(_started_at, Unset):
            started_at = UNSET
        else:
            started_at = datetime.datetime.fromisoformat(_started_at)

        answered = d.pop("answered", UNSET)

        duration_s = d.pop("duration_s", UNSET)

        def _parse_agent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        agent_id = _parse_agent_id(d.pop("agent_id", UNSET))

        def _parse_complaint_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        complaint_id = _parse_complaint_id(d.pop("complaint_id", UNSET))

        def _parse_recording_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        recording_ref = _parse_recording_ref(d.pop("recording_ref", UNSET))

        def _parse_called_back_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                called_back_at_type_0 = datetime.datetime.fromisoformat(data)

                return called_back_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        called_back_at = _parse_called_back_at(d.pop("called_back_at", UNSET))

        _callbacks = d.pop("callbacks", UNSET)
        callbacks: list[ComplaintsCallTry] | Unset = UNSET
        if _callbacks is not UNSET:
            callbacks = []
            for callbacks_item_data in _callbacks:
                callbacks_item = ComplaintsCallTry.from_dict(callbacks_item_data)

                callbacks.append(callbacks_item)

        complaints_call_out = cls(
            id=id,
            caller=caller,
            started_at=started_at,
            answered=answered,
            duration_s=duration_s,
            agent_id=agent_id,
            complaint_id=complaint_id,
            recording_ref=recording_ref,
            called_back_at=called_back_at,
            callbacks=callbacks,
        )

        return complaints_call_out
