from enum import StrEnum


class VisitsIncidentInKind(StrEnum):
    FAINTING = "fainting"
    FALL = "fall"
    HYPOXIA = "hypoxia"
    OTHER = "other"
    SCALD = "scald"

    def __str__(self) -> str:
        return str(self.value)
