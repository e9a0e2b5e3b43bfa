from enum import StrEnum


class VisitsSocialFunctionWork(StrEnum):
    GOOD = "good"
    MEDIUM = "medium"
    NOT_APPLICABLE = "not_applicable"
    POOR = "poor"

    def __str__(self) -> str:
        return str(self.value)
