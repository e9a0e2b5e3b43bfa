from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.complaints_callback_in_attitude_type_1 import (
    ComplaintsCallbackInAttitudeType1,
)
from ..models.complaints_callback_in_attitude_type_2_type_1 import (
    ComplaintsCallbackInAttitudeType2Type1,
)
from ..models.complaints_callback_in_attitude_type_3_type_1 import (
    ComplaintsCallbackInAttitudeType3Type1,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="ComplaintsCallbackIn")


@_attrs_define
class ComplaintsCallbackIn:
    """
    Attributes:
        reached (bool | Unset):  Default: True.
        satisfied (bool | None | Unset):
        solved (bool | None | Unset):
        attitude (ComplaintsCallbackInAttitudeType1 | ComplaintsCallbackInAttitudeType2Type1 |
            ComplaintsCallbackInAttitudeType3Type1 | None | Unset):
        score (int | None | Unset):
        charged (bool | None | Unset): 跟您收费了吗: whether staff asked the complainant for money.
        next_try_at (datetime.datetime | None | Unset): Not reached: the time the complainant asked to be called
            (default: after the configured wait).
        comment (str | Unset):  Default: ''.
    """

    reached: bool | Unset = True
    satisfied: bool | None | Unset = UNSET
    solved: bool | None | Unset = UNSET
    attitude: (
        ComplaintsCallbackInAttitudeType1
        | ComplaintsCallbackInAttitudeType2Type1
        | ComplaintsCallbackInAttitudeType3Type1
        | None
        | Unset
    ) = UNSET
    score: int | None | Unset = UNSET
    charged: bool | None | Unset = UNSET
    next_try_at: datetime.datetime | None | Unset = UNSET
    comment: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        reached = self.reached

        satisfied: bool | None | Unset
        if isinstance(self.satisfied, Unset):
            satisfied = UNSET
        else:
            satisfied = self.satisfied

        solved: bool | None | Unset
        if isinstance(self.solved, Unset):
            solved = UNSET
        else:
            solved = self.solved

        attitude: None | str | Unset
        if isinstance(self.attitude, Unset):
            attitude = UNSET
        elif (
            isinstance(self.attitude, ComplaintsCallbackInAttitudeType1)
            or isinstance(self.attitude, ComplaintsCallbackInAttitudeType2Type1)
            or isinstance(self.attitude, ComplaintsCallbackInAttitudeType3Type1)
        ):
            attitude = self.attitude.value
        else:
            attitude = self.attitude

        score: int | None | Unset
        if isinstance(self.score, Unset):
            score = UNSET
        else:
            score = self.score

        charged: bool | None | Unset
        if isinstance(self.charged, Unset):
            charged = UNSET
        else:
            charged = self.charged

        next_try_at: None | str | Unset
        if isinstance(self.next_try_at, Unset):
            next_try_at = UNSET
        elif isinstance(self.next_try_at, datetime.datetime):
            next_try_at = self.next_try_at.isoformat()
        else:
            next_try_at = self.next_try_at

        comment = self.comment

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if reached is not UNSET:
            field_dict["reached"] = reached
        if satisfied is not UNSET:
            field_dict["satisfied"] = satisfied
        if solved is not UNSET:
            field_dict["solved"] = solved
        if attitude is not UNSET:
            field_dict["attitude"] = attitude
        if score is not UNSET:
            field_dict["score"] = score
        if charged is not UNSET:
            field_dict["charged"] = charged
        if next_try_at is not UNSET:
            field_dict["next_try_at"] = next_try_at
        if comment is not UNSET:
            field_dict["comment"] = comment

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        reached = d.pop("reached", UNSET)

        def _parse_satisfied(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        satisfied = _parse_satisfied(d.pop("satisfied", UNSET))

        def _parse_solved(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        solved = _parse_solved(d.pop("solved", UNSET))

        def _parse_attitude(
            data: object,
        ) -> (
            ComplaintsCallbackInAttitudeType1
            | ComplaintsCallbackInAttitudeType2Type1
            | ComplaintsCallbackInAttitudeType3Type1
            | None
            | Unset
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                attitude_type_1 = ComplaintsCallbackInAttitudeType1(data)

                return attitude_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                attitude_type_2_type_1 = ComplaintsCallbackInAttitudeType2Type1(data)

                return attitude_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                attitude_type_3_type_1 = ComplaintsCallbackInAttitudeType3Type1(data)

                return attitude_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                ComplaintsCallbackInAttitudeType1
                | ComplaintsCallbackInAttitudeType2Type1
                | ComplaintsCallbackInAttitudeType3Type1
                | None
                | Unset,
                data,
            )

        attitude = _parse_attitude(d.pop("attitude", UNSET))

        def _parse_score(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        score = _parse_score(d.pop("score", UNSET))

        def _parse_charged(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        charged = _parse_charged(d.pop("charged", UNSET))

        def _parse_next_try_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_try_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_try_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        next_try_at = _parse_next_try_at(d.pop("next_try_at", UNSET))

        comment = d.pop("comment", UNSET)

        complaints_callback_in = cls(
            reached=reached,
            satisfied=satisfied,
            solved=solved,
            attitude=attitude,
            score=score,
            charged=charged,
            next_try_at=next_try_at,
            comment=comment,
        )

        return complaints_callback_in
