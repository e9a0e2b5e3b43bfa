from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.registration_elder_out import RegistrationElderOut
from ...types import Response


def _get_kwargs(
    elder_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/elders/{elder_id}".format(
            elder_id=quote(str(elder_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RegistrationElderOut | None:
    if response.status_code == 200:
        response_200 = RegistrationElderOut.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[Problem | RegistrationElderOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    elder_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | RegistrationElderOut]:
    """One elder's record, with the bathing decision (`eligible_for_bathing`).

     **Access:** staff roles `bathing_assistant`, `case_manager`, `city_operator`, `cs_agent`,
    `cs_supervisor`, `doctor`, `point_admin`, `rest_hall_admin` and `admin`; API keys with scope
    `elders:read`.

    Args:
        elder_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RegistrationElderOut]
    """

    kwargs = _get_kwargs(
        elder_id=elder_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    elder_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | RegistrationElderOut | None:
    """One elder's record, with the bathing decision (`eligible_for_bathing`).

     **Access:** staff roles `bathing_assistant`, `case_manager`, `city_operator`, `cs_agent`,
    `cs_supervisor`, `doctor`, `point_admin`, `rest_hall_admin` and `admin`; API keys with scope
    `elders:read`.

    Args:
        elder_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RegistrationElderOut
    """

    return sync_detailed(
        elder_id=elder_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    elder_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | RegistrationElderOut]:
    """One elder's record, with the bathing decision (`eligible_for_bathing`).

     **Access:** staff roles `bathing_assistant`, `case_manager`, `city_operator`, `cs_agent`,
    `cs_supervisor`, `doctor`, `point_admin`, `rest_hall_admin` and `admin`; API keys with scope
    `elders:read`.

    Args:
        elder_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RegistrationElderOut]
    """

    kwargs = _get_kwargs(
        elder_id=elder_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    elder_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | RegistrationElderOut | None:
    """One elder's record, with the bathing decision (`eligible_for_bathing`).

     **Access:** staff roles `bathing_assistant`, `case_manager`, `city_operator`, `cs_agent`,
    `cs_supervisor`, `doctor`, `point_admin`, `rest_hall_admin` and `admin`; API keys with scope
    `elders:read`.

    Args:
        elder_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RegistrationElderOut
    """

    return (
        await asyncio_detailed(
            elder_id=elder_id,
            client=client,
        )
    ).parsed
