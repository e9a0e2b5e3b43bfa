from enum import StrEnum


class GetVisitListStatus(StrEnum):
    BATHING = "bathing"
    CHECKED_IN = "checked_in"
    CHECKED_OUT = "checked_out"
    ENDED_EARLY = "ended_early"
    REFUSED = "refused"
    RESTING = "resting"
    SCREENED = "screened"

    def __str__(self) -> str:
        return str(self.value)
