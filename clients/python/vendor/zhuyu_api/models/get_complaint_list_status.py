from enum import StrEnum


class GetComplaintListStatus(StrEnum):
    ASSIGNED = "assigned"
    CLOSED = "closed"
    IN_PROGRESS = "in_progress"
    RECEIVED = "received"
    REOPENED = "reopened"
    REPLIED = "replied"
    RESOLVED = "resolved"

    def __str__(self) -> str:
        return str(self.value)
