from http import HTTPStatus
from typing import Any, cast
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_settlement_format import GetSettlementFormat
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    month: None | str | Unset = UNSET,
    service_point_id: None | Unset | UUID = UNSET,
    format_: GetSettlementFormat | Unset = GetSettlementFormat.JSON,
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

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/reports/settlement",
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
    format_: GetSettlementFormat | Unset = GetSettlementFormat.JSON,
) -> Response[Any | Problem]:
    """The monthly settlement of government-purchased baths: per point and in total, the billed visits
    (checked out in the month, local time; ended early is not billed) by funding and subsidy category,
    and the amounts at the prices in force on each day, as JSON, CSV or XLSX.

     **Access:** staff roles `city_operator`, `point_admin` and `admin`; API keys with scope
    `visits:read`.

    Args:
        month (None | str | Unset):
        service_point_id (None | Unset | UUID):
        format_ (GetSettlementFormat | Unset):  Default: GetSettlementFormat.JSON.

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
    format_: GetSettlementFormat | Unset = GetSettlementFormat.JSON,
) -> Any | Problem | None:
    """The monthly settlement of government-purchased baths: per point and in total, the billed visits
    (checked out in the month, local time; ended early is not billed) by funding and subsidy category,
    and the amounts at the prices in force on each day, as JSON, CSV or XLSX.

     **Access:** staff roles `city_operator`, `point_admin` and `admin`; API keys with scope
    `visits:read`.

    Args:
        month (None | str | Unset):
        service_point_id (None | Unset | UUID):
        format_ (GetSettlementFormat | Unset):  Default: GetSettlementFormat.JSON.

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
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    month: None | str | Unset = UNSET,
    service_point_id: None | Unset | UUID = UNSET,
    format_: GetSettlementFormat | Unset = GetSettlementFormat.JSON,
) -> Response[Any | Problem]:
    """The monthly settlement of government-purchased baths: per point and in total, the billed visits
    (checked out in the month, local time; ended early is not billed) by funding and subsidy category,
    and the amounts at the prices in force on each day, as JSON, CSV or XLSX.

     **Access:** staff roles `city_operator`, `point_admin` and `admin`; API keys with scope
    `visits:read`.

    Args:
        month (None | str | Unset):
        service_point_id (None | Unset | UUID):
        format_ (GetSettlementFormat | Unset):  Default: GetSettlementFormat.JSON.

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
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    month: None | str | Unset = UNSET,
    service_point_id: None | Unset | UUID = UNSET,
    format_: GetSettlementFormat | Unset = GetSettlementFormat.JSON,
) -> Any | Problem | None:
    """The monthly settlement of government-purchased baths: per point and in total, the billed visits
    (checked out in the month, local time; ended early is not billed) by funding and subsidy category,
    and the amounts at the prices in force on each day, as JSON, CSV or XLSX.

     **Access:** staff roles `city_operator`, `point_admin` and `admin`; API keys with scope
    `visits:read`.

    Args:
        month (None | str | Unset):
        service_point_id (None | Unset | UUID):
        format_ (GetSettlementFormat | Unset):  Default: GetSettlementFormat.JSON.

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
        )
    ).parsed
