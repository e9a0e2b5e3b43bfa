from enum import StrEnum


class RegistrationStaffInGenderType1(StrEnum):
    FEMALE = "female"
    MALE = "male"

    def __str__(self) -> str:
        return str(self.value)
