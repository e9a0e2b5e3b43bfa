from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RegistrationConsentOut")


@_attrs_define
class RegistrationConsentOut:
    """
    Attributes:
        id (str | Unset):
        elder_id (str | Unset):
        kind (str | Unset):
        granted (bool | Unset):
        signer_name (str | Unset):
        signer_relation (str | Unset):
        recorded_at (datetime.datetime | Unset):
    """

    id: str | Unset = UNSET
    elder_id: str | Unset = UNSET
    kind: str | Unset = UNSET
    granted: bool | Unset = UNSET
    signer_name: str | Unset = UNSET
    signer_relation: str | Unset = UNSET
    recorded_at: datetime.datetime | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        elder_id = self.elder_id

        kind = self.kind

        granted = self.granted

        signer_name = self.signer_name

        signer_relation = self.signer_relation

        recorded_at: str | Unset = UNSET
        if not isinstance(self.recorded_at, Unset):
            recorded_at = self.recorded_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if elder_id is not UNSET:
            field_dict["elder_id"] = elder_id
        if kind is not UNSET:
            field_dict["kind"] = kind
        if granted is not UNSET:
            field_dict["granted"] = granted
        if signer_name is not UNSET:
            field_dict["signer_name"] = signer_name
        if signer_relation is not UNSET:
            field_dict["signer_relation"] = signer_relation
        if recorded_at is not UNSET:
            field_dict["recorded_at"] = recorded_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        elder_id = d.pop("elder_id", UNSET)

        kind = d.pop("kind", UNSET)

        granted = d.pop("granted", UNSET)

        signer_name = d.pop("signer_name", UNSET)

        signer_relation = d.pop("signer_relation", UNSET)

        _recorded_at = d.pop("recorded_at", UNSET)
        recorded_at: datetime.datetime | Unset
        if isinstance(_recorded_at, Unset):
            recorded_at = UNSET
        else:
            recorded_at = datetime.datetime.fromisoformat(_recorded_at)

        registration_consent_out = cls(
            id=id,
            elder_id=elder_id,
            kind=kind,
            granted=granted,
            signer_name=signer_name,
            signer_relation=signer_relation,
            recorded_at=recorded_at,
        )

        return registration_consent_out
