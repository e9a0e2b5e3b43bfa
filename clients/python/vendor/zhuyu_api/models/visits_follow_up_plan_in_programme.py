from enum import StrEnum


class VisitsFollowUpPlanInProgramme(StrEnum):
    BP_SCREENING = "bp_screening"
    CASE_MANAGEMENT = "case_management"
    HEALTH_CHECK = "health_check"
    HIGH_RISK = "high_risk"
    HOME_VISIT = "home_visit"
    HYPERTENSION = "hypertension"

    def __str__(self) -> str:
        return str(self.value)
