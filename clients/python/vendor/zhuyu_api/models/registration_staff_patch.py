from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.registration_staff_patch_gender_type_1 import (
    RegistrationStaffPatchGenderType1,
)
from ..models.registration_staff_patch_gender_type_2_type_1 import (
    RegistrationStaffPatchGenderType2Type1,
)
from ..models.registration_staff_patch_gender_type_3_type_1 import (
    RegistrationStaffPatchGenderType3Type1,
)
from ..models.registration_staff_patch_roles_item import RegistrationStaffPatchRolesItem
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.registration_certificate import RegistrationCertificate
    from ..models.registration_staff_patch_care_training_type_1_type_0 import (
        RegistrationStaffPatchCareTrainingType1Type0,
    )
    from ..models.registration_staff_patch_health_certificate_type_1_type_0 import (
        RegistrationStaffPatchHealthCertificateType1Type0,
    )
    from ..models.registration_training import RegistrationTraining


T = TypeVar("T", bound="RegistrationStaffPatch")


@_attrs_define
class RegistrationStaffPatch:
    """
    Attributes:
        name (str | Unset):
        gender (None | RegistrationStaffPatchGenderType1 | RegistrationStaffPatchGenderType2Type1 |
            RegistrationStaffPatchGenderType3Type1 | Unset):
        roles (list[RegistrationStaffPatchRolesItem] | Unset):
        service_point_id (None | Unset | UUID):
        phone (str | Unset):
        email (None | str | Unset):
        health_certificate (None | RegistrationCertificate | RegistrationStaffPatchHealthCertificateType1Type0 | Unset):
        experience_years (float | Unset):
        care_training (None | RegistrationStaffPatchCareTrainingType1Type0 | RegistrationTraining | Unset):
        active (bool | Unset):  Default: True.
    """

    name: str | Unset = UNSET
    gender: (
        None
        | RegistrationStaffPatchGenderType1
        | RegistrationStaffPatchGenderType2Type1
        | RegistrationStaffPatchGenderType3Type1
        | Unset
    ) = UNSET
    roles: list[RegistrationStaffPatchRolesItem] | Unset = UNSET
    service_point_id: None | Unset | UUID = UNSET
    phone: str | Unset = UNSET
    email: None | str | Unset = UNSET
    health_certificate: (
        None
        | RegistrationCertificate
        | RegistrationStaffPatchHealthCertificateType1Type0
        | Unset
    ) = UNSET
    experience_years: float | Unset = UNSET
    care_training: (
        None
        | RegistrationStaffPatchCareTrainingType1Type0
        | RegistrationTraining
        | Unset
    ) = UNSET
    active: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        from ..models.registration_certificate import RegistrationCertificate
        from ..models.registration_staff_patch_care_training_type_1_type_0 import (
            RegistrationStaffPatchCareTrainingType1Type0,
        )
        from ..models.registration_staff_patch_health_certificate_type_1_type_0 import (
            RegistrationStaffPatchHealthCertificateType1Type0,
        )
        from ..models.registration_training import RegistrationTraining

        name = self.name

        gender: None | str | Unset
        if isinstance(self.gender, Unset):
            gender = UNSET
        elif (
            isinstance(self.gender, RegistrationStaffPatchGenderType1)
            or isinstance(self.gender, RegistrationStaffPatchGenderType2Type1)
            or isinstance(self.gender, RegistrationStaffPatchGenderType3Type1)
        ):
            gender = self.gender.value
        else:
            gender = self.gender

        roles: list[str] | Unset = UNSET
        if not isinstance(self.roles, Unset):
            roles = []
            for roles_item_data in self.roles:
                roles_item = roles_item_data.value
                roles.append(roles_item)

        service_point_id: None | str | Unset
        if isinstance(self.service_point_id, Unset):
            service_point_id = UNSET
        elif isinstance(self.service_point_id, UUID):
            service_point_id = str(self.service_point_id)
        else:
            service_point_id = self.service_point_id

        phone = self.phone

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        health_certificate: dict[str, Any] | None | Unset
        if isinstance(self.health_certificate, Unset):
            health_certificate = UNSET
        elif isinstance(self.health_certificate, RegistrationCertificate) or isinstance(
            self.health_certificate, RegistrationStaffPatchHealthCertificateType1Type0
        ):
            health_certificate = self.health_certificate.to_dict()
        else:
            health_certificate = self.health_certificate

        experience_years = self.experience_years

        care_training: dict[str, Any] | None | Unset
        if isinstance(self.care_training, Unset):
            care_training = UNSET
        elif isinstance(self.care_training, RegistrationTraining) or isinstance(
            self.care_training, RegistrationStaffPatchCareTrainingType1Type0
        ):
            care_training = self.care_training.to_dict()
        else:
            care_training = self.care_training

        active = self.active

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if gender is not UNSET:
            field_dict["gender"] = gender
        if roles is not UNSET:
            field_dict["roles"] = roles
        if service_point_id is not UNSET:
            field_dict["service_point_id"] = service_point_id
        if phone is not UNSET:
            field_dict["phone"] = phone
        if email is not UNSET:
            field_dict["email"] = email
        if health_certificate is not UNSET:
            field_dict["health_certificate"] = health_certificate
        if experience_years is not UNSET:
            field_dict["experience_years"] = experience_years
        if care_training is not UNSET:
            field_dict["care_training"] = care_training
        if active is not UNSET:
            field_dict["active"] = active

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.registration_certificate import RegistrationCertificate
        from ..models.registration_staff_patch_care_training_type_1_type_0 import (
            RegistrationStaffPatchCareTrainingType1Type0,
        )
        from ..models.registration_staff_patch_health_certificate_type_1_type_0 import (
            RegistrationStaffPatchHealthCertificateType1Type0,
        )
        from ..models.registration_training import RegistrationTraining

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        def _parse_gender(
            data: object,
        ) -> (
            None
            | RegistrationStaffPatchGenderType1
            | RegistrationStaffPatchGenderType2Type1
            | RegistrationStaffPatchGenderType3Type1
            | Unset
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                gender_type_1 = RegistrationStaffPatchGenderType1(data)

                return gender_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                gender_type_2_type_1 = RegistrationStaffPatchGenderType2Type1(data)

                return gender_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                gender_type_3_type_1 = RegistrationStaffPatchGenderType3Type1(data)

                return gender_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                None
                | RegistrationStaffPatchGenderType1
                | RegistrationStaffPatchGenderType2Type1
                | RegistrationStaffPatchGenderType3Type1
                | Unset,
                data,
            )

        gender = _parse_gender(d.pop("gender", UNSET))

        _roles = d.pop("roles", UNSET)
        roles: list[RegistrationStaffPatchRolesItem] | Unset = UNSET
        if _roles is not UNSET:
            roles = []
            for roles_item_data in _roles:
                roles_item = RegistrationStaffPatchRolesItem(roles_item_data)

                roles.append(roles_item)

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

        phone = d.pop("phone", UNSET)

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_health_certificate(
            data: object,
        ) -> (
            None
            | RegistrationCertificate
            | RegistrationStaffPatchHealthCertificateType1Type0
            | Unset
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                health_certificate_type_0 = RegistrationCertificate.from_dict(data)

                return health_certificate_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                health_certificate_type_1_type_0 = (
                    RegistrationStaffPatchHealthCertificateType1Type0.from_dict(data)
                )

                return health_certificate_type_1_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                None
                | RegistrationCertificate
                | RegistrationStaffPatchHealthCertificateType1Type0
                | Unset,
                data,
            )

        health_certificate = _parse_health_certificate(
            d.pop("health_certificate", UNSET)
        )

        experience_years = d.pop("experience_years", UNSET)

        def _parse_care_training(
            data: object,
        ) -> (
            None
            | RegistrationStaffPatchCareTrainingType1Type0
            | RegistrationTraining
            | Unset
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                care_training_type_0 = RegistrationTraining.from_dict(data)

                return care_training_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                care_training_type_1_type_0 = (
                    RegistrationStaffPatchCareTrainingType1Type0.from_dict(data)
                )

                return care_training_type_1_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                None
                | RegistrationStaffPatchCareTrainingType1Type0
                | RegistrationTraining
                | Unset,
                data,
            )

        care_training = _parse_care_training(d.pop("care_training", UNSET))

        active = d.pop("active", UNSET)

        registration_staff_patch = cls(
            name=name,
            gender=gender,
            roles=roles,
            service_point_id=service_point_id,
            phone=phone,
            email=email,
            health_certificate=health_certificate,
            experience_years=experience_years,
            care_training=care_training,
            active=active,
        )

        return registration_staff_patch
