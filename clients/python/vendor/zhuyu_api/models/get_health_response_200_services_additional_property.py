from enum import StrEnum


class GetHealthResponse200ServicesAdditionalProperty(StrEnum):
    DOWN = "down"
    OK = "ok"

    def __str__(self) -> str:
        return str(self.value)
