from enum import StrEnum


class RegistrationSubsidyInModelWorkerLevelType1(StrEnum):
    CITY = "city"
    COUNTY = "county"
    NATIONAL = "national"
    PROVINCIAL = "provincial"
    TOWN = "town"

    def __str__(self) -> str:
        return str(self.value)
