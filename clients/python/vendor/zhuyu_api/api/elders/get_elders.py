from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.registration_elder_page import RegistrationElderPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    citizen_card_no: str | Unset = UNSET,
    service_point_id: UUID | Unset = UNSET,
    q: str | Unset = UNSET,
    id_number: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["citizen_card_no"] = citizen_card_no

    json_service_point_id: str | Unset = UNSET
    if not isinstance(service_point_id, Unset):
        json_service_point_id = str(service_point_id)
    params["service_point_id"] = json_service_point_id

    params["q"] = q

    params["id_number"] = id_number

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/elders",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RegistrationElderPage | None:
    if response.status_code == 200:
        response_200 = RegistrationElderPage.from_dict(response.json())

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
) -> Response[Problem | RegistrationElderPage]:
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
    citizen_card_no: str | Unset = UNSET,
    service_point_id: UUID | Unset = UNSET,
    q: str | Unset = UNSET,
    id_number: str | Unset = UNSET,
) -> Response[Problem | RegistrationElderPage]:
    """The elders, a page at a time, filtered by point, card, name or ID number.

     Look an elder up by card with `?citizen_card_no=`: a page of at most one.

    **Access:** staff roles `bathing_assistant`, `case_manager`, `city_operator`, `cs_agent`,
    `cs_supervisor`, `doctor`, `point_admin`, `rest_hall_admin` and `admin`; API keys with scope
    `elders:read`.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        citizen_card_no (str | Unset):
        service_point_id (UUID | Unset):
        q (str | Unset):
        id_number (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RegistrationElderPage]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        citizen_card_no=citizen_card_no,
        service_point_id=service_point_id,
        q=q,
        id_number=id_number,
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
    citizen_card_no: str | Unset = UNSET,
    service_point_id: UUID | Unset = UNSET,
    q: str | Unset = UNSET,
    id_number: str | Unset = UNSET,
) -> Problem | RegistrationElderPage | None:
    """The elders, a page at a time, filtered by point, card, name or ID number.

     Look an elder up by card with `?citizen_card_no=`: a page of at most one.

    **Access:** staff roles `bathing_assistant`, `case_manager`, `city_operator`, `cs_agent`,
    `cs_supervisor`, `doctor`, `point_admin`, `rest_hall_admin` and `admin`; API keys with scope
    `elders:read`.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        citizen_card_no (str | Unset):
        service_point_id (UUID | Unset):
        q (str | Unset):
        id_number (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RegistrationElderPage
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        citizen_card_no=citizen_card_no,
        service_point_id=service_point_id,
        q=q,
        id_number=id_number,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    citizen_card_no: str | Unset = UNSET,
    service_point_id: UUID | Unset = UNSET,
    q: str | Unset = UNSET,
    id_number: str | Unset = UNSET,
) -> Response[Problem | RegistrationElderPage]:
    """The elders, a page at a time, filtered by point, card, name or ID number.

     Look an elder up by card with `?citizen_card_no=`: a page of at most one.

    **Access:** staff roles `bathing_assistant`, `case_manager`, `city_operator`, `cs_agent`,
    `cs_supervisor`, `doctor`, `point_admin`, `rest_hall_admin` and `admin`; API keys with scope
    `elders:read`.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        citizen_card_no (str | Unset):
        service_point_id (UUID | Unset):
        q (str | Unset):
        id_number (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RegistrationElderPage]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        citizen_card_no=citizen_card_no,
        service_point_id=service_point_id,
        q=q,
        id_number=id_number,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    citizen_card_no: str | Unset = UNSET,
    service_point_id: UUID | Unset = UNSET,
    q: str | Unset = UNSET,
    id_number: str | Unset = UNSET,
) -> Problem | RegistrationElderPage | None:
    """The elders, a page at a time, filtered by point, card, name or ID number.

     Look an elder up by card with `?citizen_card_no=`: a page of at most one.

    **Access:** staff roles `bathing_assistant`, `case_manager`, `city_operator`, `cs_agent`,
    `cs_supervisor`, `doctor`, `point_admin`, `rest_hall_admin` and `admin`; API keys with scope
    `elders:read`.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        citizen_card_no (str | Unset):
        service_point_id (UUID | Unset):
        q (str | Unset):
        id_number (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RegistrationElderPage
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            citizen_card_no=citizen_card_no,
            service_point_id=service_point_id,
            q=q,
            id_number=id_number,
        )
    ).parsed
