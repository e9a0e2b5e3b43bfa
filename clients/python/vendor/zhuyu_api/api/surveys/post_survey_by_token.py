from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.complaints_survey_out import ComplaintsSurveyOut
from ...models.complaints_token_survey_in import ComplaintsTokenSurveyIn
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    token: str,
    *,
    body: ComplaintsTokenSurveyIn,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/surveys/by-token/{token}".format(
            token=quote(str(token), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ComplaintsSurveyOut | Problem | None:
    if response.status_code == 201:
        response_201 = ComplaintsSurveyOut.from_dict(response.json())

        return response_201

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
) -> Response[ComplaintsSurveyOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    token: str,
    *,
    client: AuthenticatedClient | Client,
    body: ComplaintsTokenSurveyIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[ComplaintsSurveyOut | Problem]:
    """A survey link answered by an elder or family without an account (single use).

     **Access:** public, no credentials.

    Args:
        token (str):
        idempotency_key (str | Unset):
        body (ComplaintsTokenSurveyIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ComplaintsSurveyOut | Problem]
    """

    kwargs = _get_kwargs(
        token=token,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    token: str,
    *,
    client: AuthenticatedClient | Client,
    body: ComplaintsTokenSurveyIn,
    idempotency_key: str | Unset = UNSET,
) -> ComplaintsSurveyOut | Problem | None:
    """A survey link answered by an elder or family without an account (single use).

     **Access:** public, no credentials.

    Args:
        token (str):
        idempotency_key (str | Unset):
        body (ComplaintsTokenSurveyIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ComplaintsSurveyOut | Problem
    """

    return sync_detailed(
        token=token,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    token: str,
    *,
    client: AuthenticatedClient | Client,
    body: ComplaintsTokenSurveyIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[ComplaintsSurveyOut | Problem]:
    """A survey link answered by an elder or family without an account (single use).

     **Access:** public, no credentials.

    Args:
        token (str):
        idempotency_key (str | Unset):
        body (ComplaintsTokenSurveyIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ComplaintsSurveyOut | Problem]
    """

    kwargs = _get_kwargs(
        token=token,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    token: str,
    *,
    client: AuthenticatedClient | Client,
    body: ComplaintsTokenSurveyIn,
    idempotency_key: str | Unset = UNSET,
) -> ComplaintsSurveyOut | Problem | None:
    """A survey link answered by an elder or family without an account (single use).

     **Access:** public, no credentials.

    Args:
        token (str):
        idempotency_key (str | Unset):
        body (ComplaintsTokenSurveyIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ComplaintsSurveyOut | Problem
    """

    return (
        await asyncio_detailed(
            token=token,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
