from enum import StrEnum


class VisitsEndEarlyInReason(StrEnum):
    EMERGENCY_TRANSFER = "emergency_transfer"
    LEFT_BEFORE_BATH = "left_before_bath"
    OTHER = "other"
    REFUSED = "refused"
    UNWELL = "unwell"

    def __str__(self) -> str:
        return str(self.value)
