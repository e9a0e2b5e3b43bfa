from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.visits_follow_up_plan_in_programme import VisitsFollowUpPlanInProgramme
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.problem import Problem


T = TypeVar("T", bound="VisitsFollowUpPlanIn")


@_attrs_define
class VisitsFollowUpPlanIn:
    """
    Attributes:
        elder_id (UUID):
        programme (VisitsFollowUpPlanInProgramme):
        staff_id (UUID):
        care_plan (list[Problem] | None | Unset):
    """

    elder_id: UUID
    programme: VisitsFollowUpPlanInProgramme
    staff_id: UUID
    care_plan: list[Problem] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        elder_id = str(self.elder_id)

        programme = self.programme.value

        staff_id = str(self.staff_id)

        care_plan: list[dict[str, Any]] | None | Unset
        if isinstance(self.care_plan, Unset):
            care_plan = UNSET
        elif isinstance(self.care_plan, list):
            care_plan = []
            for care_plan_type_0_item_data in self.care_plan:
                care_plan_type_0_item = care_plan_type_0_item_data.to_dict()
                care_plan.append(care_plan_type_0_item)

        else:
            care_plan = self.care_plan

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "elder_id": elder_id,
                "programme": programme,
                "staff_id": staff_id,
            }
        )
        if care_plan is not UNSET:
            field_dict["care_plan"] = care_plan

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.problem import Problem

        d = dict(src_dict)
        elder_id = UUID(d.pop("elder_id"))

        programme = VisitsFollowUpPlanInProgramme(d.pop("programme"))

        staff_id = UUID(d.pop("staff_id"))

        def _parse_care_plan(data: object) -> list[Problem] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                care_plan_type_0 = []
                _care_plan_type_0 = data
                for care_plan_type_0_item_data in _care_plan_type_0:
                    care_plan_type_0_item = Problem.from_dict(
                        care_plan_type_0_item_data
                    )

                    care_plan_type_0.append(care_plan_type_0_item)

                return care_plan_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Problem] | None | Unset, data)

        care_plan = _parse_care_plan(d.pop("care_plan", UNSET))

        visits_follow_up_plan_in = cls(
            elder_id=elder_id,
            programme=programme,
            staff_id=staff_id,
            care_plan=care_plan,
        )

        return visits_follow_up_plan_in
