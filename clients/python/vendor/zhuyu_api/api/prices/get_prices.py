from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.visits_price_list import VisitsPriceList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    service_point_id: None | Unset | UUID = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

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
        "url": "/api/v1/prices",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | VisitsPriceList | None:
    if response.status_code == 200:
        response_200 = VisitsPriceList.from_dict(response.json())

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
) -> Response[Problem | VisitsPriceList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    service_point_id: None | Unset | UUID = UNSET,
) -> Response[Problem | VisitsPriceList]:
    """The price list with its history: each price per bath from its day on, self-pay at a point and the
    government's per subsidy category (city-wide or for a point).

     **Access:** staff roles `city_operator`, `point_admin` and `admin`; API keys with scope
    `visits:read`.

    Args:
        service_point_id (None | Unset | UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VisitsPriceList]
    """

    kwargs = _get_kwargs(
        service_point_id=service_point_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    service_point_id: None | Unset | UUID = UNSET,
) -> Problem | VisitsPriceList | None:
    """The price list with its history: each price per bath from its day on, self-pay at a point and the
    government's per subsidy category (city-wide or for a point).

     **Access:** staff roles `city_operator`, `point_admin` and `admin`; API keys with scope
    `visits:read`.

    Args:
        service_point_id (None | Unset | UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VisitsPriceList
    """

    return sync_detailed(
        client=client,
        service_point_id=service_point_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    service_point_id: None | Unset | UUID = UNSET,
) -> Response[Problem | VisitsPriceList]:
    """The price list with its history: each price per bath from its day on, self-pay at a point and the
    government's per subsidy category (city-wide or for a point).

     **Access:** staff roles `city_operator`, `point_admin` and `admin`; API keys with scope
    `visits:read`.

    Args:
        service_point_id (None | Unset | UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VisitsPriceList]
    """

    kwargs = _get_kwargs(
        service_point_id=service_point_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    service_point_id: None | Unset | UUID = UNSET,
) -> Problem | VisitsPriceList | None:
    """The price list with its history: each price per bath from its day on, self-pay at a point and the
    government's per subsidy category (city-wide or for a point).

     **Access:** staff roles `city_operator`, `point_admin` and `admin`; API keys with scope
    `visits:read`.

    Args:
        service_point_id (None | Unset | UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VisitsPriceList
    """

    return (
        await asyncio_detailed(
            client=client,
            service_point_id=service_point_id,
        )
    ).parsed
