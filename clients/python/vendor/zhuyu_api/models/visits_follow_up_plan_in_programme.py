from enum import StrEnum


class VisitsFollowUpPlanInProgramme(StrEnum):
    CASE_MANAGEMENT = "case_management"
    HOME_VISIT = "home_visit"
    HYPERTENSION = "hypertension"

    def __str__(self) -> str:
        return str(self.value)
