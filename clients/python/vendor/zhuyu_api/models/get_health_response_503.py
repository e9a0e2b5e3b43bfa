from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.get_health_response_503_broker import GetHealthResponse503Broker
from ..models.get_health_response_503_status import GetHealthResponse503Status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.get_health_response_503_services import GetHealthResponse503Services


T = TypeVar("T", bound="GetHealthResponse503")


@_attrs_define
class GetHealthResponse503:
    """
    Attributes:
        status (GetHealthResponse503Status | Unset):
        services (GetHealthResponse503Services | Unset):
        broker (GetHealthResponse503Broker | Unset):
    """

    status: GetHealthResponse503Status | Unset = UNSET
    services: GetHealthResponse503Services | Unset = UNSET
    broker: GetHealthResponse503Broker | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        services: dict[str, Any] | Unset = UNSET
        if not isinstance(self.services, Unset):
            services = self.services.to_dict()

        broker: str | Unset = UNSET
        if not isinstance(self.broker, Unset):
            broker = self.broker.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if services is not UNSET:
            field_dict["services"] = services
        if broker is not UNSET:
            field_dict["broker"] = broker

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.get_health_response_503_services import (
            GetHealthResponse503Services,
        )

        d = dict(src_dict)
        _status = d.pop("status", UNSET)
        status: GetHealthResponse503Status | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = GetHealthResponse503Status(_status)

        _services = d.pop("services", UNSET)
        services: GetHealthResponse503Services | Unset
        if isinstance(_services, Unset):
            services = UNSET
        else:
            services = GetHealthResponse503Services.from_dict(_services)

        _broker = d.pop("broker", UNSET)
        broker: GetHealthResponse503Broker | Unset
        if isinstance(_broker, Unset):
            broker = UNSET
        else:
            broker = GetHealthResponse503Broker(_broker)

        get_health_response_503 = cls(
            status=status,
            services=services,
            broker=broker,
        )

        get_health_response_503.additional_properties = d
        return get_health_response_503

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
