from enum import StrEnum


class VisitsScreeningInRemindersGivenItem(StrEnum):
    ANTI_FAINTING = "anti_fainting"
    ANTI_HYPOXIA = "anti_hypoxia"
    ANTI_SLIP = "anti_slip"
    CALL_FOR_HELP = "call_for_help"
    MEDICATION = "medication"
    POINT_SPECIFIC = "point_specific"

    def __str__(self) -> str:
        return str(self.value)
