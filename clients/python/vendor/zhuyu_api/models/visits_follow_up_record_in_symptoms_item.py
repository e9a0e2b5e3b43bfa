from enum import StrEnum


class VisitsFollowUpRecordInSymptomsItem(StrEnum):
    ALTERED_CONSCIOUSNESS = "altered_consciousness"
    BLURRED_VISION = "blurred_vision"
    BREATHLESS_LYING_FLAT = "breathless_lying_flat"
    CHEST_TIGHTNESS = "chest_tightness"
    EYE_PAIN = "eye_pain"
    NAUSEA_AND_VOMITING = "nausea_and_vomiting"
    OTHER = "other"
    PALPITATIONS = "palpitations"
    SEVERE_HEADACHE_OR_DIZZINESS = "severe_headache_or_dizziness"

    def __str__(self) -> str:
        return str(self.value)
