from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.registration_elder_in_gender import RegistrationElderInGender
from ..models.registration_elder_in_language import RegistrationElderInLanguage
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.registration_emergency_contact import RegistrationEmergencyContact


T = TypeVar("T", bound="RegistrationElderIn")


@_attrs_define
class RegistrationElderIn:
    """
    Attributes:
        name (str):
        gender (RegistrationElderInGender):
        birth_date (datetime.date):
        id_number (str): The 18-character resident ID number (GB 11643): 17 digits and a check character (a digit or X)
            that must match them, the 17th digit odd for male and even for female, as `gender`. Example: 110105194503010026.
        citizen_card_no (str): The citizen card number: 6 to 32 letters and digits. Example: HZ20240001.
        address (str):
        district (str):
        service_point_id (UUID):
        emergency_contacts (list[RegistrationEmergencyContact]):
        phone (None | str | Unset):
        chronic_conditions (list[str] | Unset):
        medications (list[str] | Unset):
        allergies (list[str] | Unset):
        notes (str | Unset):  Default: ''.
        same_gender_assistant (bool | Unset):  Default: False.
        language (RegistrationElderInLanguage | Unset):  Default: RegistrationElderInLanguage.ZH_CN.
    """

    name: str
    gender: RegistrationElderInGender
    birth_date: datetime.date
    id_number: str
    citizen_card_no: str
    address: str
    district: str
    service_point_id: UUID
    emergency_contacts: list[RegistrationEmergencyContact]
    phone: None | str | Unset = UNSET
    chronic_conditions: list[str] | Unset = UNSET
    medications: list[str] | Unset = UNSET
    allergies: list[str] | Unset = UNSET
    notes: str | Unset = ""
    same_gender_assistant: bool | Unset = False
    language: RegistrationElderInLanguage | Unset = RegistrationElderInLanguage.ZH_CN

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        gender = self.gender.value

        birth_date = self.birth_date.isoformat()

        id_number = self.id_number

        citizen_card_no = self.citizen_card_no

        address = self.address

        district = self.district

        service_point_id = str(self.service_point_id)

        emergency_contacts = []
        for emergency_contacts_item_data in self.emergency_contacts:
            emergency_contacts_item = emergency_contacts_item_data.to_dict()
            emergency_contacts.append(emergency_contacts_item)

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

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

        field_dict.update(
            {
                "name": name,
                "gender": gender,
                "birth_date": birth_date,
                "id_number": id_number,
                "citizen_card_no": citizen_card_no,
                "address": address,
                "district": district,
                "service_point_id": service_point_id,
                "emergency_contacts": emergency_contacts,
            }
        )
        if phone is not UNSET:
            field_dict["phone"] = phone
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
        name = d.pop("name")

        gender = RegistrationElderInGender(d.pop("gender"))

        birth_date = datetime.date.fromisoformat(d.pop("birth_date"))

        id_number = d.pop("id_number")

        citizen_card_no = d.pop("citizen_card_no")

        address = d.pop("address")

        district = d.pop("district")

        service_point_id = UUID(d.pop("service_point_id"))

        emergency_contacts = []
        _emergency_contacts = d.pop("emergency_contacts")
        for emergency_contacts_item_data in _emergency_contacts:
            emergency_contacts_item = RegistrationEmergencyContact.from_dict(
                emergency_contacts_item_data
            )

            emergency_contacts.append(emergency_contacts_item)

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        chronic_conditions = cast(list[str], d.pop("chronic_conditions", UNSET))

        medications = cast(list[str], d.pop("medications", UNSET))

        allergies = cast(list[str], d.pop("allergies", UNSET))

        notes = d.pop("notes", UNSET)

        same_gender_assistant = d.pop("same_gender_assistant", UNSET)

        _language = d.pop("language", UNSET)
        language: RegistrationElderInLanguage | Unset
        if isinstance(_language, Unset):
            language = UNSET
        else:
            language = RegistrationElderInLanguage(_language)

        registration_elder_in = cls(
            name=name,
            gender=gender,
            birth_date=birth_date,
            id_number=id_number,
            citizen_card_no=citizen_card_no,
            address=address,
            district=district,
            service_point_id=service_point_id,
            emergency_contacts=emergency_contacts,
            phone=phone,
            chronic_conditions=chronic_conditions,
            medications=medications,
            allergies=allergies,
            notes=notes,
            same_gender_assistant=same_gender_assistant,
            language=language,
        )

        return registration_elder_in
