from enum import StrEnum


class VisitsPriceInFunding(StrEnum):
    GOVERNMENT = "government"
    SELF_PAY = "self_pay"

    def __str__(self) -> str:
        return str(self.value)
