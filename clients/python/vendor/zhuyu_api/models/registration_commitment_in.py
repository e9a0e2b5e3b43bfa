from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="RegistrationCommitmentIn")


@_attrs_define
class RegistrationCommitmentIn:
    """
    Attributes:
        signer_name (str):
        signer_relation (str):
        text_version (str):
        witness_staff_id (UUID):
    """

    signer_name: str
    signer_relation: str
    text_version: str
    witness_staff_id: UUID

    def to_dict(self) -> dict[str, Any]:
        signer_name = self.signer_name

        signer_relation = self.signer_relation

        text_version = self.text_version

        witness_staff_id = str(self.witness_staff_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "signer_name": signer_name,
                "signer_relation": signer_relation,
                "text_version": text_version,
                "witness_staff_id": witness_staff_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        signer_name = d.pop("signer_name")

        signer_relation = d.pop("signer_relation")

        text_version = d.pop("text_version")

        witness_staff_id = UUID(d.pop("witness_staff_id"))

        registration_commitment_in = cls(
            signer_name=signer_name,
            signer_relation=signer_relation,
            text_version=text_version,
            witness_staff_id=witness_staff_id,
        )

        return registration_commitment_in
