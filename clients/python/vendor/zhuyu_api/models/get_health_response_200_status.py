from enum import StrEnum


class GetHealthResponse200Status(StrEnum):
    DOWN = "down"
    OK = "ok"

    def __str__(self) -> str:
        return str(self.value)
