from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.visits_screening_in_mental_state import VisitsScreeningInMentalState
from ..models.visits_screening_in_reminders_given_item import (
    VisitsScreeningInRemindersGivenItem,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="VisitsScreeningIn")


@_attrs_define
class VisitsScreeningIn:
    """
    Attributes:
        mental_state (VisitsScreeningInMentalState):
        infectious_disease (bool):
        alcohol (bool):
        systolic (int | None | Unset):
        diastolic (int | None | Unset):
        reminders_given (list[VisitsScreeningInRemindersGivenItem] | Unset):
        notes (str | Unset):  Default: ''.
        staff_id (None | Unset | UUID): The staff member who performs the step (qualified, of the visit's point);
            default: the user's linked staff member.
    """

    mental_state: VisitsScreeningInMentalState
    infectious_disease: bool
    alcohol: bool
    systolic: int | None | Unset = UNSET
    diastolic: int | None | Unset = UNSET
    reminders_given: list[VisitsScreeningInRemindersGivenItem] | Unset = UNSET
    notes: str | Unset = ""
    staff_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        mental_state = self.mental_state.value

        infectious_disease = self.infectious_disease

        alcohol = self.alcohol

        systolic: int | None | Unset
        if isinstance(self.systolic, Unset):
            systolic = UNSET
        else:
            systolic = self.systolic

        diastolic: int | None | Unset
        if isinstance(self.diastolic, Unset):
            diastolic = UNSET
        else:
            diastolic = self.diastolic

        reminders_given: list[str] | Unset = UNSET
        if not isinstance(self.reminders_given, Unset):
            reminders_given = []
            for reminders_given_item_data in self.reminders_given:
                reminders_given_item = reminders_given_item_data.value
                reminders_given.append(reminders_given_item)

        notes = self.notes

        staff_id: None | str | Unset
        if isinstance(self.staff_id, Unset):
            staff_id = UNSET
        elif isinstance(self.staff_id, UUID):
            staff_id = str(self.staff_id)
        else:
            staff_id = self.staff_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "mental_state": mental_state,
                "infectious_disease": infectious_disease,
                "alcohol": alcohol,
            }
        )
        if systolic is not UNSET:
            field_dict["systolic"] = systolic
        if diastolic is not UNSET:
            field_dict["diastolic"] = diastolic
        if reminders_given is not UNSET:
            field_dict["reminders_given"] = reminders_given
        if notes is not UNSET:
            field_dict["notes"] = notes
        if staff_id is not UNSET:
            field_dict["staff_id"] = staff_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        mental_state = VisitsScreeningInMentalState(d.pop("mental_state"))

        infectious_disease = d.pop("infectious_disease")

        alcohol = d.pop("alcohol")

        def _parse_systolic(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        systolic = _parse_systolic(d.pop("systolic", UNSET))

        def _parse_diastolic(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        diastolic = _parse_diastolic(d.pop("diastolic", UNSET))

        _reminders_given = d.pop("reminders_given", UNSET)
        reminders_given: list[VisitsScreeningInRemindersGivenItem] | Unset = UNSET
        if _reminders_given is not UNSET:
            reminders_given = []
            for reminders_given_item_data in _reminders_given:
                reminders_given_item = VisitsScreeningInRemindersGivenItem(
                    reminders_given_item_data
                )

                reminders_given.append(reminders_given_item)

        notes = d.pop("notes", UNSET)

        def _parse_staff_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                staff_id_type_0 = UUID(data)

                return staff_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        staff_id = _parse_staff_id(d.pop("staff_id", UNSET))

        visits_screening_in = cls(
            mental_state=mental_state,
            infectious_disease=infectious_disease,
            alcohol=alcohol,
            systolic=systolic,
            diastolic=diastolic,
            reminders_given=reminders_given,
            notes=notes,
            staff_id=staff_id,
        )

        return visits_screening_in
