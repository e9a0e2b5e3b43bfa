from enum import StrEnum


class ComplaintsSurveyInSubjectType(StrEnum):
    COMPLAINT = "complaint"
    VISIT = "visit"

    def __str__(self) -> str:
        return str(self.value)
