from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.complaints_arrangement_in import ComplaintsArrangementIn
from ...models.complaints_loaded_out import ComplaintsLoadedOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    year: int,
    *,
    body: ComplaintsArrangementIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/calendar/{year}".format(
            year=quote(str(year), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ComplaintsLoadedOut | Problem | None:
    if response.status_code == 200:
        response_200 = ComplaintsLoadedOut.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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
) -> Response[ComplaintsLoadedOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    year: int,
    *,
    client: AuthenticatedClient,
    body: ComplaintsArrangementIn,
) -> Response[ComplaintsLoadedOut | Problem]:
    """Load (or correct) a year's official arrangement, as the State Council's notice (国务院办公厅关于部分节假日安排的通知)
    states it; working-day deadlines still ahead are counted again on it.

     **Access:** `admin` only; no API key.

    Args:
        year (int):
        body (ComplaintsArrangementIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ComplaintsLoadedOut | Problem]
    """

    kwargs = _get_kwargs(
        year=year,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    year: int,
    *,
    client: AuthenticatedClient,
    body: ComplaintsArrangementIn,
) -> ComplaintsLoadedOut | Problem | None:
    """Load (or correct) a year's official arrangement, as the State Council's notice (国务院办公厅关于部分节假日安排的通知)
    states it; working-day deadlines still ahead are counted again on it.

     **Access:** `admin` only; no API key.

    Args:
        year (int):
        body (ComplaintsArrangementIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ComplaintsLoadedOut | Problem
    """

    return sync_detailed(
        year=year,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    year: int,
    *,
    client: AuthenticatedClient,
    body: ComplaintsArrangementIn,
) -> Response[ComplaintsLoadedOut | Problem]:
    """Load (or correct) a year's official arrangement, as the State Council's notice (国务院办公厅关于部分节假日安排的通知)
    states it; working-day deadlines still ahead are counted again on it.

     **Access:** `admin` only; no API key.

    Args:
        year (int):
        body (ComplaintsArrangementIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ComplaintsLoadedOut | Problem]
    """

    kwargs = _get_kwargs(
        year=year,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    year: int,
    *,
    client: AuthenticatedClient,
    body: ComplaintsArrangementIn,
) -> ComplaintsLoadedOut | Problem | None:
    """Load (or correct) a year's official arrangement, as the State Council's notice (国务院办公厅关于部分节假日安排的通知)
    states it; working-day deadlines still ahead are counted again on it.

     **Access:** `admin` only; no API key.

    Args:
        year (int):
        body (ComplaintsArrangementIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ComplaintsLoadedOut | Problem
    """

    return (
        await asyncio_detailed(
            year=year,
            client=client,
            body=body,
        )
    ).parsed
