from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.registration_subsidy_in_category import RegistrationSubsidyInCategory
from ..models.registration_subsidy_in_model_worker_level_type_1 import (
    RegistrationSubsidyInModelWorkerLevelType1,
)
from ..models.registration_subsidy_in_model_worker_level_type_2_type_1 import (
    RegistrationSubsidyInModelWorkerLevelType2Type1,
)
from ..models.registration_subsidy_in_model_worker_level_type_3_type_1 import (
    RegistrationSubsidyInModelWorkerLevelType3Type1,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="RegistrationSubsidyIn")


@_attrs_define
class RegistrationSubsidyIn:
    """
    Attributes:
        elder_id (UUID):
        category (RegistrationSubsidyInCategory):
        household_registered_locally (bool):
        resides_locally (bool):
        urban (bool | Unset):  Default: True.
        evidence_reference (None | str | Unset): The number of the certificate the category rests on (低保证, 特困/三无, 优抚证,
            劳模证书).
        model_worker_level (None | RegistrationSubsidyInModelWorkerLevelType1 |
            RegistrationSubsidyInModelWorkerLevelType2Type1 | RegistrationSubsidyInModelWorkerLevelType3Type1 | Unset): Who
            conferred the 劳模 title.
    """

    elder_id: UUID
    category: RegistrationSubsidyInCategory
    household_registered_locally: bool
    resides_locally: bool
    urban: bool | Unset = True
    evidence_reference: None | str | Unset = UNSET
    model_worker_level: (
        None
        | RegistrationSubsidyInModelWorkerLevelType1
        | RegistrationSubsidyInModelWorkerLevelType2Type1
        | RegistrationSubsidyInModelWorkerLevelType3Type1
        | Unset
    ) = UNSET

    def to_dict(self) -> dict[str, Any]:
        elder_id = str(self.elder_id)

        category = self.category.value

        household_registered_locally = self.household_registered_locally

        resides_locally = self.resides_locally

        urban = self.urban

        evidence_reference: None | str | Unset
        if isinstance(self.evidence_reference, Unset):
            evidence_reference = UNSET
        else:
            evidence_reference = self.evidence_reference

        model_worker_level: None | str | Unset
        if isinstance(self.model_worker_level, Unset):
            model_worker_level = UNSET
        elif (
            isinstance(
                self.model_worker_level, RegistrationSubsidyInModelWorkerLevelType1
            )
            or isinstance(
                self.model_worker_level, RegistrationSubsidyInModelWorkerLevelType2Type1
            )
            or isinstance(
                self.model_worker_level, RegistrationSubsidyInModelWorkerLevelType3Type1
            )
        ):
            model_worker_level = self.model_worker_level.value
        else:
            model_worker_level = self.model_worker_level

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "elder_id": elder_id,
                "category": category,
                "household_registered_locally": household_registered_locally,
                "resides_locally": resides_locally,
            }
        )
        if urban is not UNSET:
            field_dict["urban"] = urban
        if evidence_reference is not UNSET:
            field_dict["evidence_reference"] = evidence_reference
        if model_worker_level is not UNSET:
            field_dict["model_worker_level"] = model_worker_level

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        elder_id = UUID(d.pop("elder_id"))

        category = RegistrationSubsidyInCategory(d.pop("category"))

        household_registered_locally = d.pop("household_registered_locally")

        resides_locally = d.pop("resides_locally")

        urban = d.pop("urban", UNSET)

        def _parse_evidence_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        evidence_reference = _parse_evidence_reference(
            d.pop("evidence_reference", UNSET)
        )

        def _parse_model_worker_level(
            data: object,
        ) -> (
            None
            | RegistrationSubsidyInModelWorkerLevelType1
            | RegistrationSubsidyInModelWorkerLevelType2Type1
            | RegistrationSubsidyInModelWorkerLevelType3Type1
            | Unset
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                model_worker_level_type_1 = RegistrationSubsidyInModelWorkerLevelType1(
                    data
                )

                return model_worker_level_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                model_worker_level_type_2_type_1 = (
                    RegistrationSubsidyInModelWorkerLevelType2Type1(data)
                )

                return model_worker_level_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                model_worker_level_type_3_type_1 = (
                    RegistrationSubsidyInModelWorkerLevelType3Type1(data)
                )

                return model_worker_level_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                None
                | RegistrationSubsidyInModelWorkerLevelType1
                | RegistrationSubsidyInModelWorkerLevelType2Type1
                | RegistrationSubsidyInModelWorkerLevelType3Type1
                | Unset,
                data,
            )

        model_worker_level = _parse_model_worker_level(
            d.pop("model_worker_level", UNSET)
        )

        registration_subsidy_in = cls(
            elder_id=elder_id,
            category=category,
            household_registered_locally=household_registered_locally,
            resides_locally=resides_locally,
            urban=urban,
            evidence_reference=evidence_reference,
            model_worker_level=model_worker_level,
        )

        return registration_subsidy_in
