from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="VisitsPointRate")


@_attrs_define
class VisitsPointRate:
    """
    Attributes:
        service_point_id (str | Unset):
        due (int | Unset):
        face_to_face (int | Unset):
        rate (float | None | Unset):
    """

    service_point_id: str | Unset = UNSET
    due: int | Unset = UNSET
    face_to_face: int | Unset = UNSET
    rate: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        service_point_id = self.service_point_id

        due = self.due

        face_to_face = self.face_to_face

        rate: float | None | Unset
        if isinstance(self.rate, Unset):
            rate = UNSET
        else:
            rate = self.rate

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if service_point_id is not UNSET:
            field_dict["service_point_id"] = service_point_id
        if due is not UNSET:
            field_dict["due"] = due
        if face_to_face is not UNSET:
            field_dict["face_to_face"] = face_to_face
        if rate is not UNSET:
            field_dict["rate"] = rate

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        service_point_id = d.pop("service_point_id", UNSET)

        due = d.pop("due", UNSET)

        face_to_face = d.pop("face_to_face", UNSET)

        def _parse_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        rate = _parse_rate(d.pop("rate", UNSET))

        visits_point_rate = cls(
            service_point_id=service_point_id,
            due=due,
            face_to_face=face_to_face,
            rate=rate,
        )

        return visits_point_rate
