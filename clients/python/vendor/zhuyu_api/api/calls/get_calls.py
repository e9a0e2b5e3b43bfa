from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.complaints_call_page import ComplaintsCallPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    caller: str | Unset = UNSET,
    answered: bool | Unset = UNSET,
    called_back: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["caller"] = caller

    params["answered"] = answered

    params["called_back"] = called_back

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/calls",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ComplaintsCallPage | Problem | None:
    if response.status_code == 200:
        response_200 = ComplaintsCallPage.from_dict(response.json())

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
) -> Response[ComplaintsCallPage | Problem]:
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
    caller: str | Unset = UNSET,
    answered: bool | Unset = UNSET,
    called_back: bool | Unset = UNSET,
) -> Response[ComplaintsCallPage | Problem]:
    """A caller's earlier calls (`?caller=`, whatever the number's spacing) for the agent who answers;
    missed calls still to call back (`?answered=false&called_back=false`).

     **Access:** staff roles `cs_agent`, `cs_supervisor` and `admin`; API keys with scope
    `complaints:read`.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        caller (str | Unset):
        answered (bool | Unset):
        called_back (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ComplaintsCallPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        caller=caller,
        answered=answered,
        called_back=called_back,
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
    caller: str | Unset = UNSET,
    answered: bool | Unset = UNSET,
    called_back: bool | Unset = UNSET,
) -> ComplaintsCallPage | Problem | None:
    """A caller's earlier calls (`?caller=`, whatever the number's spacing) for the agent who answers;
    missed calls still to call back (`?answered=false&called_back=false`).

     **Access:** staff roles `cs_agent`, `cs_supervisor` and `admin`; API keys with scope
    `complaints:read`.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        caller (str | Unset):
        answered (bool | Unset):
        called_back (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ComplaintsCallPage | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        caller=caller,
        answered=answered,
        called_back=called_back,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    caller: str | Unset = UNSET,
    answered: bool | Unset = UNSET,
    called_back: bool | Unset = UNSET,
) -> Response[ComplaintsCallPage | Problem]:
    """A caller's earlier calls (`?caller=`, whatever the number's spacing) for the agent who answers;
    missed calls still to call back (`?answered=false&called_back=false`).

     **Access:** staff roles `cs_agent`, `cs_supervisor` and `admin`; API keys with scope
    `complaints:read`.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        caller (str | Unset):
        answered (bool | Unset):
        called_back (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ComplaintsCallPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        caller=caller,
        answered=answered,
        called_back=called_back,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    caller: str | Unset = UNSET,
    answered: bool | Unset = UNSET,
    called_back: bool | Unset = UNSET,
) -> ComplaintsCallPage | Problem | None:
    """A caller's earlier calls (`?caller=`, whatever the number's spacing) for the agent who answers;
    missed calls still to call back (`?answered=false&called_back=false`).

     **Access:** staff roles `cs_agent`, `cs_supervisor` and `admin`; API keys with scope
    `complaints:read`.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        caller (str | Unset):
        answered (bool | Unset):
        called_back (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ComplaintsCallPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            caller=caller,
            answered=answered,
            called_back=called_back,
        )
    ).parsed
