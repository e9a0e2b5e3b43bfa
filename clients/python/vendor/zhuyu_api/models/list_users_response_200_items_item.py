from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ListUsersResponse200ItemsItem")


@_attrs_define
class ListUsersResponse200ItemsItem:
    """
    Attributes:
        id (UUID | Unset):
        username (str | Unset):
        role (str | Unset):
        service_point_id (None | Unset | UUID):
        staff_id (None | Unset | UUID):
        disabled (bool | Unset):
        created_at (datetime.datetime | Unset):
    """

    id: UUID | Unset = UNSET
    username: str | Unset = UNSET
    role: str | Unset = UNSET
    service_point_id: None | Unset | UUID = UNSET
    staff_id: None | Unset | UUID = UNSET
    disabled: bool | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        username = self.username

        role = self.role

        service_point_id: None | str | Unset
        if isinstance(self.service_point_id, Unset):
            service_point_id = UNSET
        elif isinstance(self.service_point_id, UUID):
            service_point_id = str(self.service_point_id)
        else:
            service_point_id = self.service_point_id

        staff_id: None | str | Unset
        if isinstance(self.staff_id, Unset):
            staff_id = UNSET
        elif isinstance(self.staff_id, UUID):
            staff_id = str(self.staff_id)
        else:
            staff_id = self.staff_id

        disabled = self.disabled

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if username is not UNSET:
            field_dict["username"] = username
        if role is not UNSET:
            field_dict["role"] = role
        if service_point_id is not UNSET:
            field_dict["service_point_id"] = service_point_id
        if staff_id is not UNSET:
            field_dict["staff_id"] = staff_id
        if disabled is not UNSET:
            field_dict["disabled"] = disabled
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        username = d.pop("username", UNSET)

        role = d.pop("role", UNSET)

        def _parse_service_point_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                service_point_id_type_0 = UUID(data)

                return service_point_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        service_point_id = _parse_service_point_id(d.pop("service_point_id", UNSET))

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

        disabled = d.pop("disabled", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        list_users_response_200_items_item = cls(
            id=id,
            username=username,
            role=role,
            service_point_id=service_point_id,
            staff_id=staff_id,
            disabled=disabled,
            created_at=created_at,
        )

        list_users_response_200_items_item.additional_properties = d
        return list_users_response_200_items_item

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
