from enum import StrEnum


class ComplaintsCallbackInAttitudeType1(StrEnum):
    DISSATISFIED = "dissatisfied"
    NEUTRAL = "neutral"
    SATISFIED = "satisfied"

    def __str__(self) -> str:
        return str(self.value)
