from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="GetAuthMeResponse200")


@_attrs_define
class GetAuthMeResponse200:
    """
    Attributes:
        user_id (str | Unset):
        username (str | Unset):
        role (str | Unset):
        service_point_id (None | str | Unset):
        staff_id (None | str | Unset):
        personal_data (bool | Unset): Whether whole ID and phone numbers are shown
        operations (list[str] | Unset): "METHOD /path" with {id} for an id, of those the console offers
    """

    user_id: str | Unset = UNSET
    username: str | Unset = UNSET
    role: str | Unset = UNSET
    service_point_id: None | str | Unset = UNSET
    staff_id: None | str | Unset = UNSET
    personal_data: bool | Unset = UNSET
    operations: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        username = self.username

        role = self.role

        service_point_id: None | str | Unset
        if isinstance(self.service_point_id, Unset):
            service_point_id = UNSET
        else:
            service_point_id = self.service_point_id

        staff_id: None | str | Unset
        if isinstance(self.staff_id, Unset):
            staff_id = UNSET
        else:
            staff_id = self.staff_id

        personal_data = self.personal_data

        operations: list[str] | Unset = UNSET
        if not isinstance(self.operations, Unset):
            operations = self.operations

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if username is not UNSET:
            field_dict["username"] = username
        if role is not UNSET:
            field_dict["role"] = role
        if service_point_id is not UNSET:
            field_dict["service_point_id"] = service_point_id
        if staff_id is not UNSET:
            field_dict["staff_id"] = staff_id
        if personal_data is not UNSET:
            field_dict["personal_data"] = personal_data
        if operations is not UNSET:
            field_dict["operations"] = operations

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        user_id = d.pop("user_id", UNSET)

        username = d.pop("username", UNSET)

        role = d.pop("role", UNSET)

        def _parse_service_point_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        service_point_id = _parse_service_point_id(d.pop("service_point_id", UNSET))

        def _parse_staff_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        staff_id = _parse_staff_id(d.pop("staff_id", UNSET))

        personal_data = d.pop("personal_data", UNSET)

        operations = cast(list[str], d.pop("operations", UNSET))

        get_auth_me_response_200 = cls(
            user_id=user_id,
            username=username,
            role=role,
            service_point_id=service_point_id,
            staff_id=staff_id,
            personal_data=personal_data,
            operations=operations,
        )

        get_auth_me_response_200.additional_properties = d
        return get_auth_me_response_200

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
