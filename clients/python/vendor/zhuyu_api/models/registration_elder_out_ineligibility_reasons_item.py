from enum import StrEnum


class RegistrationElderOutIneligibilityReasonsItem(StrEnum):
    ASSESSMENT_EXPIRED = "ASSESSMENT_EXPIRED"
    INACTIVE = "INACTIVE"
    LEVEL = "LEVEL"
    NO_ASSESSMENT = "NO_ASSESSMENT"
    UNDER_AGE = "UNDER_AGE"

    def __str__(self) -> str:
        return str(self.value)
