from enum import StrEnum


class VisitsQuarterlyReviewDecision(StrEnum):
    KEEP_PLAN = "keep_plan"
    NEW_PLAN = "new_plan"

    def __str__(self) -> str:
        return str(self.value)
