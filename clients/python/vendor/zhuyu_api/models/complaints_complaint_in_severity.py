from enum import StrEnum


class ComplaintsComplaintInSeverity(StrEnum):
    MAJOR = "major"
    NORMAL = "normal"

    def __str__(self) -> str:
        return str(self.value)
