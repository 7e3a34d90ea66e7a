from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.cart import Cart
from ...models.cart_item_update import CartItemUpdate
from ...models.error import Error
from ...models.update_cart_item_response_409 import UpdateCartItemResponse409
from ...models.update_cart_item_response_422 import UpdateCartItemResponse422
from ...models.update_cart_item_response_429 import UpdateCartItemResponse429
from ...types import UNSET, Response, Unset


def _get_kwargs(
    item_id: int,
    *,
    body: CartItemUpdate,
    x_cart_token: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_cart_token, Unset):
        headers["X-Cart-Token"] = x_cart_token

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/cart/items/{item_id}".format(
            item_id=quote(str(item_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Cart | Error | UpdateCartItemResponse409 | UpdateCartItemResponse422 | UpdateCartItemResponse429:
    if response.status_code == 200:
        response_200 = Cart.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = UpdateCartItemResponse409.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = UpdateCartItemResponse422.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = UpdateCartItemResponse429.from_dict(response.json())

        return response_429

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Cart | Error | UpdateCartItemResponse409 | UpdateCartItemResponse422 | UpdateCartItemResponse429]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    item_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: CartItemUpdate,
    x_cart_token: str | Unset = UNSET,
) -> Response[Cart | Error | UpdateCartItemResponse409 | UpdateCartItemResponse422 | UpdateCartItemResponse429]:
    """Change a line's quantity

    Args:
        item_id (int):
        x_cart_token (str | Unset):
        body (CartItemUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Cart | Error | UpdateCartItemResponse409 | UpdateCartItemResponse422 | UpdateCartItemResponse429]
    """

    kwargs = _get_kwargs(
        item_id=item_id,
        body=body,
        x_cart_token=x_cart_token,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    item_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: CartItemUpdate,
    x_cart_token: str | Unset = UNSET,
) -> Cart | Error | UpdateCartItemResponse409 | UpdateCartItemResponse422 | UpdateCartItemResponse429 | None:
    """Change a line's quantity

    Args:
        item_id (int):
        x_cart_token (str | Unset):
        body (CartItemUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Cart | Error | UpdateCartItemResponse409 | UpdateCartItemResponse422 | UpdateCartItemResponse429
    """

    return sync_detailed(
        item_id=item_id,
        client=client,
        body=body,
        x_cart_token=x_cart_token,
    ).parsed


async def asyncio_detailed(
    item_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: CartItemUpdate,
    x_cart_token: str | Unset = UNSET,
) -> Response[Cart | Error | UpdateCartItemResponse409 | UpdateCartItemResponse422 | UpdateCartItemResponse429]:
    """Change a line's quantity

    Args:
        item_id (int):
        x_cart_token (str | Unset):
        body (CartItemUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Cart | Error | UpdateCartItemResponse409 | UpdateCartItemResponse422 | UpdateCartItemResponse429]
    """

    kwargs = _get_kwargs(
        item_id=item_id,
        body=body,
        x_cart_token=x_cart_token,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    item_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: CartItemUpdate,
    x_cart_token: str | Unset = UNSET,
) -> Cart | Error | UpdateCartItemResponse409 | UpdateCartItemResponse422 | UpdateCartItemResponse429 | None:
    """Change a line's quantity

    Args:
        item_id (int):
        x_cart_token (str | Unset):
        body (CartItemUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Cart | Error | UpdateCartItemResponse409 | UpdateCartItemResponse422 | UpdateCartItemResponse429
    """

    return (
        await asyncio_detailed(
            item_id=item_id,
            client=client,
            body=body,
            x_cart_token=x_cart_token,
        )
    ).parsed
