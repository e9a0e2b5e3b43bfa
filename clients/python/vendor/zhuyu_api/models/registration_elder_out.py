from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.registration_elder_out_ineligibility_reasons_item import (
    RegistrationElderOutIneligibilityReasonsItem,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.registration_elder_out_consents import RegistrationElderOutConsents
    from ..models.registration_elder_out_emergency_contacts_item import (
        RegistrationElderOutEmergencyContactsItem,
    )


T = TypeVar("T", bound="RegistrationElderOut")


@_attrs_define
class RegistrationElderOut:
    """
    Attributes:
        id (str | Unset):
        name (str | Unset):
        gender (str | Unset):
        birth_date (datetime.date | Unset):
        id_number (str | Unset):
        citizen_card_no (str | Unset):
        phone (None | str | Unset):
        address (str | Unset):
        district (str | Unset):
        service_point_id (str | Unset):
        emergency_contacts (list[RegistrationElderOutEmergencyContactsItem] | Unset):
        chronic_conditions (list[str] | Unset):
        medications (list[str] | Unset):
        allergies (list[str] | Unset):
        notes (str | Unset):
        status (str | Unset):
        status_reason (None | str | Unset):
        previous_citizen_card_nos (list[str] | Unset):
        same_gender_assistant (bool | Unset):
        language (str | Unset):
        latest_assessment_level (int | None | Unset):
        safety_commitment_version (None | str | Unset):
        consents (RegistrationElderOutConsents | Unset):
        eligible_for_bathing (bool | Unset):
        ineligibility_reasons (list[RegistrationElderOutIneligibilityReasonsItem] | Unset): Why the elder may not bathe
            today (empty: eligible).
        latest_assessed_on (datetime.date | None | Unset):
        assessment_due_on (datetime.date | None | Unset): The latest assessment's last valid day: the elder is to be
            assessed again by then.
        safety_commitment_current (bool | Unset):
        created_at (datetime.datetime | Unset):
        updated_at (datetime.datetime | Unset):
    """

    id: str | Unset = UNSET
    name: str | Unset = UNSET
    gender: str | Unset = UNSET
    birth_date: datetime.date | Unset = UNSET
    id_number: str | Unset = UNSET
    citizen_card_no: str | Unset = UNSET
    phone: None | str | Unset = UNSET
    address: str | Unset = UNSET
    district: str | Unset = UNSET
    service_point_id: str | Unset = UNSET
    emergency_contacts: list[RegistrationElderOutEmergencyContactsItem] | Unset = UNSET
    chronic_conditions: list[str] | Unset = UNSET
    medications: list[str] | Unset = UNSET
    allergies: list[str] | Unset = UNSET
    notes: str | Unset = UNSET
    status: str | Unset = UNSET
    status_reason: None | str | Unset = UNSET
    previous_citizen_card_nos: list[str] | Unset = UNSET
    same_gender_assistant: bool | Unset = UNSET
    language: str | Unset = UNSET
    latest_assessment_level: int | None | Unset = UNSET
    safety_commitment_version: None | str | Unset = UNSET
    consents: RegistrationElderOutConsents | Unset = UNSET
    eligible_for_bathing: bool | Unset = UNSET
    ineligibility_reasons: (
        list[RegistrationElderOutIneligibilityReasonsItem] | Unset
    ) = UNSET
    latest_assessed_on: datetime.date | None | Unset = UNSET
    assessment_due_on: datetime.date | None | Unset = UNSET
    safety_commitment_current: bool | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        gender = self.gender

        birth_date: str | Unset = UNSET
        if not isinstance(self.birth_date, Unset):
            birth_date = self.birth_date.isoformat()

        id_number = self.id_number

        citizen_card_no = self.citizen_card_no

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        address = self.address

        district = self.district

        service_point_id = self.service_point_id

        emergency_contacts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.emergency_contacts, Unset):
            emergency_contacts = []
            for emergency_contacts_item_data in self.emergency_contacts:
                emergency_contacts_item = emergency_contacts_item_data.to_dict()
                emergency_contacts.append(emergency_contacts_item)

        chronic_conditions: list[str] | Unset = UNSET
        if not isinstance(self.chronic_conditions, Unset):
            chronic_conditions = self.chronic_conditions

        medications: list[str] | Unset = UNSET
        if not isinstance(self.medications, Unset):
            medications = self.medications

        allergies: list[str] | Unset = UNSET
        if not isinstance(self.allergies, Unset):
            allergies = self.allergies

        notes = self.notes

        status = self.status

        status_reason: None | str | Unset
        if isinstance(self.status_reason, Unset):
            status_reason = UNSET
        else:
            status_reason = self.status_reason

        previous_citizen_card_nos: list[str] | Unset = UNSET
        if not isinstance(self.previous_citizen_card_nos, Unset):
            previous_citizen_card_nos = self.previous_citizen_card_nos

        same_gender_assistant = self.same_gender_assistant

        language = self.language

        latest_assessment_level: int | None | Unset
        if isinstance(self.latest_assessment_level, Unset):
            latest_assessment_level = UNSET
        else:
            latest_assessment_level = self.latest_assessment_level

        safety_commitment_version: None | str | Unset
        if isinstance(self.safety_commitment_version, Unset):
            safety_commitment_version = UNSET
        else:
            safety_commitment_version = self.safety_commitment_version

        consents: dict[str, Any] | Unset = UNSET
        if not isinstance(self.consents, Unset):
            consents = self.consents.to_dict()

        eligible_for_bathing = self.eligible_for_bathing

        ineligibility_reasons: list[str] | Unset = UNSET
        if not isinstance(self.ineligibility_reasons, Unset):
            ineligibility_reasons = []
            for ineligibility_reasons_item_data in self.ineligibility_reasons:
                ineligibility_reasons_item = ineligibility_reasons_item_data.value
                ineligibility_reasons.append(ineligibility_reasons_item)

        latest_assessed_on: None | str | Unset
        if isinstance(self.latest_assessed_on, Unset):
            latest_assessed_on = UNSET
        elif isinstance(self.latest_assessed_on, datetime.date):
            latest_assessed_on = self.latest_assessed_on.isoformat()
        else:
            latest_assessed_on = self.latest_assessed_on

        assessment_due_on: None | str | Unset
        if isinstance(self.assessment_due_on, Unset):
            assessment_due_on = UNSET
        elif isinstance(self.assessment_due_on, datetime.date):
            assessment_due_on = self.assessment_due_on.isoformat()
        else:
            assessment_due_on = self.assessment_due_on

        safety_commitment_current = self.safety_commitment_current

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
        if birth_date is not UNSET:
            field_dict["birth_date"] = birth_date
        if id_number is not UNSET:
            field_dict["id_number"] = id_number
        if citizen_card_no is not UNSET:
            field_dict["citizen_card_no"] = citizen_card_no
        if phone is not UNSET:
            field_dict["phone"] = phone
        if address is not UNSET:
            field_dict["address"] = address
        if district is not UNSET:
            field_dict["district"] = district
        if service_point_id is not UNSET:
            field_dict["service_point_id"] = service_point_id
        if emergency_contacts is not UNSET:
            field_dict["emergency_contacts"] = emergency_contacts
        if chronic_conditions is not UNSET:
            field_dict["chronic_conditions"] = chronic_conditions
        if medications is not UNSET:
            field_dict["medications"] = medications
        if allergies is not UNSET:
            field_dict["allergies"] = allergies
        if notes is not UNSET:
            field_dict["notes"] = notes
        if status is not UNSET:
            field_dict["status"] = status
        if status_reason is not UNSET:
            field_dict["status_reason"] = status_reason
        if previous_citizen_card_nos is not UNSET:
            field_dict["previous_citizen_card_nos"] = previous_citizen_card_nos
        if same_gender_assistant is not UNSET:
            field_dict["same_gender_assistant"] = same_gender_assistant
        if language is not UNSET:
            field_dict["language"] = language
        if latest_assessment_level is not UNSET:
            field_dict["latest_assessment_level"] = latest_assessment_level
        if safety_commitment_version is not UNSET:
            field_dict["safety_commitment_version"] = safety_commitment_version
        if consents is not UNSET:
            field_dict["consents"] = consents
        if eligible_for_bathing is not UNSET:
            field_dict["eligible_for_bathing"] = eligible_for_bathing
        if ineligibility_reasons is not UNSET:
            field_dict["ineligibility_reasons"] = ineligibility_reasons
        if latest_assessed_on is not UNSET:
            field_dict["latest_assessed_on"] = latest_assessed_on
        if assessment_due_on is not UNSET:
            field_dict["assessment_due_on"] = assessment_due_on
        if safety_commitment_current is not UNSET:
            field_dict["safety_commitment_current"] = safety_commitment_current
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.registration_elder_out_consents import (
            RegistrationElderOutConsents,
        )
        from ..models.registration_elder_out_emergency_contacts_item import (
            RegistrationElderOutEmergencyContactsItem,
        )

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        gender = d.pop("gender", UNSET)

        _birth_date = d.pop("birth_date", UNSET)
        birth_date: datetime.date | Unset
        if isinstance(_birth_date, Unset):
            birth_date = UNSET
        else:
            birth_date = datetime.date.fromisoformat(_birth_date)

        id_number = d.pop("id_number", UNSET)

        citizen_card_no = d.pop("citizen_card_no", UNSET)

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        address = d.pop("address", UNSET)

        district = d.pop("district", UNSET)

        service_point_id = d.pop("service_point_id", UNSET)

        _emergency_contacts = d.pop("emergency_contacts", UNSET)
        emergency_contacts: list[RegistrationElderOutEmergencyContactsItem] | Unset = (
            UNSET
        )
        if _emergency_contacts is not UNSET:
            emergency_contacts = []
            for emergency_contacts_item_data in _emergency_contacts:
                emergency_contacts_item = (
                    RegistrationElderOutEmergencyContactsItem.from_dict(
                        emergency_contacts_item_data
                    )
                )

                emergency_contacts.append(emergency_contacts_item)

        chronic_conditions = cast(list[str], d.pop("chronic_conditions", UNSET))

        medications = cast(list[str], d.pop("medications", UNSET))

        allergies = cast(list[str], d.pop("allergies", UNSET))

        notes = d.pop("notes", UNSET)

        status = d.pop("status", UNSET)

        def _parse_status_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status_reason = _parse_status_reason(d.pop("status_reason", UNSET))

        previous_citizen_card_nos = cast(
            list[str], d.pop("previous_citizen_card_nos", UNSET)
        )

        same_gender_assistant = d.pop("same_gender_assistant", UNSET)

        language = d.pop("language", UNSET)

        def _parse_latest_assessment_level(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        latest_assessment_level = _parse_latest_assessment_level(
            d.pop("latest_assessment_level", UNSET)
        )

        def _parse_safety_commitment_version(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        safety_commitment_version = _parse_safety_commitment_version(
            d.pop("safety_commitment_version", UNSET)
        )

        _consents = d.pop("consents", UNSET)
        consents: RegistrationElderOutConsents | Unset
        if isinstance(_consents, Unset):
            consents = UNSET
        else:
            consents = RegistrationElderOutConsents.from_dict(_consents)

        eligible_for_bathing = d.pop("eligible_for_bathing", UNSET)

        _ineligibility_reasons = d.pop("ineligibility_reasons", UNSET)
        ineligibility_reasons: (
            list[RegistrationElderOutIneligibilityReasonsItem] | Unset
        ) = UNSET
        if _ineligibility_reasons is not UNSET:
            ineligibility_reasons = []
            for ineligibility_reasons_item_data in _ineligibility_reasons:
                ineligibility_reasons_item = (
                    RegistrationElderOutIneligibilityReasonsItem(
                        ineligibility_reasons_item_data
                    )
                )

                ineligibility_reasons.append(ineligibility_reasons_item)

        def _parse_latest_assessed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                latest_assessed_on_type_0 = datetime.date.fromisoformat(data)

                return latest_assessed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        latest_assessed_on = _parse_latest_assessed_on(
            d.pop("latest_assessed_on", UNSET)
        )

        def _parse_assessment_due_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assessment_due_on_type_0 = datetime.date.fromisoformat(data)

                return assessment_due_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        assessment_due_on = _parse_assessment_due_on(d.pop("assessment_due_on", UNSET))

        safety_commitment_current = d.pop("safety_commitment_current", UNSET)

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

        registration_elder_out = cls(
            id=id,
            name=name,
            gender=gender,
            birth_date=birth_date,
            id_number=id_number,
            citizen_card_no=citizen_card_no,
            phone=phone,
            address=address,
            district=district,
            service_point_id=service_point_id,
            emergency_contacts=emergency_contacts,
            chronic_conditions=chronic_conditions,
            medications=medications,
            allergies=allergies,
            notes=notes,
            status=status,
            status_reason=status_reason,
            previous_citizen_card_nos=previous_citizen_card_nos,
            same_gender_assistant=same_gender_assistant,
            language=language,
            latest_assessment_level=latest_assessment_level,
            safety_commitment_version=safety_commitment_version,
            consents=consents,
            eligible_for_bathing=eligible_for_bathing,
            ineligibility_reasons=ineligibility_reasons,
            latest_assessed_on=latest_assessed_on,
            assessment_due_on=assessment_due_on,
            safety_commitment_current=safety_commitment_current,
            created_at=created_at,
            updated_at=updated_at,
        )

        return registration_elder_out
