from enum import StrEnum


class ComplaintsTemplateInCategoryType2Type1(StrEnum):
    ADMINISTRATIVE = "administrative"
    FEES = "fees"
    HYGIENE_FACILITY = "hygiene_facility"
    OTHER = "other"
    SAFETY = "safety"
    SERVICE_ATTITUDE = "service_attitude"
    STAFF_MISCONDUCT = "staff_misconduct"
    WAITING_TIME = "waiting_time"

    def __str__(self) -> str:
        return str(self.value)
