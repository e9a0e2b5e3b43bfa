from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.post_auth_token_response_200_token_type import (
    PostAuthTokenResponse200TokenType,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="PostAuthTokenResponse200")


@_attrs_define
class PostAuthTokenResponse200:
    """
    Attributes:
        access_token (str): Send as `Authorization: Bearer <access_token>`.
        token_type (PostAuthTokenResponse200TokenType):
        expires_in (int): Seconds the token is valid for.
        role (str):
        service_point_id (None | Unset | UUID):
    """

    access_token: str
    token_type: PostAuthTokenResponse200TokenType
    expires_in: int
    role: str
    service_point_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        access_token = self.access_token

        token_type = self.token_type.value

        expires_in = self.expires_in

        role = self.role

        service_point_id: None | str | Unset
        if isinstance(self.service_point_id, Unset):
            service_point_id = UNSET
        elif isinstance(self.service_point_id, UUID):
            service_point_id = str(self.service_point_id)
        else:
            service_point_id = self.service_point_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "access_token": access_token,
                "token_type": token_type,
                "expires_in": expires_in,
                "role": role,
            }
        )
        if service_point_id is not UNSET:
            field_dict["service_point_id"] = service_point_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        access_token = d.pop("access_token")

        token_type = PostAuthTokenResponse200TokenType(d.pop("token_type"))

        expires_in = d.pop("expires_in")

        role = d.pop("role")

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

        post_auth_token_response_200 = cls(
            access_token=access_token,
            token_type=token_type,
            expires_in=expires_in,
            role=role,
            service_point_id=service_point_id,
        )

        post_auth_token_response_200.additional_properties = d
        return post_auth_token_response_200

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
