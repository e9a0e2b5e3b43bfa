from enum import StrEnum


class GetNotificationsStatus(StrEnum):
    FAILED = "failed"
    HELD = "held"
    QUEUED = "queued"
    SENT = "sent"
    SUPPRESSED = "suppressed"

    def __str__(self) -> str:
        return str(self.value)
