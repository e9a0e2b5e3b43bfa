from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.visits_rest_in import VisitsRestIn
from ...models.visits_visit_out import VisitsVisitOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    visit_id: UUID,
    *,
    body: VisitsRestIn,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/visits/{visit_id}/rest".format(
            visit_id=quote(str(visit_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | VisitsVisitOut | None:
    if response.status_code == 200:
        response_200 = VisitsVisitOut.from_dict(response.json())

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
) -> Response[Problem | VisitsVisitOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    visit_id: UUID,
    *,
    client: AuthenticatedClient,
    body: VisitsRestIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | VisitsVisitOut]:
    """Post rest

     **Access:** staff roles `point_admin`, `rest_hall_admin` and `admin`; API keys with scope
    `visits:write`.

    Args:
        visit_id (UUID):
        idempotency_key (str | Unset):
        body (VisitsRestIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VisitsVisitOut]
    """

    kwargs = _get_kwargs(
        visit_id=visit_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    visit_id: UUID,
    *,
    client: AuthenticatedClient,
    body: VisitsRestIn,
    idempotency_key: str | Unset = UNSET,
) -> Problem | VisitsVisitOut | None:
    """Post rest

     **Access:** staff roles `point_admin`, `rest_hall_admin` and `admin`; API keys with scope
    `visits:write`.

    Args:
        visit_id (UUID):
        idempotency_key (str | Unset):
        body (VisitsRestIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VisitsVisitOut
    """

    return sync_detailed(
        visit_id=visit_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    visit_id: UUID,
    *,
    client: AuthenticatedClient,
    body: VisitsRestIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | VisitsVisitOut]:
    """Post rest

     **Access:** staff roles `point_admin`, `rest_hall_admin` and `admin`; API keys with scope
    `visits:write`.

    Args:
        visit_id (UUID):
        idempotency_key (str | Unset):
        body (VisitsRestIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VisitsVisitOut]
    """

    kwargs = _get_kwargs(
        visit_id=visit_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    visit_id: UUID,
    *,
    client: AuthenticatedClient,
    body: VisitsRestIn,
    idempotency_key: str | Unset = UNSET,
) -> Problem | VisitsVisitOut | None:
    """Post rest

     **Access:** staff roles `point_admin`, `rest_hall_admin` and `admin`; API keys with scope
    `visits:write`.

    Args:
        visit_id (UUID):
        idempotency_key (str | Unset):
        body (VisitsRestIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VisitsVisitOut
    """

    return (
        await asyncio_detailed(
            visit_id=visit_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
