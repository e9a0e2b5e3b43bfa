from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.notify_delivery_out import NotifyDeliveryOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    webhook_id: UUID,
    *,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/webhooks/{webhook_id}/test".format(
            webhook_id=quote(str(webhook_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> NotifyDeliveryOut | Problem | None:
    if response.status_code == 202:
        response_202 = NotifyDeliveryOut.from_dict(response.json())

        return response_202

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
) -> Response[NotifyDeliveryOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    webhook_id: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Response[NotifyDeliveryOut | Problem]:
    """Send a test delivery to a webhook.

     Queues a signed CloudEvent of type `notify.webhook.test` (its `data`:
    `{"webhook_id", "message"}`) to the caller's own active webhook, whatever types it
    subscribes to; the answer is the delivery, to follow in the delivery log. A disabled
    webhook is 409 `WEBHOOK_DISABLED`, a revoked one 409 `WEBHOOK_REVOKED`.

    **Access:** `admin` only; API keys with scope `webhooks:write`.

    Args:
        webhook_id (UUID):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotifyDeliveryOut | Problem]
    """

    kwargs = _get_kwargs(
        webhook_id=webhook_id,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    webhook_id: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> NotifyDeliveryOut | Problem | None:
    """Send a test delivery to a webhook.

     Queues a signed CloudEvent of type `notify.webhook.test` (its `data`:
    `{"webhook_id", "message"}`) to the caller's own active webhook, whatever types it
    subscribes to; the answer is the delivery, to follow in the delivery log. A disabled
    webhook is 409 `WEBHOOK_DISABLED`, a revoked one 409 `WEBHOOK_REVOKED`.

    **Access:** `admin` only; API keys with scope `webhooks:write`.

    Args:
        webhook_id (UUID):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotifyDeliveryOut | Problem
    """

    return sync_detailed(
        webhook_id=webhook_id,
        client=client,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    webhook_id: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Response[NotifyDeliveryOut | Problem]:
    """Send a test delivery to a webhook.

     Queues a signed CloudEvent of type `notify.webhook.test` (its `data`:
    `{"webhook_id", "message"}`) to the caller's own active webhook, whatever types it
    subscribes to; the answer is the delivery, to follow in the delivery log. A disabled
    webhook is 409 `WEBHOOK_DISABLED`, a revoked one 409 `WEBHOOK_REVOKED`.

    **Access:** `admin` only; API keys with scope `webhooks:write`.

    Args:
        webhook_id (UUID):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotifyDeliveryOut | Problem]
    """

    kwargs = _get_kwargs(
        webhook_id=webhook_id,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    webhook_id: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> NotifyDeliveryOut | Problem | None:
    """Send a test delivery to a webhook.

     Queues a signed CloudEvent of type `notify.webhook.test` (its `data`:
    `{"webhook_id", "message"}`) to the caller's own active webhook, whatever types it
    subscribes to; the answer is the delivery, to follow in the delivery log. A disabled
    webhook is 409 `WEBHOOK_DISABLED`, a revoked one 409 `WEBHOOK_REVOKED`.

    **Access:** `admin` only; API keys with scope `webhooks:write`.

    Args:
        webhook_id (UUID):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotifyDeliveryOut | Problem
    """

    return (
        await asyncio_detailed(
            webhook_id=webhook_id,
            client=client,
            idempotency_key=idempotency_key,
        )
    ).parsed
