from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.registration_staff_out_care_training_type_0 import (
        RegistrationStaffOutCareTrainingType0,
    )
    from ..models.registration_staff_out_health_certificate_type_0 import (
        RegistrationStaffOutHealthCertificateType0,
    )


T = TypeVar("T", bound="RegistrationStaffOut")


@_attrs_define
class RegistrationStaffOut:
    """
    Attributes:
        id (str | Unset):
        name (str | Unset):
        gender (None | str | Unset):
        roles (list[str] | Unset):
        service_point_id (None | str | Unset):
        phone (str | Unset):
        email (None | str | Unset):
        health_certificate (None | RegistrationStaffOutHealthCertificateType0 | Unset):
        experience_years (float | Unset):
        care_training (None | RegistrationStaffOutCareTrainingType0 | Unset):
        qualified (bool | Unset):
        qualification_problems (list[str] | Unset):
        active (bool | Unset):
        created_at (datetime.datetime | Unset):
        updated_at (datetime.datetime | Unset):
    """

    id: str | Unset = UNSET
    name: str | Unset = UNSET
    gender: None | str | Unset = UNSET
    roles: list[str] | Unset = UNSET
    service_point_id: None | str | Unset = UNSET
    phone: str | Unset = UNSET
    email: None | str | Unset = UNSET
    health_certificate: None | RegistrationStaffOutHealthCertificateType0 | Unset = (
        UNSET
    )
    experience_years: float | Unset = UNSET
    care_training: None | RegistrationStaffOutCareTrainingType0 | Unset = UNSET
    qualified: bool | Unset = UNSET
    qualification_problems: list[str] | Unset = UNSET
    active: bool | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.registration_staff_out_care_training_type_0 import (
            RegistrationStaffOutCareTrainingType0,
        )
        from ..models.registration_staff_out_health_certificate_type_0 import (
            RegistrationStaffOutHealthCertificateType0,
        )

        id = self.id

        name = self.name

        gender: None | str | Unset
        if isinstance(self.gender, Unset):
            gender = UNSET
        else:
            gender = self.gender

        roles: list[str] | Unset = UNSET
        if not isinstance(self.roles, Unset):
            roles = self.roles

        service_point_id: None | str | Unset
        if isinstance(self.service_point_id, Unset):
            service_point_id = UNSET
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
        elif isinstance(
            self.health_certificate, RegistrationStaffOutHealthCertificateType0
        ):
            health_certificate = self.health_certificate.to_dict()
        else:
            health_certificate = self.health_certificate

        experience_years = self.experience_years

        care_training: dict[str, Any] | None | Unset
        if isinstance(self.care_training, Unset):
            care_training = UNSET
        elif isinstance(self.care_training, RegistrationStaffOutCareTrainingType0):
            care_training = self.care_training.to_dict()
        else:
            care_training = self.care_training

        qualified = self.qualified

        qualification_problems: list[str] | Unset = UNSET
        if not isinstance(self.qualification_problems, Unset):
            qualification_problems = self.qualification_problems

        active = self.active

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
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
        if qualified is not UNSET:
            field_dict["qualified"] = qualified
        if qualification_problems is not UNSET:
            field_dict["qualification_problems"] = qualification_problems
        if active is not UNSET:
            field_dict["active"] = active
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.registration_staff_out_care_training_type_0 import (
            RegistrationStaffOutCareTrainingType0,
        )
        from ..models.registration_staff_out_health_certificate_type_0 import (
            RegistrationStaffOutHealthCertificateType0,
        )

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        def _parse_gender(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        gender = _parse_gender(d.pop("gender", UNSET))

        roles = cast(list[str], d.pop("roles", UNSET))

        def _parse_service_point_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

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
        ) -> None | RegistrationStaffOutHealthCertificateType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                health_certificate_type_0 = (
                    RegistrationStaffOutHealthCertificateType0.from_dict(data)
                )

                return health_certificate_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RegistrationStaffOutHealthCertificateType0 | Unset, data)

        health_certificate = _parse_health_certificate(
            d.pop("health_certificate", UNSET)
        )

        experience_years = d.pop("experience_years", UNSET)

        def _parse_care_training(
            data: object,
        ) -> None | RegistrationStaffOutCareTrainingType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                care_training_type_0 = RegistrationStaffOutCareTrainingType0.from_dict(
                    data
                )

                return care_training_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RegistrationStaffOutCareTrainingType0 | Unset, data)

        care_training = _parse_care_training(d.pop("care_training", UNSET))

        qualified = d.pop("qualified", UNSET)

        qualification_problems = cast(list[str], d.pop("qualification_problems", UNSET))

        active = d.pop("active", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        registration_staff_out = cls(
            id=id,
            name=name,
            gender=gender,
            roles=roles,
            service_point_id=service_point_id,
            phone=phone,
            email=email,
            health_certificate=health_certificate,
            experience_years=experience_years,
            care_training=care_training,
            qualified=qualified,
            qualification_problems=qualification_problems,
            active=active,
            created_at=created_at,
            updated_at=updated_at,
        )

        return registration_staff_out
