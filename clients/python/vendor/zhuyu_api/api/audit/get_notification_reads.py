from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.notify_notification_read_page import NotifyNotificationReadPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    notification_id: str | Unset = UNSET,
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

    params["notification_id"] = notification_id

    params["user_id"] = user_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/audit/notification-reads",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> NotifyNotificationReadPage | Problem | None:
    if response.status_code == 200:
        response_200 = NotifyNotificationReadPage.from_dict(response.json())

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
) -> Response[NotifyNotificationReadPage | Problem]:
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
    notification_id: str | Unset = UNSET,
    user_id: str | Unset = UNSET,
) -> Response[NotifyNotificationReadPage | Problem]:
    """Who read which notification unmasked, when, oldest first, a page at a time.

     A notification answered with its text as sent (to a role that sees personal data, in
    a list or by id) is one read per notification:
    the reader (a user's or API key's id) and role, the request and the time. Filter by
    `?notification_id=` or `?user_id=`. Administrators only.

    **Access:** `admin` only; no API key.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        notification_id (str | Unset):
        user_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotifyNotificationReadPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        notification_id=notification_id,
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
    notification_id: str | Unset = UNSET,
    user_id: str | Unset = UNSET,
) -> NotifyNotificationReadPage | Problem | None:
    """Who read which notification unmasked, when, oldest first, a page at a time.

     A notification answered with its text as sent (to a role that sees personal data, in
    a list or by id) is one read per notification:
    the reader (a user's or API key's id) and role, the request and the time. Filter by
    `?notification_id=` or `?user_id=`. Administrators only.

    **Access:** `admin` only; no API key.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        notification_id (str | Unset):
        user_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotifyNotificationReadPage | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        notification_id=notification_id,
        user_id=user_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    notification_id: str | Unset = UNSET,
    user_id: str | Unset = UNSET,
) -> Response[NotifyNotificationReadPage | Problem]:
    """Who read which notification unmasked, when, oldest first, a page at a time.

     A notification answered with its text as sent (to a role that sees personal data, in
    a list or by id) is one read per notification:
    the reader (a user's or API key's id) and role, the request and the time. Filter by
    `?notification_id=` or `?user_id=`. Administrators only.

    **Access:** `admin` only; no API key.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        notification_id (str | Unset):
        user_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotifyNotificationReadPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        notification_id=notification_id,
        user_id=user_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    notification_id: str | Unset = UNSET,
    user_id: str | Unset = UNSET,
) -> NotifyNotificationReadPage | Problem | None:
    """Who read which notification unmasked, when, oldest first, a page at a time.

     A notification answered with its text as sent (to a role that sees personal data, in
    a list or by id) is one read per notification:
    the reader (a user's or API key's id) and role, the request and the time. Filter by
    `?notification_id=` or `?user_id=`. Administrators only.

    **Access:** `admin` only; no API key.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        notification_id (str | Unset):
        user_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotifyNotificationReadPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            notification_id=notification_id,
            user_id=user_id,
        )
    ).parsed
