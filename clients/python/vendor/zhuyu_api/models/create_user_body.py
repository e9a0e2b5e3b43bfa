from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.create_user_body_role import CreateUserBodyRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateUserBody")


@_attrs_define
class CreateUserBody:
    """
    Attributes:
        username (str):
        password (str): At least the deployment's minimum length (`ZHUYU_MIN_PASSWORD_LENGTH`, 10 by default).
        role (CreateUserBodyRole):
        service_point_id (None | Unset | UUID):
        staff_id (None | Unset | UUID):
    """

    username: str
    password: str
    role: CreateUserBodyRole
    service_point_id: None | Unset | UUID = UNSET
    staff_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        password = self.password

        role = self.role.value

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

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "username": username,
                "password": password,
                "role": role,
            }
        )
        if service_point_id is not UNSET:
            field_dict["service_point_id"] = service_point_id
        if staff_id is not UNSET:
            field_dict["staff_id"] = staff_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        username = d.pop("username")

        password = d.pop("password")

        role = CreateUserBodyRole(d.pop("role"))

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

        create_user_body = cls(
            username=username,
            password=password,
            role=role,
            service_point_id=service_point_id,
            staff_id=staff_id,
        )

        return create_user_body
