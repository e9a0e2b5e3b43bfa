from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.visits_quarterly_review_decision import VisitsQuarterlyReviewDecision

T = TypeVar("T", bound="VisitsQuarterlyReview")


@_attrs_define
class VisitsQuarterlyReview:
    """
    Attributes:
        progress (str):  Example: 目标一已达成.
        decision (VisitsQuarterlyReviewDecision):
    """

    progress: str
    decision: VisitsQuarterlyReviewDecision

    def to_dict(self) -> dict[str, Any]:
        progress = self.progress

        decision = self.decision.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "progress": progress,
                "decision": decision,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        progress = d.pop("progress")

        decision = VisitsQuarterlyReviewDecision(d.pop("decision"))

        visits_quarterly_review = cls(
            progress=progress,
            decision=decision,
        )

        return visits_quarterly_review
