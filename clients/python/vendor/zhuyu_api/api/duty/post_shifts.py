from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.complaints_shift_in import ComplaintsShiftIn
from ...models.complaints_shift_out import ComplaintsShiftOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ComplaintsShiftIn,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/duty-shifts",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ComplaintsShiftOut | Problem | None:
    if response.status_code == 201:
        response_201 = ComplaintsShiftOut.from_dict(response.json())

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
) -> Response[ComplaintsShiftOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ComplaintsShiftIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[ComplaintsShiftOut | Problem]:
    """A shift of the 7×24 roster; the answer names where that day's roster leaves the desk short (fewer
    than 8 seats at the peak of the day's calls, 2 at night, 1 at any time; each configurable).

     Each of `staff_ids` must be a staff member registration has told complaints of, of
    the caller's point or of the desk (any point's for a caller bound to none); otherwise
    422 on `staff_ids`.

    **Access:** staff roles `cs_supervisor` and `admin`; API keys with scope `complaints:write`.

    Args:
        idempotency_key (str | Unset):
        body (ComplaintsShiftIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ComplaintsShiftOut | Problem]
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
    body: ComplaintsShiftIn,
    idempotency_key: str | Unset = UNSET,
) -> ComplaintsShiftOut | Problem | None:
    """A shift of the 7×24 roster; the answer names where that day's roster leaves the desk short (fewer
    than 8 seats at the peak of the day's calls, 2 at night, 1 at any time; each configurable).

     Each of `staff_ids` must be a staff member registration has told complaints of, of
    the caller's point or of the desk (any point's for a caller bound to none); otherwise
    422 on `staff_ids`.

    **Access:** staff roles `cs_supervisor` and `admin`; API keys with scope `complaints:write`.

    Args:
        idempotency_key (str | Unset):
        body (ComplaintsShiftIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ComplaintsShiftOut | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ComplaintsShiftIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[ComplaintsShiftOut | Problem]:
    """A shift of the 7×24 roster; the answer names where that day's roster leaves the desk short (fewer
    than 8 seats at the peak of the day's calls, 2 at night, 1 at any time; each configurable).

     Each of `staff_ids` must be a staff member registration has told complaints of, of
    the caller's point or of the desk (any point's for a caller bound to none); otherwise
    422 on `staff_ids`.

    **Access:** staff roles `cs_supervisor` and `admin`; API keys with scope `complaints:write`.

    Args:
        idempotency_key (str | Unset):
        body (ComplaintsShiftIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ComplaintsShiftOut | Problem]
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
    body: ComplaintsShiftIn,
    idempotency_key: str | Unset = UNSET,
) -> ComplaintsShiftOut | Problem | None:
    """A shift of the 7×24 roster; the answer names where that day's roster leaves the desk short (fewer
    than 8 seats at the peak of the day's calls, 2 at night, 1 at any time; each configurable).

     Each of `staff_ids` must be a staff member registration has told complaints of, of
    the caller's point or of the desk (any point's for a caller bound to none); otherwise
    422 on `staff_ids`.

    **Access:** staff roles `cs_supervisor` and `admin`; API keys with scope `complaints:write`.

    Args:
        idempotency_key (str | Unset):
        body (ComplaintsShiftIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ComplaintsShiftOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
