from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.complaints_template_change_category_type_1 import (
    ComplaintsTemplateChangeCategoryType1,
)
from ..models.complaints_template_change_category_type_2_type_1 import (
    ComplaintsTemplateChangeCategoryType2Type1,
)
from ..models.complaints_template_change_category_type_3_type_1 import (
    ComplaintsTemplateChangeCategoryType3Type1,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="ComplaintsTemplateChange")


@_attrs_define
class ComplaintsTemplateChange:
    """
    Attributes:
        title (str | Unset):
        text (str | Unset):
        category (ComplaintsTemplateChangeCategoryType1 | ComplaintsTemplateChangeCategoryType2Type1 |
            ComplaintsTemplateChangeCategoryType3Type1 | None | Unset):
        active (bool | Unset):
    """

    title: str | Unset = UNSET
    text: str | Unset = UNSET
    category: (
        ComplaintsTemplateChangeCategoryType1
        | ComplaintsTemplateChangeCategoryType2Type1
        | ComplaintsTemplateChangeCategoryType3Type1
        | None
        | Unset
    ) = UNSET
    active: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        text = self.text

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        elif (
            isinstance(self.category, ComplaintsTemplateChangeCategoryType1)
            or isinstance(self.category, ComplaintsTemplateChangeCategoryType2Type1)
            or isinstance(self.category, ComplaintsTemplateChangeCategoryType3Type1)
        ):
            category = self.category.value
        else:
            category = self.category

        active = self.active

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if text is not UNSET:
            field_dict["text"] = text
        if category is not UNSET:
            field_dict["category"] = category
        if active is not UNSET:
            field_dict["active"] = active

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        title = d.pop("title", UNSET)

        text = d.pop("text", UNSET)

        def _parse_category(
            data: object,
        ) -> (
            ComplaintsTemplateChangeCategoryType1
            | ComplaintsTemplateChangeCategoryType2Type1
            | ComplaintsTemplateChangeCategoryType3Type1
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
                category_type_1 = ComplaintsTemplateChangeCategoryType1(data)

                return category_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                category_type_2_type_1 = ComplaintsTemplateChangeCategoryType2Type1(
                    data
                )

                return category_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                category_type_3_type_1 = ComplaintsTemplateChangeCategoryType3Type1(
                    data
                )

                return category_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                ComplaintsTemplateChangeCategoryType1
                | ComplaintsTemplateChangeCategoryType2Type1
                | ComplaintsTemplateChangeCategoryType3Type1
                | None
                | Unset,
                data,
            )

        category = _parse_category(d.pop("category", UNSET))

        active = d.pop("active", UNSET)

        complaints_template_change = cls(
            title=title,
            text=text,
            category=category,
            active=active,
        )

        return complaints_template_change
