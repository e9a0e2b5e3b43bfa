from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RegistrationCommitmentOut")


@_attrs_define
class RegistrationCommitmentOut:
    """
    Attributes:
        id (str | Unset):
        elder_id (str | Unset):
        signer_name (str | Unset):
        signer_relation (str | Unset):
        text_version (str | Unset):
        witness_staff_id (str | Unset):
        signed_at (datetime.datetime | Unset):
        current (bool | Unset):
    """

    id: str | Unset = UNSET
    elder_id: str | Unset = UNSET
    signer_name: str | Unset = UNSET
    signer_relation: str | Unset = UNSET
    text_version: str | Unset = UNSET
    witness_staff_id: str | Unset = UNSET
    signed_at: datetime.datetime | Unset = UNSET
    current: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        elder_id = self.elder_id

        signer_name = self.signer_name

        signer_relation = self.signer_relation

        text_version = self.text_version

        witness_staff_id = self.witness_staff_id

        signed_at: str | Unset = UNSET
        if not isinstance(self.signed_at, Unset):
            signed_at = self.signed_at.isoformat()

        current = self.current

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if elder_id is not UNSET:
            field_dict["elder_id"] = elder_id
        if signer_name is not UNSET:
            field_dict["signer_name"] = signer_name
        if signer_relation is not UNSET:
            field_dict["signer_relation"] = signer_relation
        if text_version is not UNSET:
            field_dict["text_version"] = text_version
        if witness_staff_id is not UNSET:
            field_dict["witness_staff_id"] = witness_staff_id
        if signed_at is not UNSET:
            field_dict["signed_at"] = signed_at
        if current is not UNSET:
            field_dict["current"] = current

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        elder_id = d.pop("elder_id", UNSET)

        signer_name = d.pop("signer_name", UNSET)

        signer_relation = d.pop("signer_relation", UNSET)

        text_version = d.pop("text_version", UNSET)

        witness_staff_id = d.pop("witness_staff_id", UNSET)

        _signed_at = d.pop("signed_at", UNSET)
        signed_at: datetime.datetime | Unset
        if isinstance(_signed_at, Unset):
            signed_at = UNSET
        else:
            signed_at = datetime.datetime.fromisoformat(_signed_at)

        current = d.pop("current", UNSET)

        registration_commitment_out = cls(
            id=id,
            elder_id=elder_id,
            signer_name=signer_name,
            signer_relation=signer_relation,
            text_version=text_version,
            witness_staff_id=witness_staff_id,
            signed_at=signed_at,
            current=current,
        )

        return registration_commitment_out
