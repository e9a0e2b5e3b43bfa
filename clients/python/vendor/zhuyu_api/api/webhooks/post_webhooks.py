from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.notify_webhook_created import NotifyWebhookCreated
from ...models.notify_webhook_in import NotifyWebhookIn
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: NotifyWebhookIn,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/webhooks",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> NotifyWebhookCreated | Problem | None:
    if response.status_code == 201:
        response_201 = NotifyWebhookCreated.from_dict(response.json())

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
) -> Response[NotifyWebhookCreated | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: NotifyWebhookIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[NotifyWebhookCreated | Problem]:
    """Subscribe an HTTPS endpoint to event types (see docs/events.md).

     The answer holds the `secret`, shown once: every delivery is a CloudEvent (with the
    event's `subject` and per-aggregate `sequence`) sent with `X-Zhuyu-Timestamp` (Unix
    seconds) and `X-Zhuyu-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." +
    raw body)>`. The webhook belongs to the calling key or user and receives only the
    events of its point and of the types its scopes read (`elders:read` → `registration.*`,
    `visits:read` → `visits.*`, `complaints:read` → `complaints.*`, `notifications:read` →
    `notify.*`); an unknown type, or one the scopes do not read, is refused (422) with
    its name, and `*` means every type they read. A failed delivery is retried with
    back-off; after 10 failed deliveries in a row (`NOTIFY_WEBHOOK_DISABLE_AFTER`) the
    webhook is disabled until its owner enables it again. Revoking the owner's key or
    disabling its user stops its webhooks for good.

    **Access:** `admin` only; API keys with scope `webhooks:write`.

    Args:
        idempotency_key (str | Unset):
        body (NotifyWebhookIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotifyWebhookCreated | Problem]
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
    body: NotifyWebhookIn,
    idempotency_key: str | Unset = UNSET,
) -> NotifyWebhookCreated | Problem | None:
    """Subscribe an HTTPS endpoint to event types (see docs/events.md).

     The answer holds the `secret`, shown once: every delivery is a CloudEvent (with the
    event's `subject` and per-aggregate `sequence`) sent with `X-Zhuyu-Timestamp` (Unix
    seconds) and `X-Zhuyu-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." +
    raw body)>`. The webhook belongs to the calling key or user and receives only the
    events of its point and of the types its scopes read (`elders:read` → `registration.*`,
    `visits:read` → `visits.*`, `complaints:read` → `complaints.*`, `notifications:read` →
    `notify.*`); an unknown type, or one the scopes do not read, is refused (422) with
    its name, and `*` means every type they read. A failed delivery is retried with
    back-off; after 10 failed deliveries in a row (`NOTIFY_WEBHOOK_DISABLE_AFTER`) the
    webhook is disabled until its owner enables it again. Revoking the owner's key or
    disabling its user stops its webhooks for good.

    **Access:** `admin` only; API keys with scope `webhooks:write`.

    Args:
        idempotency_key (str | Unset):
        body (NotifyWebhookIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotifyWebhookCreated | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: NotifyWebhookIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[NotifyWebhookCreated | Problem]:
    """Subscribe an HTTPS endpoint to event types (see docs/events.md).

     The answer holds the `secret`, shown once: every delivery is a CloudEvent (with the
    event's `subject` and per-aggregate `sequence`) sent with `X-Zhuyu-Timestamp` (Unix
    seconds) and `X-Zhuyu-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." +
    raw body)>`. The webhook belongs to the calling key or user and receives only the
    events of its point and of the types its scopes read (`elders:read` → `registration.*`,
    `visits:read` → `visits.*`, `complaints:read` → `complaints.*`, `notifications:read` →
    `notify.*`); an unknown type, or one the scopes do not read, is refused (422) with
    its name, and `*` means every type they read. A failed delivery is retried with
    back-off; after 10 failed deliveries in a row (`NOTIFY_WEBHOOK_DISABLE_AFTER`) the
    webhook is disabled until its owner enables it again. Revoking the owner's key or
    disabling its user stops its webhooks for good.

    **Access:** `admin` only; API keys with scope `webhooks:write`.

    Args:
        idempotency_key (str | Unset):
        body (NotifyWebhookIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotifyWebhookCreated | Problem]
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
    body: NotifyWebhookIn,
    idempotency_key: str | Unset = UNSET,
) -> NotifyWebhookCreated | Problem | None:
    """Subscribe an HTTPS endpoint to event types (see docs/events.md).

     The answer holds the `secret`, shown once: every delivery is a CloudEvent (with the
    event's `subject` and per-aggregate `sequence`) sent with `X-Zhuyu-Timestamp` (Unix
    seconds) and `X-Zhuyu-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." +
    raw body)>`. The webhook belongs to the calling key or user and receives only the
    events of its point and of the types its scopes read (`elders:read` → `registration.*`,
    `visits:read` → `visits.*`, `complaints:read` → `complaints.*`, `notifications:read` →
    `notify.*`); an unknown type, or one the scopes do not read, is refused (422) with
    its name, and `*` means every type they read. A failed delivery is retried with
    back-off; after 10 failed deliveries in a row (`NOTIFY_WEBHOOK_DISABLE_AFTER`) the
    webhook is disabled until its owner enables it again. Revoking the owner's key or
    disabling its user stops its webhooks for good.

    **Access:** `admin` only; API keys with scope `webhooks:write`.

    Args:
        idempotency_key (str | Unset):
        body (NotifyWebhookIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotifyWebhookCreated | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
