from enum import StrEnum


class VisitsSocialFunctionSocialContact(StrEnum):
    GOOD = "good"
    MEDIUM = "medium"
    POOR = "poor"

    def __str__(self) -> str:
        return str(self.value)
