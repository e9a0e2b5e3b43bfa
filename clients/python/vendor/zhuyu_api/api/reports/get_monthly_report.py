from http import HTTPStatus
from typing import Any, cast
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_monthly_report_format import GetMonthlyReportFormat
from ...models.get_monthly_report_lang_type_1 import GetMonthlyReportLangType1
from ...models.get_monthly_report_lang_type_2_type_1 import (
    GetMonthlyReportLangType2Type1,
)
from ...models.get_monthly_report_lang_type_3_type_1 import (
    GetMonthlyReportLangType3Type1,
)
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    month: None | str | Unset = UNSET,
    service_point_id: None | Unset | UUID = UNSET,
    format_: GetMonthlyReportFormat | Unset = GetMonthlyReportFormat.JSON,
    lang: GetMonthlyReportLangType1
    | GetMonthlyReportLangType2Type1
    | GetMonthlyReportLangType3Type1
    | None
    | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_month: None | str | Unset
    if isinstance(month, Unset):
        json_month = UNSET
    else:
        json_month = month
    params["month"] = json_month

    json_service_point_id: None | str | Unset
    if isinstance(service_point_id, Unset):
        json_service_point_id = UNSET
    elif isinstance(service_point_id, UUID):
        json_service_point_id = str(service_point_id)
    else:
        json_service_point_id = service_point_id
    params["service_point_id"] = json_service_point_id

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_lang: None | str | Unset
    if isinstance(lang, Unset):
        json_lang = UNSET
    elif (
        isinstance(lang, GetMonthlyReportLangType1)
        or isinstance(lang, GetMonthlyReportLangType2Type1)
        or isinstance(lang, GetMonthlyReportLangType3Type1)
    ):
        json_lang = lang.value
    else:
        json_lang = lang
    params["lang"] = json_lang

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/reports/monthly",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    month: None | str | Unset = UNSET,
    service_point_id: None | Unset | UUID = UNSET,
    format_: GetMonthlyReportFormat | Unset = GetMonthlyReportFormat.JSON,
    lang: GetMonthlyReportLangType1
    | GetMonthlyReportLangType2Type1
    | GetMonthlyReportLangType3Type1
    | None
    | Unset = UNSET,
) -> Response[Any | Problem]:
    """The monthly complaint report (月度客户投诉统计分析) of a point or the city, as JSON, CSV or XLSX.

     **Access:** staff roles `city_operator`, `cs_supervisor`, `point_admin` and `admin`; no API key.

    Args:
        month (None | str | Unset):
        service_point_id (None | Unset | UUID):
        format_ (GetMonthlyReportFormat | Unset):  Default: GetMonthlyReportFormat.JSON.
        lang (GetMonthlyReportLangType1 | GetMonthlyReportLangType2Type1 |
            GetMonthlyReportLangType3Type1 | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        month=month,
        service_point_id=service_point_id,
        format_=format_,
        lang=lang,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    month: None | str | Unset = UNSET,
    service_point_id: None | Unset | UUID = UNSET,
    format_: GetMonthlyReportFormat | Unset = GetMonthlyReportFormat.JSON,
    lang: GetMonthlyReportLangType1
    | GetMonthlyReportLangType2Type1
    | GetMonthlyReportLangType3Type1
    | None
    | Unset = UNSET,
) -> Any | Problem | None:
    """The monthly complaint report (月度客户投诉统计分析) of a point or the city, as JSON, CSV or XLSX.

     **Access:** staff roles `city_operator`, `cs_supervisor`, `point_admin` and `admin`; no API key.

    Args:
        month (None | str | Unset):
        service_point_id (None | Unset | UUID):
        format_ (GetMonthlyReportFormat | Unset):  Default: GetMonthlyReportFormat.JSON.
        lang (GetMonthlyReportLangType1 | GetMonthlyReportLangType2Type1 |
            GetMonthlyReportLangType3Type1 | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        client=client,
        month=month,
        service_point_id=service_point_id,
        format_=format_,
        lang=lang,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    month: None | str | Unset = UNSET,
    service_point_id: None | Unset | UUID = UNSET,
    format_: GetMonthlyReportFormat | Unset = GetMonthlyReportFormat.JSON,
    lang: GetMonthlyReportLangType1
    | GetMonthlyReportLangType2Type1
    | GetMonthlyReportLangType3Type1
    | None
    | Unset = UNSET,
) -> Response[Any | Problem]:
    """The monthly complaint report (月度客户投诉统计分析) of a point or the city, as JSON, CSV or XLSX.

     **Access:** staff roles `city_operator`, `cs_supervisor`, `point_admin` and `admin`; no API key.

    Args:
        month (None | str | Unset):
        service_point_id (None | Unset | UUID):
        format_ (GetMonthlyReportFormat | Unset):  Default: GetMonthlyReportFormat.JSON.
        lang (GetMonthlyReportLangType1 | GetMonthlyReportLangType2Type1 |
            GetMonthlyReportLangType3Type1 | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        month=month,
        service_point_id=service_point_id,
        format_=format_,
        lang=lang,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    month: None | str | Unset = UNSET,
    service_point_id: None | Unset | UUID = UNSET,
    format_: GetMonthlyReportFormat | Unset = GetMonthlyReportFormat.JSON,
    lang: GetMonthlyReportLangType1
    | GetMonthlyReportLangType2Type1
    | GetMonthlyReportLangType3Type1
    | None
    | Unset = UNSET,
) -> Any | Problem | None:
    """The monthly complaint report (月度客户投诉统计分析) of a point or the city, as JSON, CSV or XLSX.

     **Access:** staff roles `city_operator`, `cs_supervisor`, `point_admin` and `admin`; no API key.

    Args:
        month (None | str | Unset):
        service_point_id (None | Unset | UUID):
        format_ (GetMonthlyReportFormat | Unset):  Default: GetMonthlyReportFormat.JSON.
        lang (GetMonthlyReportLangType1 | GetMonthlyReportLangType2Type1 |
            GetMonthlyReportLangType3Type1 | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            month=month,
            service_point_id=service_point_id,
            format_=format_,
            lang=lang,
        )
    ).parsed
