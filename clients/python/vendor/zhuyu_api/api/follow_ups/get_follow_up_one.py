from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.visits_follow_up_record_view import VisitsFollowUpRecordView
from ...types import Response


def _get_kwargs(
    follow_up_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/follow-ups/{follow_up_id}".format(
            follow_up_id=quote(str(follow_up_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | VisitsFollowUpRecordView | None:
    if response.status_code == 200:
        response_200 = VisitsFollowUpRecordView.from_dict(response.json())

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
) -> Response[Problem | VisitsFollowUpRecordView]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    follow_up_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | VisitsFollowUpRecordView]:
    """One follow-up and what was recorded at it.

     A case-management follow-up exists only for case managers, doctors and administrators
    (seed 003: its keeper keeps it confidential); to anyone else it is 404, as is another
    point's follow-up to a point's staff.

    **Access:** staff roles `case_manager`, `city_operator`, `doctor`, `point_admin` and `admin`; API
    keys with scope `visits:read`.

    Args:
        follow_up_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VisitsFollowUpRecordView]
    """

    kwargs = _get_kwargs(
        follow_up_id=follow_up_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    follow_up_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | VisitsFollowUpRecordView | None:
    """One follow-up and what was recorded at it.

     A case-management follow-up exists only for case managers, doctors and administrators
    (seed 003: its keeper keeps it confidential); to anyone else it is 404, as is another
    point's follow-up to a point's staff.

    **Access:** staff roles `case_manager`, `city_operator`, `doctor`, `point_admin` and `admin`; API
    keys with scope `visits:read`.

    Args:
        follow_up_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VisitsFollowUpRecordView
    """

    return sync_detailed(
        follow_up_id=follow_up_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    follow_up_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | VisitsFollowUpRecordView]:
    """One follow-up and what was recorded at it.

     A case-management follow-up exists only for case managers, doctors and administrators
    (seed 003: its keeper keeps it confidential); to anyone else it is 404, as is another
    point's follow-up to a point's staff.

    **Access:** staff roles `case_manager`, `city_operator`, `doctor`, `point_admin` and `admin`; API
    keys with scope `visits:read`.

    Args:
        follow_up_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VisitsFollowUpRecordView]
    """

    kwargs = _get_kwargs(
        follow_up_id=follow_up_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    follow_up_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | VisitsFollowUpRecordView | None:
    """One follow-up and what was recorded at it.

     A case-management follow-up exists only for case managers, doctors and administrators
    (seed 003: its keeper keeps it confidential); to anyone else it is 404, as is another
    point's follow-up to a point's staff.

    **Access:** staff roles `case_manager`, `city_operator`, `doctor`, `point_admin` and `admin`; API
    keys with scope `visits:read`.

    Args:
        follow_up_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VisitsFollowUpRecordView
    """

    return (
        await asyncio_detailed(
            follow_up_id=follow_up_id,
            client=client,
        )
    ).parsed
