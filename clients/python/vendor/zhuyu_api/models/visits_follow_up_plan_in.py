from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.visits_follow_up_plan_in_programme import VisitsFollowUpPlanInProgramme
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.problem import Problem
    from ..models.visits_follow_up_plan_in_first_reading_type_1_type_0 import (
        VisitsFollowUpPlanInFirstReadingType1Type0,
    )
    from ..models.visits_follow_up_plan_in_service_agreement_type_1_type_0 import (
        VisitsFollowUpPlanInServiceAgreementType1Type0,
    )
    from ..models.visits_reading import VisitsReading
    from ..models.visits_service_agreement import VisitsServiceAgreement


T = TypeVar("T", bound="VisitsFollowUpPlanIn")


@_attrs_define
class VisitsFollowUpPlanIn:
    """
    Attributes:
        elder_id (UUID):
        programme (VisitsFollowUpPlanInProgramme): bp_screening: rechecks after a first high reading, three high days a
            diagnosis (the plan becomes hypertension); high_risk: blood pressure every 6 months; health_check: the yearly
            check of residents 65+.
        staff_id (UUID):
        care_plan (list[Problem] | None | Unset):
        first_reading (None | Unset | VisitsFollowUpPlanInFirstReadingType1Type0 | VisitsReading): bp_screening: the
            first high reading, counted among the three days.
        discharged_on (datetime.date | None | Unset): A patient just discharged from hospital: the first follow-up comes
            within the deployment's days of it.
        service_agreement (None | Unset | VisitsFollowUpPlanInServiceAgreementType1Type0 | VisitsServiceAgreement): Case
            management: the service agreement signed at intake.
        referral_source (None | str | Unset): Case management: where the case came from (接案或转入). Example: 社区转介.
    """

    elder_id: UUID
    programme: VisitsFollowUpPlanInProgramme
    staff_id: UUID
    care_plan: list[Problem] | None | Unset = UNSET
    first_reading: (
        None | Unset | VisitsFollowUpPlanInFirstReadingType1Type0 | VisitsReading
    ) = UNSET
    discharged_on: datetime.date | None | Unset = UNSET
    service_agreement: (
        None
        | Unset
        | VisitsFollowUpPlanInServiceAgreementType1Type0
        | VisitsServiceAgreement
    ) = UNSET
    referral_source: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.visits_follow_up_plan_in_first_reading_type_1_type_0 import (
            VisitsFollowUpPlanInFirstReadingType1Type0,
        )
        from ..models.visits_follow_up_plan_in_service_agreement_type_1_type_0 import (
            VisitsFollowUpPlanInServiceAgreementType1Type0,
        )
        from ..models.visits_reading import VisitsReading
        from ..models.visits_service_agreement import VisitsServiceAgreement

        elder_id = str(self.elder_id)

        programme = self.programme.value

        staff_id = str(self.staff_id)

        care_plan: list[dict[str, Any]] | None | Unset
        if isinstance(self.care_plan, Unset):
            care_plan = UNSET
        elif isinstance(self.care_plan, list):
            care_plan = []
            for care_plan_type_0_item_data in self.care_plan:
                care_plan_type_0_item = care_plan_type_0_item_data.to_dict()
                care_plan.append(care_plan_type_0_item)

        else:
            care_plan = self.care_plan

        first_reading: dict[str, Any] | None | Unset
        if isinstance(self.first_reading, Unset):
            first_reading = UNSET
        elif isinstance(self.first_reading, VisitsReading) or isinstance(
            self.first_reading, VisitsFollowUpPlanInFirstReadingType1Type0
        ):
            first_reading = self.first_reading.to_dict()
        else:
            first_reading = self.first_reading

        discharged_on: None | str | Unset
        if isinstance(self.discharged_on, Unset):
            discharged_on = UNSET
        elif isinstance(self.discharged_on, datetime.date):
            discharged_on = self.discharged_on.isoformat()
        else:
            discharged_on = self.discharged_on

        service_agreement: dict[str, Any] | None | Unset
        if isinstance(self.service_agreement, Unset):
            service_agreement = UNSET
        elif isinstance(self.service_agreement, VisitsServiceAgreement) or isinstance(
            self.service_agreement, VisitsFollowUpPlanInServiceAgreementType1Type0
        ):
            service_agreement = self.service_agreement.to_dict()
        else:
            service_agreement = self.service_agreement

        referral_source: None | str | Unset
        if isinstance(self.referral_source, Unset):
            referral_source = UNSET
        else:
            referral_source = self.referral_source

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "elder_id": elder_id,
                "programme": programme,
                "staff_id": staff_id,
            }
        )
        if care_plan is not UNSET:
            field_dict["care_plan"] = care_plan
        if first_reading is not UNSET:
            field_dict["first_reading"] = first_reading
        if discharged_on is not UNSET:
            field_dict["discharged_on"] = discharged_on
        if service_agreement is not UNSET:
            field_dict["service_agreement"] = service_agreement
        if referral_source is not UNSET:
            field_dict["referral_source"] = referral_source

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.problem import Problem
        from ..models.visits_follow_up_plan_in_first_reading_type_1_type_0 import (
            VisitsFollowUpPlanInFirstReadingType1Type0,
        )
        from ..models.visits_follow_up_plan_in_service_agreement_type_1_type_0 import (
            VisitsFollowUpPlanInServiceAgreementType1Type0,
        )
        from ..models.visits_reading import VisitsReading
        from ..models.visits_service_agreement import VisitsServiceAgreement

        d = dict(src_dict)
        elder_id = UUID(d.pop("elder_id"))

        programme = VisitsFollowUpPlanInProgramme(d.pop("programme"))

        staff_id = UUID(d.pop("staff_id"))

        def _parse_care_plan(data: object) -> list[Problem] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                care_plan_type_0 = []
                _care_plan_type_0 = data
                for care_plan_type_0_item_data in _care_plan_type_0:
                    care_plan_type_0_item = Problem.from_dict(
                        care_plan_type_0_item_data
                    )

                    care_plan_type_0.append(care_plan_type_0_item)

                return care_plan_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Problem] | None | Unset, data)

        care_plan = _parse_care_plan(d.pop("care_plan", UNSET))

        def _parse_first_reading(
            data: object,
        ) -> None | Unset | VisitsFollowUpPlanInFirstReadingType1Type0 | VisitsReading:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                first_reading_type_0 = VisitsReading.from_dict(data)

                return first_reading_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                first_reading_type_1_type_0 = (
                    VisitsFollowUpPlanInFirstReadingType1Type0.from_dict(data)
                )

                return first_reading_type_1_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                None
                | Unset
                | VisitsFollowUpPlanInFirstReadingType1Type0
                | VisitsReading,
                data,
            )

        first_reading = _parse_first_reading(d.pop("first_reading", UNSET))

        def _parse_discharged_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                discharged_on_type_0 = datetime.date.fromisoformat(data)

                return discharged_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        discharged_on = _parse_discharged_on(d.pop("discharged_on", UNSET))

        def _parse_service_agreement(
            data: object,
        ) -> (
            None
            | Unset
            | VisitsFollowUpPlanInServiceAgreementType1Type0
            | VisitsServiceAgreement
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                service_agreement_type_0 = VisitsServiceAgreement.from_dict(data)

                return service_agreement_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                service_agreement_type_1_type_0 = (
                    VisitsFollowUpPlanInServiceAgreementType1Type0.from_dict(data)
                )

                return service_agreement_type_1_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                None
                | Unset
                | VisitsFollowUpPlanInServiceAgreementType1Type0
                | VisitsServiceAgreement,
                data,
            )

        service_agreement = _parse_service_agreement(d.pop("service_agreement", UNSET))

        def _parse_referral_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        referral_source = _parse_referral_source(d.pop("referral_source", UNSET))

        visits_follow_up_plan_in = cls(
            elder_id=elder_id,
            programme=programme,
            staff_id=staff_id,
            care_plan=care_plan,
            first_reading=first_reading,
            discharged_on=discharged_on,
            service_agreement=service_agreement,
            referral_source=referral_source,
        )

        return visits_follow_up_plan_in
