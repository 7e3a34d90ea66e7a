from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.admin_order import AdminOrder
from ...models.error import Error
from ...models.list_admin_orders_status import ListAdminOrdersStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: ListAdminOrdersStatus | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
    q: str | Unset = UNSET,
    user_id: int | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["created_from"] = created_from

    params["created_to"] = created_to

    params["q"] = q

    params["user_id"] = user_id

    params["page"] = page

    params["page_size"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/admin/orders",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | list[AdminOrder]:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = AdminOrder.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | list[AdminOrder]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: ListAdminOrdersStatus | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
    q: str | Unset = UNSET,
    user_id: int | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[Error | list[AdminOrder]]:
    """List every order: by status, creation dates, number or email

    Args:
        status (ListAdminOrdersStatus | Unset):
        created_from (str | Unset):
        created_to (str | Unset):
        q (str | Unset):
        user_id (int | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[AdminOrder]]
    """

    kwargs = _get_kwargs(
        status=status,
        created_from=created_from,
        created_to=created_to,
        q=q,
        user_id=user_id,
        page=page,
        page_size=page_size,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: ListAdminOrdersStatus | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
    q: str | Unset = UNSET,
    user_id: int | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Error | list[AdminOrder] | None:
    """List every order: by status, creation dates, number or email

    Args:
        status (ListAdminOrdersStatus | Unset):
        created_from (str | Unset):
        created_to (str | Unset):
        q (str | Unset):
        user_id (int | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[AdminOrder]
    """

    return sync_detailed(
        client=client,
        status=status,
        created_from=created_from,
        created_to=created_to,
        q=q,
        user_id=user_id,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: ListAdminOrdersStatus | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
    q: str | Unset = UNSET,
    user_id: int | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[Error | list[AdminOrder]]:
    """List every order: by status, creation dates, number or email

    Args:
        status (ListAdminOrdersStatus | Unset):
        created_from (str | Unset):
        created_to (str | Unset):
        q (str | Unset):
        user_id (int | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[AdminOrder]]
    """

    kwargs = _get_kwargs(
        status=status,
        created_from=created_from,
        created_to=created_to,
        q=q,
        user_id=user_id,
        page=page,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: ListAdminOrdersStatus | Unset = UNSET,
    created_from: str | Unset = UNSET,
    created_to: str | Unset = UNSET,
    q: str | Unset = UNSET,
    user_id: int | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Error | list[AdminOrder] | None:
    """List every order: by status, creation dates, number or email

    Args:
        status (ListAdminOrdersStatus | Unset):
        created_from (str | Unset):
        created_to (str | Unset):
        q (str | Unset):
        user_id (int | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[AdminOrder]
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            created_from=created_from,
            created_to=created_to,
            q=q,
            user_id=user_id,
            page=page,
            page_size=page_size,
        )
    ).parsed
