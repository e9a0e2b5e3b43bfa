from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.complaints_misconduct_page import ComplaintsMisconductPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    staff_id: None | Unset | UUID = UNSET,
    service_point_id: None | Unset | UUID = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_staff_id: None | str | Unset
    if isinstance(staff_id, Unset):
        json_staff_id = UNSET
    elif isinstance(staff_id, UUID):
        json_staff_id = str(staff_id)
    else:
        json_staff_id = staff_id
    params["staff_id"] = json_staff_id

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
        "url": "/api/v1/complaints/misconduct",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ComplaintsMisconductPage | Problem | None:
    if response.status_code == 200:
        response_200 = ComplaintsMisconductPage.from_dict(response.json())

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
) -> Response[ComplaintsMisconductPage | Problem]:
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
    staff_id: None | Unset | UUID = UNSET,
    service_point_id: None | Unset | UUID = UNSET,
) -> Response[ComplaintsMisconductPage | Problem]:
    """Verified misconduct recorded against staff members (`?staff_id=`).

     **Access:** staff roles `city_operator`, `cs_agent`, `cs_supervisor`, `point_admin` and `admin`; API
    keys with scope `complaints:read`.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        staff_id (None | Unset | UUID):
        service_point_id (None | Unset | UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ComplaintsMisconductPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        staff_id=staff_id,
        service_point_id=service_point_id,
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
    staff_id: None | Unset | UUID = UNSET,
    service_point_id: None | Unset | UUID = UNSET,
) -> ComplaintsMisconductPage | Problem | None:
    """Verified misconduct recorded against staff members (`?staff_id=`).

     **Access:** staff roles `city_operator`, `cs_agent`, `cs_supervisor`, `point_admin` and `admin`; API
    keys with scope `complaints:read`.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        staff_id (None | Unset | UUID):
        service_point_id (None | Unset | UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ComplaintsMisconductPage | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        staff_id=staff_id,
        service_point_id=service_point_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    staff_id: None | Unset | UUID = UNSET,
    service_point_id: None | Unset | UUID = UNSET,
) -> Response[ComplaintsMisconductPage | Problem]:
    """Verified misconduct recorded against staff members (`?staff_id=`).

     **Access:** staff roles `city_operator`, `cs_agent`, `cs_supervisor`, `point_admin` and `admin`; API
    keys with scope `complaints:read`.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        staff_id (None | Unset | UUID):
        service_point_id (None | Unset | UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ComplaintsMisconductPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        staff_id=staff_id,
        service_point_id=service_point_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    staff_id: None | Unset | UUID = UNSET,
    service_point_id: None | Unset | UUID = UNSET,
) -> ComplaintsMisconductPage | Problem | None:
    """Verified misconduct recorded against staff members (`?staff_id=`).

     **Access:** staff roles `city_operator`, `cs_agent`, `cs_supervisor`, `point_admin` and `admin`; API
    keys with scope `complaints:read`.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        staff_id (None | Unset | UUID):
        service_point_id (None | Unset | UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ComplaintsMisconductPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            staff_id=staff_id,
            service_point_id=service_point_id,
        )
    ).parsed
