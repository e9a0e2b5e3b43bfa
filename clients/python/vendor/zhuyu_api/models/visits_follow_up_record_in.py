from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.visits_follow_up_record_in_symptoms_item import (
    VisitsFollowUpRecordInSymptomsItem,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.problem import Problem
    from ..models.visits_follow_up_record_in_review_type_1_type_0 import (
        VisitsFollowUpRecordInReviewType1Type0,
    )
    from ..models.visits_follow_up_record_in_social_function_type_1_type_0 import (
        VisitsFollowUpRecordInSocialFunctionType1Type0,
    )
    from ..models.visits_quarterly_review import VisitsQuarterlyReview
    from ..models.visits_social_function import VisitsSocialFunction


T = TypeVar("T", bound="VisitsFollowUpRecordIn")


@_attrs_define
class VisitsFollowUpRecordIn:
    """
    Attributes:
        visited_on (datetime.date):
        face_to_face (bool):
        systolic (int | None | Unset):
        diastolic (int | None | Unset):
        symptoms (list[VisitsFollowUpRecordInSymptomsItem] | Unset):
        adverse_drug_reaction (bool | Unset): 药物不良反应: seen again within the recheck days. Default: False.
        complications (bool | Unset): New or worse complications (并发症): referred. Default: False.
        social_function (None | Unset | VisitsFollowUpRecordInSocialFunctionType1Type0 | VisitsSocialFunction):
        care_plan (list[Problem] | None | Unset):
        review (None | Unset | VisitsFollowUpRecordInReviewType1Type0 | VisitsQuarterlyReview): Case management: the
            quarterly review (阶段性检视) made at this follow-up.
        notes (str | Unset):  Default: ''.
    """

    visited_on: datetime.date
    face_to_face: bool
    systolic: int | None | Unset = UNSET
    diastolic: int | None | Unset = UNSET
    symptoms: list[VisitsFollowUpRecordInSymptomsItem] | Unset = UNSET
    adverse_drug_reaction: bool | Unset = False
    complications: bool | Unset = False
    social_function: (
        None
        | Unset
        | VisitsFollowUpRecordInSocialFunctionType1Type0
        | VisitsSocialFunction
    ) = UNSET
    care_plan: list[Problem] | None | Unset = UNSET
    review: (
        None | Unset | VisitsFollowUpRecordInReviewType1Type0 | VisitsQuarterlyReview
    ) = UNSET
    notes: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        from ..models.visits_follow_up_record_in_review_type_1_type_0 import (
            VisitsFollowUpRecordInReviewType1Type0,
        )
        from ..models.visits_follow_up_record_in_social_function_type_1_type_0 import (
            VisitsFollowUpRecordInSocialFunctionType1Type0,
        )
        from ..models.visits_quarterly_review import VisitsQuarterlyReview
        from ..models.visits_social_function import VisitsSocialFunction

        visited_on = self.visited_on.isoformat()

        face_to_face = self.face_to_face

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

        symptoms: list[str] | Unset = UNSET
        if not isinstance(self.symptoms, Unset):
            symptoms = []
            for symptoms_item_data in self.symptoms:
                symptoms_item = symptoms_item_data.value
                symptoms.append(symptoms_item)

        adverse_drug_reaction = self.adverse_drug_reaction

        complications = self.complications

        social_function: dict[str, Any] | None | Unset
        if isinstance(self.social_function, Unset):
            social_function = UNSET
        elif isinstance(self.social_function, VisitsSocialFunction) or isinstance(
            self.social_function, VisitsFollowUpRecordInSocialFunctionType1Type0
        ):
            social_function = self.social_function.to_dict()
        else:
            social_function = self.social_function

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

        review: dict[str, Any] | None | Unset
        if isinstance(self.review, Unset):
            review = UNSET
        elif isinstance(self.review, VisitsQuarterlyReview) or isinstance(
            self.review, VisitsFollowUpRecordInReviewType1Type0
        ):
            review = self.review.to_dict()
        else:
            review = self.review

        notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "visited_on": visited_on,
                "face_to_face": face_to_face,
            }
        )
        if systolic is not UNSET:
            field_dict["systolic"] = systolic
        if diastolic is not UNSET:
            field_dict["diastolic"] = diastolic
        if symptoms is not UNSET:
            field_dict["symptoms"] = symptoms
        if adverse_drug_reaction is not UNSET:
            field_dict["adverse_drug_reaction"] = adverse_drug_reaction
        if complications is not UNSET:
            field_dict["complications"] = complications
        if social_function is not UNSET:
            field_dict["social_function"] = social_function
        if care_plan is not UNSET:
            field_dict["care_plan"] = care_plan
        if review is not UNSET:
            field_dict["review"] = review
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.problem import Problem
        from ..models.visits_follow_up_record_in_review_type_1_type_0 import (
            VisitsFollowUpRecordInReviewType1Type0,
        )
        from ..models.visits_follow_up_record_in_social_function_type_1_type_0 import (
            VisitsFollowUpRecordInSocialFunctionType1Type0,
        )
        from ..models.visits_quarterly_review import VisitsQuarterlyReview
        from ..models.visits_social_function import VisitsSocialFunction

        d = dict(src_dict)
        visited_on = datetime.date.fromisoformat(d.pop("visited_on"))

        face_to_face = d.pop("face_to_face")

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

        _symptoms = d.pop("symptoms", UNSET)
        symptoms: list[VisitsFollowUpRecordInSymptomsItem] | Unset = UNSET
        if _symptoms is not UNSET:
            symptoms = []
            for symptoms_item_data in _symptoms:
                symptoms_item = VisitsFollowUpRecordInSymptomsItem(symptoms_item_data)

                symptoms.append(symptoms_item)

        adverse_drug_reaction = d.pop("adverse_drug_reaction", UNSET)

        complications = d.pop("complications", UNSET)

        def _parse_social_function(
            data: object,
        ) -> (
            None
            | Unset
            | VisitsFollowUpRecordInSocialFunctionType1Type0
            | VisitsSocialFunction
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                social_function_type_0 = VisitsSocialFunction.from_dict(data)

                return social_function_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                social_function_type_1_type_0 = (
                    VisitsFollowUpRecordInSocialFunctionType1Type0.from_dict(data)
                )

                return social_function_type_1_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                None
                | Unset
                | VisitsFollowUpRecordInSocialFunctionType1Type0
                | VisitsSocialFunction,
                data,
            )

        social_function = _parse_social_function(d.pop("social_function", UNSET))

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

        def _parse_review(
            data: object,
        ) -> (
            None
            | Unset
            | VisitsFollowUpRecordInReviewType1Type0
            | VisitsQuarterlyReview
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                review_type_0 = VisitsQuarterlyReview.from_dict(data)

                return review_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                review_type_1_type_0 = VisitsFollowUpRecordInReviewType1Type0.from_dict(
                    data
                )

                return review_type_1_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                None
                | Unset
                | VisitsFollowUpRecordInReviewType1Type0
                | VisitsQuarterlyReview,
                data,
            )

        review = _parse_review(d.pop("review", UNSET))

        notes = d.pop("notes", UNSET)

        visits_follow_up_record_in = cls(
            visited_on=visited_on,
            face_to_face=face_to_face,
            systolic=systolic,
            diastolic=diastolic,
            symptoms=symptoms,
            adverse_drug_reaction=adverse_drug_reaction,
            complications=complications,
            social_function=social_function,
            care_plan=care_plan,
            review=review,
            notes=notes,
        )

        return visits_follow_up_record_in
