from enum import StrEnum


class GetSubsidyApplicationsStatus(StrEnum):
    APPROVED = "approved"
    ENDED = "ended"
    REJECTED = "rejected"
    REVIEWED = "reviewed"
    SUBMITTED = "submitted"

    def __str__(self) -> str:
        return str(self.value)
