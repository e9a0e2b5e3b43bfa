from enum import StrEnum


class GetSubsidyApplicationsCategory(StrEnum):
    AGE_90 = "age_90"
    DIBAO = "dibao"
    MODEL_WORKER = "model_worker"
    SANWU = "sanwu"
    YOUFU = "youfu"

    def __str__(self) -> str:
        return str(self.value)
