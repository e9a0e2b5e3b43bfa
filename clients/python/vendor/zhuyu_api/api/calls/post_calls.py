from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.complaints_call_in import ComplaintsCallIn
from ...models.complaints_call_out import ComplaintsCallOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ComplaintsCallIn,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/calls",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ComplaintsCallOut | Problem | None:
    if response.status_code == 201:
        response_201 = ComplaintsCallOut.from_dict(response.json())

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
) -> Response[ComplaintsCallOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ComplaintsCallIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[ComplaintsCallOut | Problem]:
    """Log a hotline call, answered or abandoned, by the agent who took it (by default the caller's linked
    staff member).

     Another `agent_id` must be a staff member registration has told complaints of, of the
    caller's point or of the desk (any point's for a caller bound to none); otherwise 422
    on `agent_id`.

    **Access:** staff roles `cs_agent`, `cs_supervisor` and `admin`; API keys with scope
    `complaints:write`.

    Args:
        idempotency_key (str | Unset):
        body (ComplaintsCallIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ComplaintsCallOut | Problem]
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
    body: ComplaintsCallIn,
    idempotency_key: str | Unset = UNSET,
) -> ComplaintsCallOut | Problem | None:
    """Log a hotline call, answered or abandoned, by the agent who took it (by default the caller's linked
    staff member).

     Another `agent_id` must be a staff member registration has told complaints of, of the
    caller's point or of the desk (any point's for a caller bound to none); otherwise 422
    on `agent_id`.

    **Access:** staff roles `cs_agent`, `cs_supervisor` and `admin`; API keys with scope
    `complaints:write`.

    Args:
        idempotency_key (str | Unset):
        body (ComplaintsCallIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ComplaintsCallOut | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ComplaintsCallIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[ComplaintsCallOut | Problem]:
    """Log a hotline call, answered or abandoned, by the agent who took it (by default the caller's linked
    staff member).

     Another `agent_id` must be a staff member registration has told complaints of, of the
    caller's point or of the desk (any point's for a caller bound to none); otherwise 422
    on `agent_id`.

    **Access:** staff roles `cs_agent`, `cs_supervisor` and `admin`; API keys with scope
    `complaints:write`.

    Args:
        idempotency_key (str | Unset):
        body (ComplaintsCallIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ComplaintsCallOut | Problem]
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
    body: ComplaintsCallIn,
    idempotency_key: str | Unset = UNSET,
) -> ComplaintsCallOut | Problem | None:
    """Log a hotline call, answered or abandoned, by the agent who took it (by default the caller's linked
    staff member).

     Another `agent_id` must be a staff member registration has told complaints of, of the
    caller's point or of the desk (any point's for a caller bound to none); otherwise 422
    on `agent_id`.

    **Access:** staff roles `cs_agent`, `cs_supervisor` and `admin`; API keys with scope
    `complaints:write`.

    Args:
        idempotency_key (str | Unset):
        body (ComplaintsCallIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ComplaintsCallOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
