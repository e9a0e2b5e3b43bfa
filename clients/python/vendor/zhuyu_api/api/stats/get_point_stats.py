import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.complaints_point_stats_out import ComplaintsPointStatsOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    service_point_id: None | Unset | UUID = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_from_: None | str | Unset
    if isinstance(from_, Unset):
        json_from_ = UNSET
    elif isinstance(from_, datetime.date):
        json_from_ = from_.isoformat()
    else:
        json_from_ = from_
    params["from"] = json_from_

    json_to: None | str | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    elif isinstance(to, datetime.date):
        json_to = to.isoformat()
    else:
        json_to = to
    params["to"] = json_to

    json_service_point_id: None | str | Unset
    if isinstance(service_point_id, Unset):
        json_service_point_id = UNSET
    elif isinstance(service_point_id, UUID):
        json_service_point_id = str(service_point_id)
    else:
        json_service_point_id = service_point_id
    params["service_point_id"] = json_service_point_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/stats/points",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ComplaintsPointStatsOut | Problem | None:
    if response.status_code == 200:
        response_200 = ComplaintsPointStatsOut.from_dict(response.json())

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
) -> Response[ComplaintsPointStatsOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    service_point_id: None | Unset | UUID = UNSET,
) -> Response[ComplaintsPointStatsOut | Problem]:
    """A period's complaint figures per point (a bound caller: its own): records received, in-time handling
    and satisfaction, with the city's totals and targets.

     **Access:** staff roles `city_operator`, `cs_supervisor`, `point_admin` and `admin`; API keys with
    scope `complaints:read`.

    Args:
        from_ (datetime.date | None | Unset):
        to (datetime.date | None | Unset):
        service_point_id (None | Unset | UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ComplaintsPointStatsOut | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        service_point_id=service_point_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    service_point_id: None | Unset | UUID = UNSET,
) -> ComplaintsPointStatsOut | Problem | None:
    """A period's complaint figures per point (a bound caller: its own): records received, in-time handling
    and satisfaction, with the city's totals and targets.

     **Access:** staff roles `city_operator`, `cs_supervisor`, `point_admin` and `admin`; API keys with
    scope `complaints:read`.

    Args:
        from_ (datetime.date | None | Unset):
        to (datetime.date | None | Unset):
        service_point_id (None | Unset | UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ComplaintsPointStatsOut | Problem
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
        service_point_id=service_point_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    service_point_id: None | Unset | UUID = UNSET,
) -> Response[ComplaintsPointStatsOut | Problem]:
    """A period's complaint figures per point (a bound caller: its own): records received, in-time handling
    and satisfaction, with the city's totals and targets.

     **Access:** staff roles `city_operator`, `cs_supervisor`, `point_admin` and `admin`; API keys with
    scope `complaints:read`.

    Args:
        from_ (datetime.date | None | Unset):
        to (datetime.date | None | Unset):
        service_point_id (None | Unset | UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ComplaintsPointStatsOut | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        service_point_id=service_point_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    service_point_id: None | Unset | UUID = UNSET,
) -> ComplaintsPointStatsOut | Problem | None:
    """A period's complaint figures per point (a bound caller: its own): records received, in-time handling
    and satisfaction, with the city's totals and targets.

     **Access:** staff roles `city_operator`, `cs_supervisor`, `point_admin` and `admin`; API keys with
    scope `complaints:read`.

    Args:
        from_ (datetime.date | None | Unset):
        to (datetime.date | None | Unset):
        service_point_id (None | Unset | UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ComplaintsPointStatsOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
            service_point_id=service_point_id,
        )
    ).parsed
