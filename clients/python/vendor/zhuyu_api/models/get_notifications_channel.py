from enum import StrEnum


class GetNotificationsChannel(StrEnum):
    EMAIL = "email"
    INBOX = "inbox"
    SMS = "sms"
    VOICE = "voice"
    WEBHOOK = "webhook"

    def __str__(self) -> str:
        return str(self.value)
