from enum import StrEnum


class VisitsSocialFunctionLearning(StrEnum):
    GOOD = "good"
    MEDIUM = "medium"
    POOR = "poor"

    def __str__(self) -> str:
        return str(self.value)
