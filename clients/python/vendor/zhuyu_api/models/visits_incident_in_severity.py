from enum import StrEnum


class VisitsIncidentInSeverity(StrEnum):
    EMERGENCY = "emergency"
    MINOR = "minor"
    SERIOUS = "serious"

    def __str__(self) -> str:
        return str(self.value)
