from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.registration_consent_in_kind import RegistrationConsentInKind

T = TypeVar("T", bound="RegistrationConsentIn")


@_attrs_define
class RegistrationConsentIn:
    """
    Attributes:
        kind (RegistrationConsentInKind):
        granted (bool):
        signer_name (str):
        signer_relation (str):
    """

    kind: RegistrationConsentInKind
    granted: bool
    signer_name: str
    signer_relation: str

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        granted = self.granted

        signer_name = self.signer_name

        signer_relation = self.signer_relation

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "granted": granted,
                "signer_name": signer_name,
                "signer_relation": signer_relation,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        kind = RegistrationConsentInKind(d.pop("kind"))

        granted = d.pop("granted")

        signer_name = d.pop("signer_name")

        signer_relation = d.pop("signer_relation")

        registration_consent_in = cls(
            kind=kind,
            granted=granted,
            signer_name=signer_name,
            signer_relation=signer_relation,
        )

        return registration_consent_in
