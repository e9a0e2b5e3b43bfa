from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.complaints_complaint_page import ComplaintsComplaintPage
from ...models.get_complaint_list_status import GetComplaintListStatus
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    status: GetComplaintListStatus | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    service_point_id: UUID | Unset = UNSET,
    complainant_phone: str | Unset = UNSET,
    paused: bool | Unset = UNSET,
    elder_id: UUID | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["overdue"] = overdue

    json_service_point_id: str | Unset = UNSET
    if not isinstance(service_point_id, Unset):
        json_service_point_id = str(service_point_id)
    params["service_point_id"] = json_service_point_id

    params["complainant_phone"] = complainant_phone

    params["paused"] = paused

    json_elder_id: str | Unset = UNSET
    if not isinstance(elder_id, Unset):
        json_elder_id = str(elder_id)
    params["elder_id"] = json_elder_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/complaints",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ComplaintsComplaintPage | Problem | None:
    if response.status_code == 200:
        response_200 = ComplaintsComplaintPage.from_dict(response.json())

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
) -> Response[ComplaintsComplaintPage | Problem]:
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
    status: GetComplaintListStatus | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    service_point_id: UUID | Unset = UNSET,
    complainant_phone: str | Unset = UNSET,
    paused: bool | Unset = UNSET,
    elder_id: UUID | Unset = UNSET,
) -> Response[ComplaintsComplaintPage | Problem]:
    """Records by status, overdue flag, point, a paused clock, the complainant's number (a caller's earlier
    complaints) or the elder they are about (an elder's, whoever called).

     **Access:** staff roles `city_operator`, `cs_agent`, `cs_supervisor`, `point_admin` and `admin`; API
    keys with scope `complaints:read`.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        status (GetComplaintListStatus | Unset):
        overdue (bool | Unset):
        service_point_id (UUID | Unset):
        complainant_phone (str | Unset):
        paused (bool | Unset):
        elder_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ComplaintsComplaintPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        status=status,
        overdue=overdue,
        service_point_id=service_point_id,
        complainant_phone=complainant_phone,
        paused=paused,
        elder_id=elder_id,
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
    status: GetComplaintListStatus | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    service_point_id: UUID | Unset = UNSET,
    complainant_phone: str | Unset = UNSET,
    paused: bool | Unset = UNSET,
    elder_id: UUID | Unset = UNSET,
) -> ComplaintsComplaintPage | Problem | None:
    """Records by status, overdue flag, point, a paused clock, the complainant's number (a caller's earlier
    complaints) or the elder they are about (an elder's, whoever called).

     **Access:** staff roles `city_operator`, `cs_agent`, `cs_supervisor`, `point_admin` and `admin`; API
    keys with scope `complaints:read`.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        status (GetComplaintListStatus | Unset):
        overdue (bool | Unset):
        service_point_id (UUID | Unset):
        complainant_phone (str | Unset):
        paused (bool | Unset):
        elder_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ComplaintsComplaintPage | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        status=status,
        overdue=overdue,
        service_point_id=service_point_id,
        complainant_phone=complainant_phone,
        paused=paused,
        elder_id=elder_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    status: GetComplaintListStatus | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    service_point_id: UUID | Unset = UNSET,
    complainant_phone: str | Unset = UNSET,
    paused: bool | Unset = UNSET,
    elder_id: UUID | Unset = UNSET,
) -> Response[ComplaintsComplaintPage | Problem]:
    """Records by status, overdue flag, point, a paused clock, the complainant's number (a caller's earlier
    complaints) or the elder they are about (an elder's, whoever called).

     **Access:** staff roles `city_operator`, `cs_agent`, `cs_supervisor`, `point_admin` and `admin`; API
    keys with scope `complaints:read`.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        status (GetComplaintListStatus | Unset):
        overdue (bool | Unset):
        service_point_id (UUID | Unset):
        complainant_phone (str | Unset):
        paused (bool | Unset):
        elder_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ComplaintsComplaintPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        status=status,
        overdue=overdue,
        service_point_id=service_point_id,
        complainant_phone=complainant_phone,
        paused=paused,
        elder_id=elder_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    status: GetComplaintListStatus | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    service_point_id: UUID | Unset = UNSET,
    complainant_phone: str | Unset = UNSET,
    paused: bool | Unset = UNSET,
    elder_id: UUID | Unset = UNSET,
) -> ComplaintsComplaintPage | Problem | None:
    """Records by status, overdue flag, point, a paused clock, the complainant's number (a caller's earlier
    complaints) or the elder they are about (an elder's, whoever called).

     **Access:** staff roles `city_operator`, `cs_agent`, `cs_supervisor`, `point_admin` and `admin`; API
    keys with scope `complaints:read`.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        status (GetComplaintListStatus | Unset):
        overdue (bool | Unset):
        service_point_id (UUID | Unset):
        complainant_phone (str | Unset):
        paused (bool | Unset):
        elder_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ComplaintsComplaintPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            status=status,
            overdue=overdue,
            service_point_id=service_point_id,
            complainant_phone=complainant_phone,
            paused=paused,
            elder_id=elder_id,
        )
    ).parsed
