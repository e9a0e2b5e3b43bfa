from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.visits_price_in import VisitsPriceIn
from ...models.visits_price_out import VisitsPriceOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: VisitsPriceIn,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/prices",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | VisitsPriceOut | None:
    if response.status_code == 201:
        response_201 = VisitsPriceOut.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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
) -> Response[Problem | VisitsPriceOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: VisitsPriceIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | VisitsPriceOut]:
    """The centre sets a price per bath from a day on (today or later): a point's self-pay price, or what
    the government pays for a bath of a subsidy category. A user bound to a point sets that point's
    prices only (403 for another point's or a city-wide one).

     **Access:** staff roles `city_operator` and `admin`; no API key.

    Args:
        idempotency_key (str | Unset):
        body (VisitsPriceIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VisitsPriceOut]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: VisitsPriceIn,
    idempotency_key: str | Unset = UNSET,
) -> Problem | VisitsPriceOut | None:
    """The centre sets a price per bath from a day on (today or later): a point's self-pay price, or what
    the government pays for a bath of a subsidy category. A user bound to a point sets that point's
    prices only (403 for another point's or a city-wide one).

     **Access:** staff roles `city_operator` and `admin`; no API key.

    Args:
        idempotency_key (str | Unset):
        body (VisitsPriceIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VisitsPriceOut
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: VisitsPriceIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | VisitsPriceOut]:
    """The centre sets a price per bath from a day on (today or later): a point's self-pay price, or what
    the government pays for a bath of a subsidy category. A user bound to a point sets that point's
    prices only (403 for another point's or a city-wide one).

     **Access:** staff roles `city_operator` and `admin`; no API key.

    Args:
        idempotency_key (str | Unset):
        body (VisitsPriceIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VisitsPriceOut]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: VisitsPriceIn,
    idempotency_key: str | Unset = UNSET,
) -> Problem | VisitsPriceOut | None:
    """The centre sets a price per bath from a day on (today or later): a point's self-pay price, or what
    the government pays for a bath of a subsidy category. A user bound to a point sets that point's
    prices only (403 for another point's or a city-wide one).

     **Access:** staff roles `city_operator` and `admin`; no API key.

    Args:
        idempotency_key (str | Unset):
        body (VisitsPriceIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VisitsPriceOut
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
