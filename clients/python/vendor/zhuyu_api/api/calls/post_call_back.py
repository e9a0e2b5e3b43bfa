from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.complaints_call_back_in import ComplaintsCallBackIn
from ...models.complaints_call_out import ComplaintsCallOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    call_id: UUID,
    *,
    body: ComplaintsCallBackIn,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/calls/{call_id}/callback".format(
            call_id=quote(str(call_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ComplaintsCallOut | Problem | None:
    if response.status_code == 200:
        response_200 = ComplaintsCallOut.from_dict(response.json())

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
) -> Response[ComplaintsCallOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    call_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ComplaintsCallBackIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[ComplaintsCallOut | Problem]:
    """A try to call back a missed call: reached, it leaves the missed-call list.

     **Access:** staff roles `cs_agent`, `cs_supervisor` and `admin`; API keys with scope
    `complaints:write`.

    Args:
        call_id (UUID):
        idempotency_key (str | Unset):
        body (ComplaintsCallBackIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ComplaintsCallOut | Problem]
    """

    kwargs = _get_kwargs(
        call_id=call_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    call_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ComplaintsCallBackIn,
    idempotency_key: str | Unset = UNSET,
) -> ComplaintsCallOut | Problem | None:
    """A try to call back a missed call: reached, it leaves the missed-call list.

     **Access:** staff roles `cs_agent`, `cs_supervisor` and `admin`; API keys with scope
    `complaints:write`.

    Args:
        call_id (UUID):
        idempotency_key (str | Unset):
        body (ComplaintsCallBackIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ComplaintsCallOut | Problem
    """

    return sync_detailed(
        call_id=call_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    call_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ComplaintsCallBackIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[ComplaintsCallOut | Problem]:
    """A try to call back a missed call: reached, it leaves the missed-call list.

     **Access:** staff roles `cs_agent`, `cs_supervisor` and `admin`; API keys with scope
    `complaints:write`.

    Args:
        call_id (UUID):
        idempotency_key (str | Unset):
        body (ComplaintsCallBackIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ComplaintsCallOut | Problem]
    """

    kwargs = _get_kwargs(
        call_id=call_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    call_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ComplaintsCallBackIn,
    idempotency_key: str | Unset = UNSET,
) -> ComplaintsCallOut | Problem | None:
    """A try to call back a missed call: reached, it leaves the missed-call list.

     **Access:** staff roles `cs_agent`, `cs_supervisor` and `admin`; API keys with scope
    `complaints:write`.

    Args:
        call_id (UUID):
        idempotency_key (str | Unset):
        body (ComplaintsCallBackIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ComplaintsCallOut | Problem
    """

    return (
        await asyncio_detailed(
            call_id=call_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
