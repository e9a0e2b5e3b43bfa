from enum import StrEnum


class GetIncidentListSeverity(StrEnum):
    EMERGENCY = "emergency"
    MINOR = "minor"
    SERIOUS = "serious"

    def __str__(self) -> str:
        return str(self.value)
