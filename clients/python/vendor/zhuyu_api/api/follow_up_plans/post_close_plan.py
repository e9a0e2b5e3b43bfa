from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.visits_close_plan_in import VisitsClosePlanIn
from ...models.visits_follow_up_plan_out import VisitsFollowUpPlanOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    plan_id: UUID,
    *,
    body: VisitsClosePlanIn,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/follow-up-plans/{plan_id}/close".format(
            plan_id=quote(str(plan_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | VisitsFollowUpPlanOut | None:
    if response.status_code == 200:
        response_200 = VisitsFollowUpPlanOut.from_dict(response.json())

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
) -> Response[Problem | VisitsFollowUpPlanOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    body: VisitsClosePlanIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | VisitsFollowUpPlanOut]:
    """End a follow-up plan with its reason (goals met, refused, lost contact, deceased, moved, other).

     Its open follow-ups are cancelled. `callback_on` asks for a callback after closure
    (结案后回访): a follow-up due that day, which opens no other once recorded. A plan
    closed already is 409 `INVALID_TRANSITION`; case management is closed by case
    managers, doctors and administrators only (403 for others).

    **Access:** staff roles `case_manager`, `doctor`, `point_admin` and `admin`; API keys with scope
    `visits:write`.

    Args:
        plan_id (UUID):
        idempotency_key (str | Unset):
        body (VisitsClosePlanIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VisitsFollowUpPlanOut]
    """

    kwargs = _get_kwargs(
        plan_id=plan_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    body: VisitsClosePlanIn,
    idempotency_key: str | Unset = UNSET,
) -> Problem | VisitsFollowUpPlanOut | None:
    """End a follow-up plan with its reason (goals met, refused, lost contact, deceased, moved, other).

     Its open follow-ups are cancelled. `callback_on` asks for a callback after closure
    (结案后回访): a follow-up due that day, which opens no other once recorded. A plan
    closed already is 409 `INVALID_TRANSITION`; case management is closed by case
    managers, doctors and administrators only (403 for others).

    **Access:** staff roles `case_manager`, `doctor`, `point_admin` and `admin`; API keys with scope
    `visits:write`.

    Args:
        plan_id (UUID):
        idempotency_key (str | Unset):
        body (VisitsClosePlanIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VisitsFollowUpPlanOut
    """

    return sync_detailed(
        plan_id=plan_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    body: VisitsClosePlanIn,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | VisitsFollowUpPlanOut]:
    """End a follow-up plan with its reason (goals met, refused, lost contact, deceased, moved, other).

     Its open follow-ups are cancelled. `callback_on` asks for a callback after closure
    (结案后回访): a follow-up due that day, which opens no other once recorded. A plan
    closed already is 409 `INVALID_TRANSITION`; case management is closed by case
    managers, doctors and administrators only (403 for others).

    **Access:** staff roles `case_manager`, `doctor`, `point_admin` and `admin`; API keys with scope
    `visits:write`.

    Args:
        plan_id (UUID):
        idempotency_key (str | Unset):
        body (VisitsClosePlanIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VisitsFollowUpPlanOut]
    """

    kwargs = _get_kwargs(
        plan_id=plan_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    body: VisitsClosePlanIn,
    idempotency_key: str | Unset = UNSET,
) -> Problem | VisitsFollowUpPlanOut | None:
    """End a follow-up plan with its reason (goals met, refused, lost contact, deceased, moved, other).

     Its open follow-ups are cancelled. `callback_on` asks for a callback after closure
    (结案后回访): a follow-up due that day, which opens no other once recorded. A plan
    closed already is 409 `INVALID_TRANSITION`; case management is closed by case
    managers, doctors and administrators only (403 for others).

    **Access:** staff roles `case_manager`, `doctor`, `point_admin` and `admin`; API keys with scope
    `visits:write`.

    Args:
        plan_id (UUID):
        idempotency_key (str | Unset):
        body (VisitsClosePlanIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VisitsFollowUpPlanOut
    """

    return (
        await asyncio_detailed(
            plan_id=plan_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
