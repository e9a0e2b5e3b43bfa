from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.complaints_survey_in_subject_type import ComplaintsSurveyInSubjectType
from ..types import UNSET, Unset

T = TypeVar("T", bound="ComplaintsSurveyIn")


@_attrs_define
class ComplaintsSurveyIn:
    """
    Attributes:
        subject_type (ComplaintsSurveyInSubjectType):
        subject_id (UUID):
        score (int):
        comment (str | Unset):  Default: ''.
    """

    subject_type: ComplaintsSurveyInSubjectType
    subject_id: UUID
    score: int
    comment: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        subject_type = self.subject_type.value

        subject_id = str(self.subject_id)

        score = self.score

        comment = self.comment

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "subject_type": subject_type,
                "subject_id": subject_id,
                "score": score,
            }
        )
        if comment is not UNSET:
            field_dict["comment"] = comment

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        subject_type = ComplaintsSurveyInSubjectType(d.pop("subject_type"))

        subject_id = UUID(d.pop("subject_id"))

        score = d.pop("score")

        comment = d.pop("comment", UNSET)

        complaints_survey_in = cls(
            subject_type=subject_type,
            subject_id=subject_id,
            score=score,
            comment=comment,
        )

        return complaints_survey_in
