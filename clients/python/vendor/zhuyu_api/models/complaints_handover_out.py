from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.complaints_handover_out_pending import ComplaintsHandoverOutPending


T = TypeVar("T", bound="ComplaintsHandoverOut")


@_attrs_define
class ComplaintsHandoverOut:
    """
    Attributes:
        id (str | Unset):
        shift_id (str | Unset):
        note (str | Unset):
        open_items (list[str] | Unset):
        pending (ComplaintsHandoverOutPending | Unset): What the desk had outstanding when the handover was written.
        written_by (None | str | Unset):
        written_by_staff_id (None | str | Unset):
        accepted_at (datetime.datetime | None | Unset):
        accepted_by (None | str | Unset):
        accepted_by_staff_id (None | str | Unset):
        created_at (datetime.datetime | Unset):
    """

    id: str | Unset = UNSET
    shift_id: str | Unset = UNSET
    note: str | Unset = UNSET
    open_items: list[str] | Unset = UNSET
    pending: ComplaintsHandoverOutPending | Unset = UNSET
    written_by: None | str | Unset = UNSET
    written_by_staff_id: None | str | Unset = UNSET
    accepted_at: datetime.datetime | None | Unset = UNSET
    accepted_by: None | str | Unset = UNSET
    accepted_by_staff_id: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        shift_id = self.shift_id

        note = self.note

        open_items: list[str] | Unset = UNSET
        if not isinstance(self.open_items, Unset):
            open_items = self.open_items

        pending: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pending, Unset):
            pending = self.pending.to_dict()

        written_by: None | str | Unset
        if isinstance(self.written_by, Unset):
            written_by = UNSET
        else:
            written_by = self.written_by

        written_by_staff_id: None | str | Unset
        if isinstance(self.written_by_staff_id, Unset):
            written_by_staff_id = UNSET
        else:
            written_by_staff_id = self.written_by_staff_id

        accepted_at: None | str | Unset
        if isinstance(self.accepted_at, Unset):
            accepted_at = UNSET
        elif isinstance(self.accepted_at, datetime.datetime):
            accepted_at = self.accepted_at.isoformat()
        else:
            accepted_at = self.accepted_at

        accepted_by: None | str | Unset
        if isinstance(self.accepted_by, Unset):
            accepted_by = UNSET
        else:
            accepted_by = self.accepted_by

        accepted_by_staff_id: None | str | Unset
        if isinstance(self.accepted_by_staff_id, Unset):
            accepted_by_staff_id = UNSET
        else:
            accepted_by_staff_id = self.accepted_by_staff_id

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if shift_id is not UNSET:
            field_dict["shift_id"] = shift_id
        if note is not UNSET:
            field_dict["note"] = note
        if open_items is not UNSET:
            field_dict["open_items"] = open_items
        if pending is not UNSET:
            field_dict["pending"] = pending
        if written_by is not UNSET:
            field_dict["written_by"] = written_by
        if written_by_staff_id is not UNSET:
            field_dict["written_by_staff_id"] = written_by_staff_id
        if accepted_at is not UNSET:
            field_dict["accepted_at"] = accepted_at
        if accepted_by is not UNSET:
            field_dict["accepted_by"] = accepted_by
        if accepted_by_staff_id is not UNSET:
            field_dict["accepted_by_staff_id"] = accepted_by_staff_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.complaints_handover_out_pending import (
            ComplaintsHandoverOutPending,
        )

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        shift_id = d.pop("shift_id", UNSET)

        note = d.pop("note", UNSET)

        open_items = cast(list[str], d.pop("open_items", UNSET))

        _pending = d.pop("pending", UNSET)
        pending: ComplaintsHandoverOutPending | Unset
        if isinstance(_pending, Unset):
            pending = UNSET
        else:
            pending = ComplaintsHandoverOutPending.from_dict(_pending)

        def _parse_written_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        written_by = _parse_written_by(d.pop("written_by", UNSET))

        def _parse_written_by_staff_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        written_by_staff_id = _parse_written_by_staff_id(
            d.pop("written_by_staff_id", UNSET)
        )

        def _parse_accepted_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                accepted_at_type_0 = datetime.datetime.fromisoformat(data)

                return accepted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        accepted_at = _parse_accepted_at(d.pop("accepted_at", UNSET))

        def _parse_accepted_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        accepted_by = _parse_accepted_by(d.pop("accepted_by", UNSET))

        def _parse_accepted_by_staff_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        accepted_by_staff_id = _parse_accepted_by_staff_id(
            d.pop("accepted_by_staff_id", UNSET)
        )

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        complaints_handover_out = cls(
            id=id,
            shift_id=shift_id,
            note=note,
            open_items=open_items,
            pending=pending,
            written_by=written_by,
            written_by_staff_id=written_by_staff_id,
            accepted_at=accepted_at,
            accepted_by=accepted_by,
            accepted_by_staff_id=accepted_by_staff_id,
            created_at=created_at,
        )

        return complaints_handover_out
