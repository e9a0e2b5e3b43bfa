from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.complaints_complaint_in_category import ComplaintsComplaintInCategory
from ..models.complaints_complaint_in_channel import ComplaintsComplaintInChannel
from ..models.complaints_complaint_in_severity import ComplaintsComplaintInSeverity
from ..models.complaints_complaint_in_type import ComplaintsComplaintInType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.complaints_complainant import ComplaintsComplainant


T = TypeVar("T", bound="ComplaintsComplaintIn")


@_attrs_define
class ComplaintsComplaintIn:
    """
    Attributes:
        channel (ComplaintsComplaintInChannel):
        type_ (ComplaintsComplaintInType):
        category (ComplaintsComplaintInCategory):
        service_point_id (UUID):
        complainant (ComplaintsComplainant):
        content (str):
        elder_id (None | Unset | UUID):
        severity (ComplaintsComplaintInSeverity | Unset):  Default: ComplaintsComplaintInSeverity.NORMAL.
        attachments (list[str] | Unset):
        about_staff_id (None | Unset | UUID): The staff member complained of, if named (counted in the recurring-problem
            analysis).
    """

    channel: ComplaintsComplaintInChannel
    type_: ComplaintsComplaintInType
    category: ComplaintsComplaintInCategory
    service_point_id: UUID
    complainant: ComplaintsComplainant
    content: str
    elder_id: None | Unset | UUID = UNSET
    severity: ComplaintsComplaintInSeverity | Unset = (
        ComplaintsComplaintInSeverity.NORMAL
    )
    attachments: list[str] | Unset = UNSET
    about_staff_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        channel = self.channel.value

        type_ = self.type_.value

        category = self.category.value

        service_point_id = str(self.service_point_id)

        complainant = self.complainant.to_dict()

        content = self.content

        elder_id: None | str | Unset
        if isinstance(self.elder_id, Unset):
            elder_id = UNSET
        elif isinstance(self.elder_id, UUID):
            elder_id = str(self.elder_id)
        else:
            elder_id = self.elder_id

        severity: str | Unset = UNSET
        if not isinstance(self.severity, Unset):
            severity = self.severity.value

        attachments: list[str] | Unset = UNSET
        if not isinstance(self.attachments, Unset):
            attachments = self.attachments

        about_staff_id: None | str | Unset
        if isinstance(self.about_staff_id, Unset):
            about_staff_id = UNSET
        elif isinstance(self.about_staff_id, UUID):
            about_staff_id = str(self.about_staff_id)
        else:
            about_staff_id = self.about_staff_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "channel": channel,
                "type": type_,
                "category": category,
                "service_point_id": service_point_id,
                "complainant": complainant,
                "content": content,
            }
        )
        if elder_id is not UNSET:
            field_dict["elder_id"] = elder_id
        if severity is not UNSET:
            field_dict["severity"] = severity
        if attachments is not UNSET:
            field_dict["attachments"] = attachments
        if about_staff_id is not UNSET:
            field_dict["about_staff_id"] = about_staff_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.complaints_complainant import ComplaintsComplainant

        d = dict(src_dict)
        channel = ComplaintsComplaintInChannel(d.pop("channel"))

        type_ = ComplaintsComplaintInType(d.pop("type"))

        category = ComplaintsComplaintInCategory(d.pop("category"))

        service_point_id = UUID(d.pop("service_point_id"))

        complainant = ComplaintsComplainant.from_dict(d.pop("complainant"))

        content = d.pop("content")

        def _parse_elder_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                elder_id_type_0 = UUID(data)

                return elder_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        elder_id = _parse_elder_id(d.pop("elder_id", UNSET))

        _severity = d.pop("severity", UNSET)
        severity: ComplaintsComplaintInSeverity | Unset
        if isinstance(_severity, Unset):
            severity = UNSET
        else:
            severity = ComplaintsComplaintInSeverity(_severity)

        attachments = cast(list[str], d.pop("attachments", UNSET))

        def _parse_about_staff_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                about_staff_id_type_0 = UUID(data)

                return about_staff_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        about_staff_id = _parse_about_staff_id(d.pop("about_staff_id", UNSET))

        complaints_complaint_in = cls(
            channel=channel,
            type_=type_,
            category=category,
            service_point_id=service_point_id,
            complainant=complainant,
            content=content,
            elder_id=elder_id,
            severity=severity,
            attachments=attachments,
            about_staff_id=about_staff_id,
        )

        return complaints_complaint_in
