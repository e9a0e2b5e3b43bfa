from enum import StrEnum


class CreateApiKeyBodyScopesItem(StrEnum):
    COMPLAINTSREAD = "complaints:read"
    COMPLAINTSWRITE = "complaints:write"
    ELDERSREAD = "elders:read"
    ELDERSWRITE = "elders:write"
    NOTIFICATIONSREAD = "notifications:read"
    VISITSREAD = "visits:read"
    VISITSWRITE = "visits:write"
    WEBHOOKSWRITE = "webhooks:write"

    def __str__(self) -> str:
        return str(self.value)
