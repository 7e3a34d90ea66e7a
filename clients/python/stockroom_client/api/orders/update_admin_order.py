from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.admin_order_detail import AdminOrderDetail
from ...models.admin_order_update import AdminOrderUpdate
from ...models.error import Error
from ...models.update_admin_order_response_409 import UpdateAdminOrderResponse409
from ...models.update_admin_order_response_422 import UpdateAdminOrderResponse422
from ...types import UNSET, Response, Unset


def _get_kwargs(
    order_id: int,
    *,
    body: AdminOrderUpdate | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/admin/orders/{order_id}".format(
            order_id=quote(str(order_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AdminOrderDetail | Error | UpdateAdminOrderResponse409 | UpdateAdminOrderResponse422:
    if response.status_code == 200:
        response_200 = AdminOrderDetail.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = UpdateAdminOrderResponse409.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = UpdateAdminOrderResponse422.from_dict(response.json())

        return response_422

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AdminOrderDetail | Error | UpdateAdminOrderResponse409 | UpdateAdminOrderResponse422]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    order_id: int,
    *,
    client: AuthenticatedClient,
    body: AdminOrderUpdate | Unset = UNSET,
) -> Response[AdminOrderDetail | Error | UpdateAdminOrderResponse409 | UpdateAdminOrderResponse422]:
    """Move an order along its states (shipped ships what is left), set its tracking

    Args:
        order_id (int):
        body (AdminOrderUpdate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AdminOrderDetail | Error | UpdateAdminOrderResponse409 | UpdateAdminOrderResponse422]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    order_id: int,
    *,
    client: AuthenticatedClient,
    body: AdminOrderUpdate | Unset = UNSET,
) -> AdminOrderDetail | Error | UpdateAdminOrderResponse409 | UpdateAdminOrderResponse422 | None:
    """Move an order along its states (shipped ships what is left), set its tracking

    Args:
        order_id (int):
        body (AdminOrderUpdate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AdminOrderDetail | Error | UpdateAdminOrderResponse409 | UpdateAdminOrderResponse422
    """

    return sync_detailed(
        order_id=order_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    order_id: int,
    *,
    client: AuthenticatedClient,
    body: AdminOrderUpdate | Unset = UNSET,
) -> Response[AdminOrderDetail | Error | UpdateAdminOrderResponse409 | UpdateAdminOrderResponse422]:
    """Move an order along its states (shipped ships what is left), set its tracking

    Args:
        order_id (int):
        body (AdminOrderUpdate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AdminOrderDetail | Error | UpdateAdminOrderResponse409 | UpdateAdminOrderResponse422]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    order_id: int,
    *,
    client: AuthenticatedClient,
    body: AdminOrderUpdate | Unset = UNSET,
) -> AdminOrderDetail | Error | UpdateAdminOrderResponse409 | UpdateAdminOrderResponse422 | None:
    """Move an order along its states (shipped ships what is left), set its tracking

    Args:
        order_id (int):
        body (AdminOrderUpdate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AdminOrderDetail | Error | UpdateAdminOrderResponse409 | UpdateAdminOrderResponse422
    """

    return (
        await asyncio_detailed(
            order_id=order_id,
            client=client,
            body=body,
        )
    ).parsed
