from enum import StrEnum


class CreateUserBodyRole(StrEnum):
    ADMIN = "admin"
    BATHING_ASSISTANT = "bathing_assistant"
    CASE_MANAGER = "case_manager"
    CITY_OPERATOR = "city_operator"
    CS_AGENT = "cs_agent"
    CS_SUPERVISOR = "cs_supervisor"
    DOCTOR = "doctor"
    POINT_ADMIN = "point_admin"
    REST_HALL_ADMIN = "rest_hall_admin"

    def __str__(self) -> str:
        return str(self.value)
