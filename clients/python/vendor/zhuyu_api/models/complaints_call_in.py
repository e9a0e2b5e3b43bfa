from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ComplaintsCallIn")


@_attrs_define
class ComplaintsCallIn:
    """
    Attributes:
        caller (str):
        started_at (datetime.datetime):
        answered (bool):
        duration_s (int):
        agent_id (None | Unset | UUID): The agent's staff id; default: the caller's linked staff member.
        complaint_id (None | Unset | UUID):
        recording_ref (None | str | Unset): Where the telephone system keeps the call's recording.
    """

    caller: str
    started_at: datetime.datetime
    answered: bool
    duration_s: int
    agent_id: None | Unset | UUID = UNSET
    complaint_id: None | Unset | UUID = UNSET
    recording_ref: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        caller = self.caller

        started_at = self.started_at.isoformat()

        answered = self.answered

        duration_s = self.duration_s

        agent_id: None | str | Unset
        if isinstance(self.agent_id, Unset):
            agent_id = UNSET
        elif isinstance(self.agent_id, UUID):
            agent_id = str(self.agent_id)
        else:
            agent_id = self.agent_id

        complaint_id: None | str | Unset
        if isinstance(self.complaint_id, Unset):
            complaint_id = UNSET
        elif isinstance(self.complaint_id, UUID):
            complaint_id = str(self.complaint_id)
        else:
            complaint_id = self.complaint_id

        recording_ref: None | str | Unset
        if isinstance(self.recording_ref, Unset):
            recording_ref = UNSET
        else:
            recording_ref = self.recording_ref

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "caller": caller,
                "started_at": started_at,
                "answered": answered,
                "duration_s": duration_s,
            }
        )
        if agent_id is not UNSET:
            field_dict["agent_id"] = agent_id
        if complaint_id is not UNSET:
            field_dict["complaint_id"] = complaint_id
        if recording_ref is not UNSET:
            field_dict["recording_ref"] = recording_ref

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        caller = d.pop("caller")

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        answered = d.pop("answered")

        duration_s = d.pop("duration_s")

        def _parse_agent_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                agent_id_type_0 = UUID(data)

                return agent_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        agent_id = _parse_agent_id(d.pop("agent_id", UNSET))

        def _parse_complaint_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                complaint_id_type_0 = UUID(data)

                return complaint_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        complaint_id = _parse_complaint_id(d.pop("complaint_id", UNSET))

        def _parse_recording_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        recording_ref = _parse_recording_ref(d.pop("recording_ref", UNSET))

        complaints_call_in = cls(
            caller=caller,
            started_at=started_at,
            answered=answered,
            duration_s=duration_s,
            agent_id=agent_id,
            complaint_id=complaint_id,
            recording_ref=recording_ref,
        )

        return complaints_call_in
