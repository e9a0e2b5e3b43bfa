from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.registration_service_point_out import RegistrationServicePointOut
from ...types import Response


def _get_kwargs(
    point_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/service-points/{point_id}".format(
            point_id=quote(str(point_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RegistrationServicePointOut | None:
    if response.status_code == 200:
        response_200 = RegistrationServicePointOut.from_dict(response.json())

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
) -> Response[Problem | RegistrationServicePointOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    point_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | RegistrationServicePointOut]:
    """One point.

     **Access:** staff roles `bathing_assistant`, `case_manager`, `city_operator`, `cs_agent`,
    `cs_supervisor`, `doctor`, `point_admin`, `rest_hall_admin` and `admin`; no API key.

    Args:
        point_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RegistrationServicePointOut]
    """

    kwargs = _get_kwargs(
        point_id=point_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    point_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | RegistrationServicePointOut | None:
    """One point.

     **Access:** staff roles `bathing_assistant`, `case_manager`, `city_operator`, `cs_agent`,
    `cs_supervisor`, `doctor`, `point_admin`, `rest_hall_admin` and `admin`; no API key.

    Args:
        point_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RegistrationServicePointOut
    """

    return sync_detailed(
        point_id=point_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    point_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | RegistrationServicePointOut]:
    """One point.

     **Access:** staff roles `bathing_assistant`, `case_manager`, `city_operator`, `cs_agent`,
    `cs_supervisor`, `doctor`, `point_admin`, `rest_hall_admin` and `admin`; no API key.

    Args:
        point_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RegistrationServicePointOut]
    """

    kwargs = _get_kwargs(
        point_id=point_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    point_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | RegistrationServicePointOut | None:
    """One point.

     **Access:** staff roles `bathing_assistant`, `case_manager`, `city_operator`, `cs_agent`,
    `cs_supervisor`, `doctor`, `point_admin`, `rest_hall_admin` and `admin`; no API key.

    Args:
        point_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RegistrationServicePointOut
    """

    return (
        await asyncio_detailed(
            point_id=point_id,
            client=client,
        )
    ).parsed
