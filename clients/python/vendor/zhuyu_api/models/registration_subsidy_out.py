from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.registration_subsidy_out_steps_item import (
        RegistrationSubsidyOutStepsItem,
    )


T = TypeVar("T", bound="RegistrationSubsidyOut")


@_attrs_define
class RegistrationSubsidyOut:
    """
    Attributes:
        id (str | Unset):
        elder_id (str | Unset):
        elder_name (str | Unset):
        elder_age (int | Unset):
        service_point_id (None | str | Unset):
        category (str | Unset):
        urban (bool | Unset):
        household_registered_locally (bool | None | Unset):
        resides_locally (bool | None | Unset):
        evidence_reference (None | str | Unset):
        model_worker_level (None | str | Unset):
        eligible (bool | Unset):
        basis (None | str | Unset):
        problems (list[str] | Unset): Codes of the conditions not met.
        reasons (list[str] | Unset):
        status (str | Unset):
        stage (str | Unset): The status (the name it had first).
        status_since (datetime.datetime | None | Unset):
        steps (list[RegistrationSubsidyOutStepsItem] | Unset):
        decided_at (datetime.datetime | None | Unset):
        valid_from (datetime.date | None | Unset):
        valid_until (datetime.date | None | Unset):
        in_force (bool | Unset):
        recheck_due (bool | Unset):
        ended_at (datetime.datetime | None | Unset):
        end_reason (None | str | Unset):
        created_at (datetime.datetime | Unset):
        updated_at (datetime.datetime | Unset):
    """

    id: str | Unset = UNSET
    elder_id: str | Unset = UNSET
    elder_name: str | Unset = UNSET
    elder_age: int | Unset = UNSET
    service_point_id: None | str | Unset = UNSET
    category: str | Unset = UNSET
    urban: bool | Unset = UNSET
    household_registered_locally: bool | None | Unset = UNSET
    resides_locally: bool | None | Unset = UNSET
    evidence_reference: None | str | Unset = UNSET
    model_worker_level: None | str | Unset = UNSET
    eligible: bool | Unset = UNSET
    basis: None | str | Unset = UNSET
    problems: list[str] | Unset = UNSET
    reasons: list[str] | Unset = UNSET
    status: str | Unset = UNSET
    stage: str | Unset = UNSET
    status_since: datetime.datetime | None | Unset = UNSET
    steps: list[RegistrationSubsidyOutStepsItem] | Unset = UNSET
    decided_at: datetime.datetime | None | Unset = UNSET
    valid_from: datetime.date | None | Unset = UNSET
    valid_until: datetime.date | None | Unset = UNSET
    in_force: bool | Unset = UNSET
    recheck_due: bool | Unset = UNSET
    ended_at: datetime.datetime | None | Unset = UNSET
    end_reason: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        elder_id = self.elder_id

        elder_name = self.elder_name

        elder_age = self.elder_age

        service_point_id: None | str | Unset
        if isinstance(self.service_point_id, Unset):
            service_point_id = UNSET
        else:
            service_point_id = self.service_point_id

        category = self.category

        urban = self.urban

        household_registered_locally: bool | None | Unset
        if isinstance(self.household_registered_locally, Unset):
            household_registered_locally = UNSET
        else:
            household_registered_locally = self.household_registered_locally

        resides_locally: bool | None | Unset
        if isinstance(self.resides_locally, Unset):
            resides_locally = UNSET
        else:
            resides_locally = self.resides_locally

        evidence_reference: None | str | Unset
        if isinstance(self.evidence_reference, Unset):
            evidence_reference = UNSET
        else:
            evidence_reference = self.evidence_reference

        model_worker_level: None | str | Unset
        if isinstance(self.model_worker_level, Unset):
            model_worker_level = UNSET
        else:
            model_worker_level = self.model_worker_level

        eligible = self.eligible

        basis: None | str | Unset
        if isinstance(self.basis, Unset):
            basis = UNSET
        else:
            basis = self.basis

        problems: list[str] | Unset = UNSET
        if not isinstance(self.problems, Unset):
            problems = self.problems

        reasons: list[str] | Unset = UNSET
        if not isinstance(self.reasons, Unset):
            reasons = self.reasons

        status = self.status

        stage = self.stage

        status_since: None | str | Unset
        if isinstance(self.status_since, Unset):
            status_since = UNSET
        elif isinstance(self.status_since, datetime.datetime):
            status_since = self.status_since.isoformat()
        else:
            status_since = self.status_since

        steps: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.steps, Unset):
            steps = []
            for steps_item_data in self.steps:
                steps_item = steps_item_data.to_dict()
                steps.append(steps_item)

        decided_at: None | str | Unset
        if isinstance(self.decided_at, Unset):
            decided_at = UNSET
        elif isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        valid_from: None | str | Unset
        if isinstance(self.valid_from, Unset):
            valid_from = UNSET
        elif isinstance(self.valid_from, datetime.date):
            valid_from = self.valid_from.isoformat()
        else:
            valid_from = self.valid_from

        valid_until: None | str | Unset
        if isinstance(self.valid_until, Unset):
            valid_until = UNSET
        elif isinstance(self.valid_until, datetime.date):
            valid_until = self.valid_until.isoformat()
        else:
            valid_until = self.valid_until

        in_force = self.in_force

        recheck_due = self.recheck_due

        ended_at: None | str | Unset
        if isinstance(self.ended_at, Unset):
            ended_at = UNSET
        elif isinstance(self.ended_at, datetime.datetime):
            ended_at = self.ended_at.isoformat()
        else:
            ended_at = self.ended_at

        end_reason: None | str | Unset
        if isinstance(self.end_reason, Unset):
            end_reason = UNSET
        else:
            end_reason = self.end_reason

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if elder_id is not UNSET:
            field_dict["elder_id"] = elder_id
        if elder_name is not UNSET:
            field_dict["elder_name"] = elder_name
        if elder_age is not UNSET:
            field_dict["elder_age"] = elder_age
        if service_point_id is not UNSET:
            field_dict["service_point_id"] = service_point_id
        if category is not UNSET:
            field_dict["category"] = category
        if urban is not UNSET:
            field_dict["urban"] = urban
        if household_registered_locally is not UNSET:
            field_dict["household_registered_locally"] = household_registered_locally
        if resides_locally is not UNSET:
            field_dict["resides_locally"] = resides_locally
        if evidence_reference is not UNSET:
            field_dict["evidence_reference"] = evidence_reference
        if model_worker_level is not UNSET:
            field_dict["model_worker_level"] = model_worker_level
        if eligible is not UNSET:
            field_dict["eligible"] = eligible
        if basis is not UNSET:
            field_dict["basis"] = basis
        if problems is not UNSET:
            field_dict["problems"] = problems
        if reasons is not UNSET:
            field_dict["reasons"] = reasons
        if status is not UNSET:
            field_dict["status"] = status
        if stage is not UNSET:
            field_dict["stage"] = stage
        if status_since is not UNSET:
            field_dict["status_since"] = status_since
        if steps is not UNSET:
            field_dict["steps"] = steps
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at
        if valid_from is not UNSET:
            field_dict["valid_from"] = valid_from
        if valid_until is not UNSET:
            field_dict["valid_until"] = valid_until
        if in_force is not UNSET:
            field_dict["in_force"] = in_force
        if recheck_due is not UNSET:
            field_dict["recheck_due"] = recheck_due
        if ended_at is not UNSET:
            field_dict["ended_at"] = ended_at
        if end_reason is not UNSET:
            field_dict["end_reason"] = end_reason
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.registration_subsidy_out_steps_item import (
            RegistrationSubsidyOutStepsItem,
        )

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        elder_id = d.pop("elder_id", UNSET)

        elder_name = d.pop("elder_name", UNSET)

        elder_age = d.pop("elder_age", UNSET)

        def _parse_service_point_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        service_point_id = _parse_service_point_id(d.pop("service_point_id", UNSET))

        category = d.pop("category", UNSET)

        urban = d.pop("urban", UNSET)

        def _parse_household_registered_locally(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        household_registered_locally = _parse_household_registered_locally(
            d.pop("household_registered_locally", UNSET)
        )

        def _parse_resides_locally(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        resides_locally = _parse_resides_locally(d.pop("resides_locally", UNSET))

        def _parse_evidence_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        evidence_reference = _parse_evidence_reference(
            d.pop("evidence_reference", UNSET)
        )

        def _parse_model_worker_level(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        model_worker_level = _parse_model_worker_level(
            d.pop("model_worker_level", UNSET)
        )

        eligible = d.pop("eligible", UNSET)

        def _parse_basis(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        basis = _parse_basis(d.pop("basis", UNSET))

        problems = cast(list[str], d.pop("problems", UNSET))

        reasons = cast(list[str], d.pop("reasons", UNSET))

        status = d.pop("status", UNSET)

        stage = d.pop("stage", UNSET)

        def _parse_status_since(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_since_type_0 = datetime.datetime.fromisoformat(data)

                return status_since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        status_since = _parse_status_since(d.pop("status_since", UNSET))

        _steps = d.pop("steps", UNSET)
        steps: list[RegistrationSubsidyOutStepsItem] | Unset = UNSET
        if _steps is not UNSET:
            steps = []
            for steps_item_data in _steps:
                steps_item = RegistrationSubsidyOutStepsItem.from_dict(steps_item_data)

                steps.append(steps_item)

        def _parse_decided_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        decided_at = _parse_decided_at(d.pop("decided_at", UNSET))

        def _parse_valid_from(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_from_type_0 = datetime.date.fromisoformat(data)

                return valid_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        valid_from = _parse_valid_from(d.pop("valid_from", UNSET))

        def _parse_valid_until(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_until_type_0 = datetime.date.fromisoformat(data)

                return valid_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        valid_until = _parse_valid_until(d.pop("valid_until", UNSET))

        in_force = d.pop("in_force", UNSET)

        recheck_due = d.pop("recheck_due", UNSET)

        def _parse_ended_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_at_type_0 = datetime.datetime.fromisoformat(data)

                return ended_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        ended_at = _parse_ended_at(d.pop("ended_at", UNSET))

        def _parse_end_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        end_reason = _parse_end_reason(d.pop("end_reason", UNSET))

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        registration_subsidy_out = cls(
            id=id,
            elder_id=elder_id,
            elder_name=elder_name,
            elder_age=elder_age,
            service_point_id=service_point_id,
            category=category,
            urban=urban,
            household_registered_locally=household_registered_locally,
            resides_locally=resides_locally,
            evidence_reference=evidence_reference,
            model_worker_level=model_worker_level,
            eligible=eligible,
            basis=basis,
            problems=problems,
            reasons=reasons,
            status=status,
            stage=stage,
            status_since=status_since,
            steps=steps,
            decided_at=decided_at,
            valid_from=valid_from,
            valid_until=valid_until,
            in_force=in_force,
            recheck_due=recheck_due,
            ended_at=ended_at,
            end_reason=end_reason,
            created_at=created_at,
            updated_at=updated_at,
        )

        return registration_subsidy_out
