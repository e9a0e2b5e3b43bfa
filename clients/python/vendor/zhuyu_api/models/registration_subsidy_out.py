from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.registration_subsidy_out_steps_item import (
        RegistrationSubsidyOutStepsItem,
    )


T = TypeVar("T", bound="RegistrationSubsidyOut")


@_attrs_define
class RegistrationSubsidyOut:
    """
    Attributes:
        id (str | Unset):
        elder_id (str | Unset):
        category (str | Unset):
        urban (bool | Unset):
        eligible (bool | Unset):
        reasons (list[str] | Unset):
        stage (str | Unset):
        steps (list[RegistrationSubsidyOutStepsItem] | Unset):
        created_at (datetime.datetime | Unset):
        updated_at (datetime.datetime | Unset):
    """

    id: str | Unset = UNSET
    elder_id: str | Unset = UNSET
    category: str | Unset = UNSET
    urban: bool | Unset = UNSET
    eligible: bool | Unset = UNSET
    reasons: list[str] | Unset = UNSET
    stage: str | Unset = UNSET
    steps: list[RegistrationSubsidyOutStepsItem] | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        elder_id = self.elder_id

        category = self.category

        urban = self.urban

        eligible = self.eligible

        reasons: list[str] | Unset = UNSET
        if not isinstance(self.reasons, Unset):
            reasons = self.reasons

        stage = self.stage

        steps: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.steps, Unset):
            steps = []
            for steps_item_data in self.steps:
                steps_item = steps_item_data.to_dict()
                steps.append(steps_item)

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
        if elder_id is not UNSET:
            field_dict["elder_id"] = elder_id
        if category is not UNSET:
            field_dict["category"] = category
        if urban is not UNSET:
            field_dict["urban"] = urban
        if eligible is not UNSET:
            field_dict["eligible"] = eligible
        if reasons is not UNSET:
            field_dict["reasons"] = reasons
        if stage is not UNSET:
            field_dict["stage"] = stage
        if steps is not UNSET:
            field_dict["steps"] = steps
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.registration_subsidy_out_steps_item import (
            RegistrationSubsidyOutStepsItem,
        )

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        elder_id = d.pop("elder_id", UNSET)

        category = d.pop("category", UNSET)

        urban = d.pop("urban", UNSET)

        eligible = d.pop("eligible", UNSET)

        reasons = cast(list[str], d.pop("reasons", UNSET))

        stage = d.pop("stage", UNSET)

        _steps = d.pop("steps", UNSET)
        steps: list[RegistrationSubsidyOutStepsItem] | Unset = UNSET
        if _steps is not UNSET:
            steps = []
            for steps_item_data in _steps:
                steps_item = RegistrationSubsidyOutStepsItem.from_dict(steps_item_data)

                steps.append(steps_item)

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

        registration_subsidy_out = cls(
            id=id,
            elder_id=elder_id,
            category=category,
            urban=urban,
            eligible=eligible,
            reasons=reasons,
            stage=stage,
            steps=steps,
            created_at=created_at,
            updated_at=updated_at,
        )

        return registration_subsidy_out
