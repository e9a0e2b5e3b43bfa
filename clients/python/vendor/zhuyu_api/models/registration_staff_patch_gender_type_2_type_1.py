from enum import StrEnum


class RegistrationStaffPatchGenderType2Type1(StrEnum):
    FEMALE = "female"
    MALE = "male"

    def __str__(self) -> str:
        return str(self.value)
