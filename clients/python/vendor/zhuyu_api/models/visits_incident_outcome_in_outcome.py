from enum import StrEnum


class VisitsIncidentOutcomeInOutcome(StrEnum):
    AMBULANCE = "ambulance"
    FAMILY_TOOK_HOME = "family_took_home"
    FIRST_AID = "first_aid"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)
