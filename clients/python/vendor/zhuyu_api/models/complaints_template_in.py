from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.complaints_template_in_category_type_1 import (
    ComplaintsTemplateInCategoryType1,
)
from ..models.complaints_template_in_category_type_2_type_1 import (
    ComplaintsTemplateInCategoryType2Type1,
)
from ..models.complaints_template_in_category_type_3_type_1 import (
    ComplaintsTemplateInCategoryType3Type1,
)
from ..models.complaints_template_in_language import ComplaintsTemplateInLanguage
from ..types import UNSET, Unset

T = TypeVar("T", bound="ComplaintsTemplateIn")


@_attrs_define
class ComplaintsTemplateIn:
    """
    Attributes:
        title (str):
        text (str):
        category (ComplaintsTemplateInCategoryType1 | ComplaintsTemplateInCategoryType2Type1 |
            ComplaintsTemplateInCategoryType3Type1 | None | Unset): None: offered for every category.
        language (ComplaintsTemplateInLanguage | Unset):  Default: ComplaintsTemplateInLanguage.ZH_CN.
    """

    title: str
    text: str
    category: (
        ComplaintsTemplateInCategoryType1
        | ComplaintsTemplateInCategoryType2Type1
        | ComplaintsTemplateInCategoryType3Type1
        | None
        | Unset
    ) = UNSET
    language: ComplaintsTemplateInLanguage | Unset = ComplaintsTemplateInLanguage.ZH_CN

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        text = self.text

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        elif (
            isinstance(self.category, ComplaintsTemplateInCategoryType1)
            or isinstance(self.category, ComplaintsTemplateInCategoryType2Type1)
            or isinstance(self.category, ComplaintsTemplateInCategoryType3Type1)
        ):
            category = self.category.value
        else:
            category = self.category

        language: str | Unset = UNSET
        if not isinstance(self.language, Unset):
            language = self.language.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
                "text": text,
            }
        )
        if category is not UNSET:
            field_dict["category"] = category
        if language is not UNSET:
            field_dict["language"] = language

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        title = d.pop("title")

        text = d.pop("text")

        def _parse_category(
            data: object,
        ) -> (
            ComplaintsTemplateInCategoryType1
            | ComplaintsTemplateInCategoryType2Type1
            | ComplaintsTemplateInCategoryType3Type1
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
                category_type_1 = ComplaintsTemplateInCategoryType1(data)

                return category_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                category_type_2_type_1 = ComplaintsTemplateInCategoryType2Type1(data)

                return category_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                category_type_3_type_1 = ComplaintsTemplateInCategoryType3Type1(data)

                return category_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                ComplaintsTemplateInCategoryType1
                | ComplaintsTemplateInCategoryType2Type1
                | ComplaintsTemplateInCategoryType3Type1
                | None
                | Unset,
                data,
            )

        category = _parse_category(d.pop("category", UNSET))

        _language = d.pop("language", UNSET)
        language: ComplaintsTemplateInLanguage | Unset
        if isinstance(_language, Unset):
            language = UNSET
        else:
            language = ComplaintsTemplateInLanguage(_language)

        complaints_template_in = cls(
            title=title,
            text=text,
            category=category,
            language=language,
        )

        return complaints_template_in
