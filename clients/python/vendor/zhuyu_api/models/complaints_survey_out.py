from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ComplaintsSurveyOut")


@_attrs_define
class ComplaintsSurveyOut:
    """
    Attributes:
        id (str | Unset):
        subject_type (str | Unset):
        subject_id (str | Unset):
        service_point_id (str | Unset):
        score (int | Unset):
        comment (str | Unset):
        created_at (datetime.datetime | Unset):
    """

    id: str | Unset = UNSET
    subject_type: str | Unset = UNSET
    subject_id: str | Unset = UNSET
    service_point_id: str | Unset = UNSET
    score: int | Unset = UNSET
    comment: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        subject_type = self.subject_type

        subject_id = self.subject_id

        service_point_id = self.service_point_id

        score = self.score

        comment = self.comment

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if subject_type is not UNSET:
            field_dict["subject_type"] = subject_type
        if subject_id is not UNSET:
            field_dict["subject_id"] = subject_id
        if service_point_id is not UNSET:
            field_dict["service_point_id"] = service_point_id
        if score is not UNSET:
            field_dict["score"] = score
        if comment is not UNSET:
            field_dict["comment"] = comment
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        subject_type = d.pop("subject_type", UNSET)

        subject_id = d.pop("subject_id", UNSET)

        service_point_id = d.pop("service_point_id", UNSET)

        score = d.pop("score", UNSET)

        comment = d.pop("comment", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        complaints_survey_out = cls(
            id=id,
            subject_type=subject_type,
            subject_id=subject_id,
            service_point_id=service_point_id,
            score=score,
            comment=comment,
            created_at=created_at,
        )

        return complaints_survey_out
