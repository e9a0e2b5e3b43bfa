import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_visit_list_status import GetVisitListStatus
from ...models.problem import Problem
from ...models.visits_visit_page import VisitsVisitPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    service_point_id: UUID | Unset = UNSET,
    date: datetime.date | Unset = UNSET,
    status: GetVisitListStatus | Unset = UNSET,
    elder_id: UUID | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_service_point_id: str | Unset = UNSET
    if not isinstance(service_point_id, Unset):
        json_service_point_id = str(service_point_id)
    params["service_point_id"] = json_service_point_id

    json_date: str | Unset = UNSET
    if not isinstance(date, Unset):
        json_date = date.isoformat()
    params["date"] = json_date

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_elder_id: str | Unset = UNSET
    if not isinstance(elder_id, Unset):
        json_elder_id = str(elder_id)
    params["elder_id"] = json_elder_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/visits",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | VisitsVisitPage | None:
    if response.status_code == 200:
        response_200 = VisitsVisitPage.from_dict(response.json())

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
) -> Response[Problem | VisitsVisitPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    service_point_id: UUID | Unset = UNSET,
    date: datetime.date | Unset = UNSET,
    status: GetVisitListStatus | Unset = UNSET,
    elder_id: UUID | Unset = UNSET,
) -> Response[Problem | VisitsVisitPage]:
    """The visits, a page at a time, filtered by point, elder, day or status.

     **Access:** staff roles `bathing_assistant`, `city_operator`, `cs_supervisor`, `point_admin`,
    `rest_hall_admin` and `admin`; API keys with scope `visits:read`.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        service_point_id (UUID | Unset):
        date (datetime.date | Unset):
        status (GetVisitListStatus | Unset):
        elder_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VisitsVisitPage]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        service_point_id=service_point_id,
        date=date,
        status=status,
        elder_id=elder_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    service_point_id: UUID | Unset = UNSET,
    date: datetime.date | Unset = UNSET,
    status: GetVisitListStatus | Unset = UNSET,
    elder_id: UUID | Unset = UNSET,
) -> Problem | VisitsVisitPage | None:
    """The visits, a page at a time, filtered by point, elder, day or status.

     **Access:** staff roles `bathing_assistant`, `city_operator`, `cs_supervisor`, `point_admin`,
    `rest_hall_admin` and `admin`; API keys with scope `visits:read`.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        service_point_id (UUID | Unset):
        date (datetime.date | Unset):
        status (GetVisitListStatus | Unset):
        elder_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VisitsVisitPage
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        service_point_id=service_point_id,
        date=date,
        status=status,
        elder_id=elder_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    service_point_id: UUID | Unset = UNSET,
    date: datetime.date | Unset = UNSET,
    status: GetVisitListStatus | Unset = UNSET,
    elder_id: UUID | Unset = UNSET,
) -> Response[Problem | VisitsVisitPage]:
    """The visits, a page at a time, filtered by point, elder, day or status.

     **Access:** staff roles `bathing_assistant`, `city_operator`, `cs_supervisor`, `point_admin`,
    `rest_hall_admin` and `admin`; API keys with scope `visits:read`.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        service_point_id (UUID | Unset):
        date (datetime.date | Unset):
        status (GetVisitListStatus | Unset):
        elder_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VisitsVisitPage]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        service_point_id=service_point_id,
        date=date,
        status=status,
        elder_id=elder_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    service_point_id: UUID | Unset = UNSET,
    date: datetime.date | Unset = UNSET,
    status: GetVisitListStatus | Unset = UNSET,
    elder_id: UUID | Unset = UNSET,
) -> Problem | VisitsVisitPage | None:
    """The visits, a page at a time, filtered by point, elder, day or status.

     **Access:** staff roles `bathing_assistant`, `city_operator`, `cs_supervisor`, `point_admin`,
    `rest_hall_admin` and `admin`; API keys with scope `visits:read`.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        service_point_id (UUID | Unset):
        date (datetime.date | Unset):
        status (GetVisitListStatus | Unset):
        elder_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VisitsVisitPage
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            service_point_id=service_point_id,
            date=date,
            status=status,
            elder_id=elder_id,
        )
    ).parsed
