from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.visits_close_plan_in_reason import VisitsClosePlanInReason
from ..types import UNSET, Unset

T = TypeVar("T", bound="VisitsClosePlanIn")


@_attrs_define
class VisitsClosePlanIn:
    """
    Attributes:
        reason (VisitsClosePlanInReason):  Example: lost_contact.
        note (str | Unset):  Default: ''.
        callback_on (datetime.date | None | Unset): A callback after closure (结案后回访): a follow-up due that day.
    """

    reason: VisitsClosePlanInReason
    note: str | Unset = ""
    callback_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason.value

        note = self.note

        callback_on: None | str | Unset
        if isinstance(self.callback_on, Unset):
            callback_on = UNSET
        elif isinstance(self.callback_on, datetime.date):
            callback_on = self.callback_on.isoformat()
        else:
            callback_on = self.callback_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note
        if callback_on is not UNSET:
            field_dict["callback_on"] = callback_on

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        reason = VisitsClosePlanInReason(d.pop("reason"))

        note = d.pop("note", UNSET)

        def _parse_callback_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                callback_on_type_0 = datetime.date.fromisoformat(data)

                return callback_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        callback_on = _parse_callback_on(d.pop("callback_on", UNSET))

        visits_close_plan_in = cls(
            reason=reason,
            note=note,
            callback_on=callback_on,
        )

        return visits_close_plan_in
