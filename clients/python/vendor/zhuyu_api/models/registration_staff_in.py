from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.registration_staff_in_gender_type_1 import RegistrationStaffInGenderType1
from ..models.registration_staff_in_gender_type_2_type_1 import (
    RegistrationStaffInGenderType2Type1,
)
from ..models.registration_staff_in_gender_type_3_type_1 import (
    RegistrationStaffInGenderType3Type1,
)
from ..models.registration_staff_in_roles_item import RegistrationStaffInRolesItem
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.registration_certificate import RegistrationCertificate
    from ..models.registration_staff_in_care_training_type_1_type_0 import (
        RegistrationStaffInCareTrainingType1Type0,
    )
    from ..models.registration_staff_in_health_certificate_type_1_type_0 import (
        RegistrationStaffInHealthCertificateType1Type0,
    )
    from ..models.registration_training import RegistrationTraining


T = TypeVar("T", bound="RegistrationStaffIn")


@_attrs_define
class RegistrationStaffIn:
    """
    Attributes:
        name (str):
        roles (list[RegistrationStaffInRolesItem]):
        phone (str):
        experience_years (float):
        gender (None | RegistrationStaffInGenderType1 | RegistrationStaffInGenderType2Type1 |
            RegistrationStaffInGenderType3Type1 | Unset):
        service_point_id (None | Unset | UUID):
        email (None | str | Unset):
        health_certificate (None | RegistrationCertificate | RegistrationStaffInHealthCertificateType1Type0 | Unset):
        care_training (None | RegistrationStaffInCareTrainingType1Type0 | RegistrationTraining | Unset):
        active (bool | Unset):  Default: True.
    """

    name: str
    roles: list[RegistrationStaffInRolesItem]
    phone: str
    experience_years: float
    gender: (
        None
        | RegistrationStaffInGenderType1
        | RegistrationStaffInGenderType2Type1
        | RegistrationStaffInGenderType3Type1
        | Unset
    ) = UNSET
    service_point_id: None | Unset | UUID = UNSET
    email: None | str | Unset = UNSET
    health_certificate: (
        None
        | RegistrationCertificate
        | RegistrationStaffInHealthCertificateType1Type0
        | Unset
    ) = UNSET
    care_training: (
        None | RegistrationStaffInCareTrainingType1Type0 | RegistrationTraining | Unset
    ) = UNSET
    active: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        from ..models.registration_certificate import RegistrationCertificate
        from ..models.registration_staff_in_care_training_type_1_type_0 import (
            RegistrationStaffInCareTrainingType1Type0,
        )
        from ..models.registration_staff_in_health_certificate_type_1_type_0 import (
            RegistrationStaffInHealthCertificateType1Type0,
        )
        from ..models.registration_training import RegistrationTraining

        name = self.name

        roles = []
        for roles_item_data in self.roles:
            roles_item = roles_item_data.value
            roles.append(roles_item)

        phone = self.phone

        experience_years = self.experience_years

        gender: None | str | Unset
        if isinstance(self.gender, Unset):
            gender = UNSET
        elif (
            isinstance(self.gender, RegistrationStaffInGenderType1)
            or isinstance(self.gender, RegistrationStaffInGenderType2Type1)
            or isinstance(self.gender, RegistrationStaffInGenderType3Type1)
        ):
            gender = self.gender.value
        else:
            gender = self.gender

        service_point_id: None | str | Unset
        if isinstance(self.service_point_id, Unset):
            service_point_id = UNSET
        elif isinstance(self.service_point_id, UUID):
            service_point_id = str(self.service_point_id)
        else:
            service_point_id = self.service_point_id

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        health_certificate: dict[str, Any] | None | Unset
        if isinstance(self.health_certificate, Unset):
            health_certificate = UNSET
        elif isinstance(self.health_certificate, RegistrationCertificate) or isinstance(
            self.health_certificate, RegistrationStaffInHealthCertificateType1Type0
        ):
            health_certificate = self.health_certificate.to_dict()
        else:
            health_certificate = self.health_certificate

        care_training: dict[str, Any] | None | Unset
        if isinstance(self.care_training, Unset):
            care_training = UNSET
        elif isinstance(self.care_training, RegistrationTraining) or isinstance(
            self.care_training, RegistrationStaffInCareTrainingType1Type0
        ):
            care_training = self.care_training.to_dict()
        else:
            care_training = self.care_training

        active = self.active

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "roles": roles,
                "phone": phone,
                "experience_years": experience_years,
            }
        )
        if gender is not UNSET:
            field_dict["gender"] = gender
        if service_point_id is not UNSET:
            field_dict["service_point_id"] = service_point_id
        if email is not UNSET:
            field_dict["email"] = email
        if health_certificate is not UNSET:
            field_dict["health_certificate"] = health_certificate
        if care_training is not UNSET:
            field_dict["care_training"] = care_training
        if active is not UNSET:
            field_dict["active"] = active

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.registration_certificate import RegistrationCertificate
        from ..models.registration_staff_in_care_training_type_1_type_0 import (
            RegistrationStaffInCareTrainingType1Type0,
        )
        from ..models.registration_staff_in_health_certificate_type_1_type_0 import (
            RegistrationStaffInHealthCertificateType1Type0,
        )
        from ..models.registration_training import RegistrationTraining

        d = dict(src_dict)
        name = d.pop("name")

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = RegistrationStaffInRolesItem(roles_item_data)

            roles.append(roles_item)

        phone = d.pop("phone")

        experience_years = d.pop("experience_years")

        def _parse_gender(
            data: object,
        ) -> (
            None
            | RegistrationStaffInGenderType1
            | RegistrationStaffInGenderType2Type1
            | RegistrationStaffInGenderType3Type1
            | Unset
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                gender_type_1 = RegistrationStaffInGenderType1(data)

                return gender_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                gender_type_2_type_1 = RegistrationStaffInGenderType2Type1(data)

                return gender_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                gender_type_3_type_1 = RegistrationStaffInGenderType3Type1(data)

                return gender_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                None
                | RegistrationStaffInGenderType1
                | RegistrationStaffInGenderType2Type1
                | RegistrationStaffInGenderType3Type1
                | Unset,
                data,
            )

        gender = _parse_gender(d.pop("gender", UNSET))

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
            | RegistrationStaffInHealthCertificateType1Type0
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
                    RegistrationStaffInHealthCertificateType1Type0.from_dict(data)
                )

                return health_certificate_type_1_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                None
                | RegistrationCertificate
                | RegistrationStaffInHealthCertificateType1Type0
                | Unset,
                data,
            )

        health_certificate = _parse_health_certificate(
            d.pop("health_certificate", UNSET)
        )

        def _parse_care_training(
            data: object,
        ) -> (
            None
            | RegistrationStaffInCareTrainingType1Type0
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
                    RegistrationStaffInCareTrainingType1Type0.from_dict(data)
                )

                return care_training_type_1_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                None
                | RegistrationStaffInCareTrainingType1Type0
                | RegistrationTraining
                | Unset,
                data,
            )

        care_training = _parse_care_training(d.pop("care_training", UNSET))

        active = d.pop("active", UNSET)

        registration_staff_in = cls(
            name=name,
            roles=roles,
            phone=phone,
            experience_years=experience_years,
            gender=gender,
            service_point_id=service_point_id,
            email=email,
            health_certificate=health_certificate,
            care_training=care_training,
            active=active,
        )

        return registration_staff_in
