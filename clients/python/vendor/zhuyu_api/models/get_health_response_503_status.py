from enum import StrEnum


class GetHealthResponse503Status(StrEnum):
    DOWN = "down"
    OK = "ok"

    def __str__(self) -> str:
        return str(self.value)
