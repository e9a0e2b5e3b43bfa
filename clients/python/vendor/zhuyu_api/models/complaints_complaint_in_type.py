from enum import StrEnum


class ComplaintsComplaintInType(StrEnum):
    COMPLAINT = "complaint"
    CONSULTATION = "consultation"
    PRAISE = "praise"
    SUGGESTION = "suggestion"

    def __str__(self) -> str:
        return str(self.value)
