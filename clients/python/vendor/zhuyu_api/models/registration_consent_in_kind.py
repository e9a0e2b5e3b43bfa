from enum import StrEnum


class RegistrationConsentInKind(StrEnum):
    HEALTH_DATA = "health_data"
    SMS = "sms"
    THIRD_PARTY_SHARING = "third_party_sharing"

    def __str__(self) -> str:
        return str(self.value)
