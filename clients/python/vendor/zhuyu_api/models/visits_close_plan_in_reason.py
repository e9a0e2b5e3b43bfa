from enum import StrEnum


class VisitsClosePlanInReason(StrEnum):
    DECEASED = "deceased"
    GOALS_MET = "goals_met"
    LOST_CONTACT = "lost_contact"
    MOVED = "moved"
    OTHER = "other"
    REFUSED = "refused"

    def __str__(self) -> str:
        return str(self.value)
