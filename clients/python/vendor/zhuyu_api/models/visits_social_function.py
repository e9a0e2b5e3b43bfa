from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.visits_social_function_housework import VisitsSocialFunctionHousework
from ..models.visits_social_function_learning import VisitsSocialFunctionLearning
from ..models.visits_social_function_self_care import VisitsSocialFunctionSelfCare
from ..models.visits_social_function_social_contact import (
    VisitsSocialFunctionSocialContact,
)
from ..models.visits_social_function_work import VisitsSocialFunctionWork
from ..types import UNSET, Unset

T = TypeVar("T", bound="VisitsSocialFunction")


@_attrs_define
class VisitsSocialFunction:
    """
    Attributes:
        self_care (VisitsSocialFunctionSelfCare | Unset):
        housework (VisitsSocialFunctionHousework | Unset):
        work (VisitsSocialFunctionWork | Unset):
        learning (VisitsSocialFunctionLearning | Unset):
        social_contact (VisitsSocialFunctionSocialContact | Unset):
    """

    self_care: VisitsSocialFunctionSelfCare | Unset = UNSET
    housework: VisitsSocialFunctionHousework | Unset = UNSET
    work: VisitsSocialFunctionWork | Unset = UNSET
    learning: VisitsSocialFunctionLearning | Unset = UNSET
    social_contact: VisitsSocialFunctionSocialContact | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        self_care: str | Unset = UNSET
        if not isinstance(self.self_care, Unset):
            self_care = self.self_care.value

        housework: str | Unset = UNSET
        if not isinstance(self.housework, Unset):
            housework = self.housework.value

        work: str | Unset = UNSET
        if not isinstance(self.work, Unset):
            work = self.work.value

        learning: str | Unset = UNSET
        if not isinstance(self.learning, Unset):
            learning = self.learning.value

        social_contact: str | Unset = UNSET
        if not isinstance(self.social_contact, Unset):
            social_contact = self.social_contact.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if self_care is not UNSET:
            field_dict["self_care"] = self_care
        if housework is not UNSET:
            field_dict["housework"] = housework
        if work is not UNSET:
            field_dict["work"] = work
        if learning is not UNSET:
            field_dict["learning"] = learning
        if social_contact is not UNSET:
            field_dict["social_contact"] = social_contact

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _self_care = d.pop("self_care", UNSET)
        self_care: VisitsSocialFunctionSelfCare | Unset
        if isinstance(_self_care, Unset):
            self_care = UNSET
        else:
            self_care = VisitsSocialFunctionSelfCare(_self_care)

        _housework = d.pop("housework", UNSET)
        housework: VisitsSocialFunctionHousework | Unset
        if isinstance(_housework, Unset):
            housework = UNSET
        else:
            housework = VisitsSocialFunctionHousework(_housework)

        _work = d.pop("work", UNSET)
        work: VisitsSocialFunctionWork | Unset
        if isinstance(_work, Unset):
            work = UNSET
        else:
            work = VisitsSocialFunctionWork(_work)

        _learning = d.pop("learning", UNSET)
        learning: VisitsSocialFunctionLearning | Unset
        if isinstance(_learning, Unset):
            learning = UNSET
        else:
            learning = VisitsSocialFunctionLearning(_learning)

        _social_contact = d.pop("social_contact", UNSET)
        social_contact: VisitsSocialFunctionSocialContact | Unset
        if isinstance(_social_contact, Unset):
            social_contact = UNSET
        else:
            social_contact = VisitsSocialFunctionSocialContact(_social_contact)

        visits_social_function = cls(
            self_care=self_care,
            housework=housework,
            work=work,
            learning=learning,
            social_contact=social_contact,
        )

        return visits_social_function
