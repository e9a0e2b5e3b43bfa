from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.registration_elder_read_page import RegistrationElderReadPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    elder_id: str | Unset = UNSET,
    user_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["elder_id"] = elder_id

    params["user_id"] = user_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/audit/elder-reads",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RegistrationElderReadPage | None:
    if response.status_code == 200:
        response_200 = RegistrationElderReadPage.from_dict(response.json())

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
) -> Response[Problem | RegistrationElderReadPage]:
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
    elder_id: str | Unset = UNSET,
    user_id: str | Unset = UNSET,
) -> Response[Problem | RegistrationElderReadPage]:
    """Get elder reads

     **Access:** `admin` only; no API key.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        elder_id (str | Unset):
        user_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RegistrationElderReadPage]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        elder_id=elder_id,
        user_id=user_id,
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
    elder_id: str | Unset = UNSET,
    user_id: str | Unset = UNSET,
) -> Problem | RegistrationElderReadPage | None:
    """Get elder reads

     **Access:** `admin` only; no API key.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        elder_id (str | Unset):
        user_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RegistrationElderReadPage
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        elder_id=elder_id,
        user_id=user_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    elder_id: str | Unset = UNSET,
    user_id: str | Unset = UNSET,
) -> Response[Problem | RegistrationElderReadPage]:
    """Get elder reads

     **Access:** `admin` only; no API key.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        elder_id (str | Unset):
        user_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RegistrationElderReadPage]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        elder_id=elder_id,
        user_id=user_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    elder_id: str | Unset = UNSET,
    user_id: str | Unset = UNSET,
) -> Problem | RegistrationElderReadPage | None:
    """Get elder reads

     **Access:** `admin` only; no API key.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        elder_id (str | Unset):
        user_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RegistrationElderReadPage
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            elder_id=elder_id,
            user_id=user_id,
        )
    ).parsed
