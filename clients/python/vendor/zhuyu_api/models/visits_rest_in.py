from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="VisitsRestIn")


@_attrs_define
class VisitsRestIn:
    """
    Attributes:
        staff_id (None | Unset | UUID): The staff member who performs the step (qualified, of the visit's point);
            default: the user's linked staff member.
    """

    staff_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        staff_id: None | str | Unset
        if isinstance(self.staff_id, Unset):
            staff_id = UNSET
        elif isinstance(self.staff_id, UUID):
            staff_id = str(self.staff_id)
        else:
            staff_id = self.staff_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if staff_id is not UNSET:
            field_dict["staff_id"] = staff_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_staff_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                staff_id_type_0 = UUID(data)

                return staff_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        staff_id = _parse_staff_id(d.pop("staff_id", UNSET))

        visits_rest_in = cls(
            staff_id=staff_id,
        )

        return visits_rest_in
