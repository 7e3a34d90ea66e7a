from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.list_order_returns_response_401 import ListOrderReturnsResponse401
from ...models.return_ import Return
from ...types import UNSET, Response, Unset


def _get_kwargs(
    order_id: int,
    *,
    x_order_token: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_order_token, Unset):
        headers["X-Order-Token"] = x_order_token

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/orders/{order_id}/returns".format(
            order_id=quote(str(order_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | ListOrderReturnsResponse401 | list[Return]:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Return.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ListOrderReturnsResponse401.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | ListOrderReturnsResponse401 | list[Return]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    order_id: int,
    *,
    client: AuthenticatedClient | Client,
    x_order_token: str | Unset = UNSET,
) -> Response[Error | ListOrderReturnsResponse401 | list[Return]]:
    """My order's returns

    Args:
        order_id (int):
        x_order_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ListOrderReturnsResponse401 | list[Return]]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        x_order_token=x_order_token,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    order_id: int,
    *,
    client: AuthenticatedClient | Client,
    x_order_token: str | Unset = UNSET,
) -> Error | ListOrderReturnsResponse401 | list[Return] | None:
    """My order's returns

    Args:
        order_id (int):
        x_order_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ListOrderReturnsResponse401 | list[Return]
    """

    return sync_detailed(
        order_id=order_id,
        client=client,
        x_order_token=x_order_token,
    ).parsed


async def asyncio_detailed(
    order_id: int,
    *,
    client: AuthenticatedClient | Client,
    x_order_token: str | Unset = UNSET,
) -> Response[Error | ListOrderReturnsResponse401 | list[Return]]:
    """My order's returns

    Args:
        order_id (int):
        x_order_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ListOrderReturnsResponse401 | list[Return]]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        x_order_token=x_order_token,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    order_id: int,
    *,
    client: AuthenticatedClient | Client,
    x_order_token: str | Unset = UNSET,
) -> Error | ListOrderReturnsResponse401 | list[Return] | None:
    """My order's returns

    Args:
        order_id (int):
        x_order_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ListOrderReturnsResponse401 | list[Return]
    """

    return (
        await asyncio_detailed(
            order_id=order_id,
            client=client,
            x_order_token=x_order_token,
        )
    ).parsed
