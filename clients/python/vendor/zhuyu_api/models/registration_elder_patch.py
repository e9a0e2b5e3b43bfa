from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.registration_elder_patch_gender import RegistrationElderPatchGender
from ..models.registration_elder_patch_language import RegistrationElderPatchLanguage
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.registration_emergency_contact import RegistrationEmergencyContact


T = TypeVar("T", bound="RegistrationElderPatch")


@_attrs_define
class RegistrationElderPatch:
    """
    Attributes:
        name (str | Unset):
        gender (RegistrationElderPatchGender | Unset):
        birth_date (datetime.date | Unset):
        id_number (str | Unset): The 18-character resident ID number (GB 11643): 17 digits and a check character (a
            digit or X) that must match them, the 17th digit odd for male and even for female, as `gender`. Example:
            110105194503010026.
        citizen_card_no (str | Unset): The citizen card number: 6 to 32 letters and digits. Example: HZ20240001.
        phone (None | str | Unset):
        address (str | Unset):
        district (str | Unset):
        service_point_id (UUID | Unset):
        emergency_contacts (list[RegistrationEmergencyContact] | Unset):
        chronic_conditions (list[str] | Unset):
        medications (list[str] | Unset):
        allergies (list[str] | Unset):
        notes (str | Unset):  Default: ''.
        same_gender_assistant (bool | Unset):  Default: False.
        language (RegistrationElderPatchLanguage | Unset):  Default: RegistrationElderPatchLanguage.ZH_CN.
    """

    name: str | Unset = UNSET
    gender: RegistrationElderPatchGender | Unset = UNSET
    birth_date: datetime.date | Unset = UNSET
    id_number: str | Unset = UNSET
    citizen_card_no: str | Unset = UNSET
    phone: None | str | Unset = UNSET
    address: str | Unset = UNSET
    district: str | Unset = UNSET
    service_point_id: UUID | Unset = UNSET
    emergency_contacts: list[RegistrationEmergencyContact] | Unset = UNSET
    chronic_conditions: list[str] | Unset = UNSET
    medications: list[str] | Unset = UNSET
    allergies: list[str] | Unset = UNSET
    notes: str | Unset = ""
    same_gender_assistant: bool | Unset = False
    language: RegistrationElderPatchLanguage | Unset = (
        RegistrationElderPatchLanguage.ZH_CN
    )

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        gender: str | Unset = UNSET
        if not isinstance(self.gender, Unset):
            gender = self.gender.value

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

        service_point_id: str | Unset = UNSET
        if not isinstance(self.service_point_id, Unset):
            service_point_id = str(self.service_point_id)

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

        same_gender_assistant = self.same_gender_assistant

        language: str | Unset = UNSET
        if not isinstance(self.language, Unset):
            language = self.language.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
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
        if same_gender_assistant is not UNSET:
            field_dict["same_gender_assistant"] = same_gender_assistant
        if language is not UNSET:
            field_dict["language"] = language

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.registration_emergency_contact import RegistrationEmergencyContact

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        _gender = d.pop("gender", UNSET)
        gender: RegistrationElderPatchGender | Unset
        if isinstance(_gender, Unset):
            gender = UNSET
        else:
            gender = RegistrationElderPatchGender(_gender)

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

        _service_point_id = d.pop("service_point_id", UNSET)
        service_point_id: UUID | Unset
        if isinstance(_service_point_id, Unset):
            service_point_id = UNSET
        else:
            service_point_id = UUID(_service_point_id)

        _emergency_contacts = d.pop("emergency_contacts", UNSET)
        emergency_contacts: list[RegistrationEmergencyContact] | Unset = UNSET
        if _emergency_contacts is not UNSET:
            emergency_contacts = []
            for emergency_contacts_item_data in _emergency_contacts:
                emergency_contacts_item = RegistrationEmergencyContact.from_dict(
                    emergency_contacts_item_data
                )

                emergency_contacts.append(emergency_contacts_item)

        chronic_conditions = cast(list[str], d.pop("chronic_conditions", UNSET))

        medications = cast(list[str], d.pop("medications", UNSET))

        allergies = cast(list[str], d.pop("allergies", UNSET))

        notes = d.pop("notes", UNSET)

        same_gender_assistant = d.pop("same_gender_assistant", UNSET)

        _language = d.pop("language", UNSET)
        language: RegistrationElderPatchLanguage | Unset
        if isinstance(_language, Unset):
            language = UNSET
        else:
            language = RegistrationElderPatchLanguage(_language)

        registration_elder_patch = cls(
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
            same_gender_assistant=same_gender_assistant,
            language=language,
        )

        return registration_elder_patch
