from enum import StrEnum


class NotifyPreferencesInChannelsItem(StrEnum):
    EMAIL = "email"
    INBOX = "inbox"
    SMS = "sms"
    VOICE = "voice"
    WEBHOOK = "webhook"

    def __str__(self) -> str:
        return str(self.value)
