from enum import StrEnum


class RegistrationCloseInReason(StrEnum):
    DECEASED = "deceased"
    LOST_CONTACT = "lost_contact"
    MOVED = "moved"
    OTHER = "other"
    WITHDREW = "withdrew"

    def __str__(self) -> str:
        return str(self.value)
