from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_notifications_channel import GetNotificationsChannel
from ...models.get_notifications_status import GetNotificationsStatus
from ...models.notify_notification_page import NotifyNotificationPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    recipient: str | Unset = UNSET,
    event_id: str | Unset = UNSET,
    event_type: str | Unset = UNSET,
    channel: GetNotificationsChannel | Unset = UNSET,
    status: GetNotificationsStatus | Unset = UNSET,
    service_point_id: UUID | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["recipient"] = recipient

    params["event_id"] = event_id

    params["event_type"] = event_type

    json_channel: str | Unset = UNSET
    if not isinstance(channel, Unset):
        json_channel = channel.value

    params["channel"] = json_channel

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_service_point_id: str | Unset = UNSET
    if not isinstance(service_point_id, Unset):
        json_service_point_id = str(service_point_id)
    params["service_point_id"] = json_service_point_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/notifications",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> NotifyNotificationPage | Problem | None:
    if response.status_code == 200:
        response_200 = NotifyNotificationPage.from_dict(response.json())

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
) -> Response[NotifyNotificationPage | Problem]:
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
    recipient: str | Unset = UNSET,
    event_id: str | Unset = UNSET,
    event_type: str | Unset = UNSET,
    channel: GetNotificationsChannel | Unset = UNSET,
    status: GetNotificationsStatus | Unset = UNSET,
    service_point_id: UUID | Unset = UNSET,
) -> Response[NotifyNotificationPage | Problem]:
    """The notifications sent (SMS, webhook deliveries) and their status, a page at a time.

     A webhook's deliveries: `?recipient=<webhook id>`. Recipients' addresses are masked;
    phone and ID numbers in the text are masked unless the caller's role sees personal
    data, and every notification answered with its text as sent is recorded as read
    (`GET /audit/notification-reads`).

    **Access:** staff roles `city_operator`, `cs_agent`, `cs_supervisor`, `point_admin` and `admin`; API
    keys with scope `notifications:read`.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        recipient (str | Unset):
        event_id (str | Unset):
        event_type (str | Unset):
        channel (GetNotificationsChannel | Unset):
        status (GetNotificationsStatus | Unset):
        service_point_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotifyNotificationPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        recipient=recipient,
        event_id=event_id,
        event_type=event_type,
        channel=channel,
        status=status,
        service_point_id=service_point_id,
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
    recipient: str | Unset = UNSET,
    event_id: str | Unset = UNSET,
    event_type: str | Unset = UNSET,
    channel: GetNotificationsChannel | Unset = UNSET,
    status: GetNotificationsStatus | Unset = UNSET,
    service_point_id: UUID | Unset = UNSET,
) -> NotifyNotificationPage | Problem | None:
    """The notifications sent (SMS, webhook deliveries) and their status, a page at a time.

     A webhook's deliveries: `?recipient=<webhook id>`. Recipients' addresses are masked;
    phone and ID numbers in the text are masked unless the caller's role sees personal
    data, and every notification answered with its text as sent is recorded as read
    (`GET /audit/notification-reads`).

    **Access:** staff roles `city_operator`, `cs_agent`, `cs_supervisor`, `point_admin` and `admin`; API
    keys with scope `notifications:read`.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        recipient (str | Unset):
        event_id (str | Unset):
        event_type (str | Unset):
        channel (GetNotificationsChannel | Unset):
        status (GetNotificationsStatus | Unset):
        service_point_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotifyNotificationPage | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        recipient=recipient,
        event_id=event_id,
        event_type=event_type,
        channel=channel,
        status=status,
        service_point_id=service_point_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    recipient: str | Unset = UNSET,
    event_id: str | Unset = UNSET,
    event_type: str | Unset = UNSET,
    channel: GetNotificationsChannel | Unset = UNSET,
    status: GetNotificationsStatus | Unset = UNSET,
    service_point_id: UUID | Unset = UNSET,
) -> Response[NotifyNotificationPage | Problem]:
    """The notifications sent (SMS, webhook deliveries) and their status, a page at a time.

     A webhook's deliveries: `?recipient=<webhook id>`. Recipients' addresses are masked;
    phone and ID numbers in the text are masked unless the caller's role sees personal
    data, and every notification answered with its text as sent is recorded as read
    (`GET /audit/notification-reads`).

    **Access:** staff roles `city_operator`, `cs_agent`, `cs_supervisor`, `point_admin` and `admin`; API
    keys with scope `notifications:read`.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        recipient (str | Unset):
        event_id (str | Unset):
        event_type (str | Unset):
        channel (GetNotificationsChannel | Unset):
        status (GetNotificationsStatus | Unset):
        service_point_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotifyNotificationPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        recipient=recipient,
        event_id=event_id,
        event_type=event_type,
        channel=channel,
        status=status,
        service_point_id=service_point_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    recipient: str | Unset = UNSET,
    event_id: str | Unset = UNSET,
    event_type: str | Unset = UNSET,
    channel: GetNotificationsChannel | Unset = UNSET,
    status: GetNotificationsStatus | Unset = UNSET,
    service_point_id: UUID | Unset = UNSET,
) -> NotifyNotificationPage | Problem | None:
    """The notifications sent (SMS, webhook deliveries) and their status, a page at a time.

     A webhook's deliveries: `?recipient=<webhook id>`. Recipients' addresses are masked;
    phone and ID numbers in the text are masked unless the caller's role sees personal
    data, and every notification answered with its text as sent is recorded as read
    (`GET /audit/notification-reads`).

    **Access:** staff roles `city_operator`, `cs_agent`, `cs_supervisor`, `point_admin` and `admin`; API
    keys with scope `notifications:read`.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        recipient (str | Unset):
        event_id (str | Unset):
        event_type (str | Unset):
        channel (GetNotificationsChannel | Unset):
        status (GetNotificationsStatus | Unset):
        service_point_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotifyNotificationPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            recipient=recipient,
            event_id=event_id,
            event_type=event_type,
            channel=channel,
            status=status,
            service_point_id=service_point_id,
        )
    ).parsed
