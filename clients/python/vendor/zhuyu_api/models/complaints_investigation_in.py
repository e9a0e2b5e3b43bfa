from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ComplaintsInvestigationIn")


@_attrs_define
class ComplaintsInvestigationIn:
    """
    Attributes:
        findings (str):
        verified (bool | None | Unset): Whether what the complainant reported was confirmed (核实).
    """

    findings: str
    verified: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        findings = self.findings

        verified: bool | None | Unset
        if isinstance(self.verified, Unset):
            verified = UNSET
        else:
            verified = self.verified

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "findings": findings,
            }
        )
        if verified is not UNSET:
            field_dict["verified"] = verified

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        findings = d.pop("findings")

        def _parse_verified(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        verified = _parse_verified(d.pop("verified", UNSET))

        complaints_investigation_in = cls(
            findings=findings,
            verified=verified,
        )

        return complaints_investigation_in
