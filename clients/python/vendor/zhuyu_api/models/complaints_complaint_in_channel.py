from enum import StrEnum


class ComplaintsComplaintInChannel(StrEnum):
    FAX = "fax"
    IN_PERSON = "in_person"
    LETTER = "letter"
    ONLINE_MEDIA = "online_media"
    PHONE = "phone"
    SMS = "sms"
    WEB = "web"

    def __str__(self) -> str:
        return str(self.value)
