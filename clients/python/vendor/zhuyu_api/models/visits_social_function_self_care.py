from enum import StrEnum


class VisitsSocialFunctionSelfCare(StrEnum):
    GOOD = "good"
    MEDIUM = "medium"
    POOR = "poor"

    def __str__(self) -> str:
        return str(self.value)
