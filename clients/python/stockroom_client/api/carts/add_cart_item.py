from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.add_cart_item_response_409 import AddCartItemResponse409
from ...models.add_cart_item_response_422 import AddCartItemResponse422
from ...models.add_cart_item_response_429 import AddCartItemResponse429
from ...models.cart import Cart
from ...models.cart_item_create import CartItemCreate
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CartItemCreate,
    x_cart_token: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_cart_token, Unset):
        headers["X-Cart-Token"] = x_cart_token

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/cart/items",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AddCartItemResponse409 | AddCartItemResponse422 | AddCartItemResponse429 | Cart | Error:
    if response.status_code == 201:
        response_201 = Cart.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 409:
        response_409 = AddCartItemResponse409.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = AddCartItemResponse422.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = AddCartItemResponse429.from_dict(response.json())

        return response_429

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AddCartItemResponse409 | AddCartItemResponse422 | AddCartItemResponse429 | Cart | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CartItemCreate,
    x_cart_token: str | Unset = UNSET,
) -> Response[AddCartItemResponse409 | AddCartItemResponse422 | AddCartItemResponse429 | Cart | Error]:
    """Add a variant to the cart (adds to the line if it is there)

    Args:
        x_cart_token (str | Unset):
        body (CartItemCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AddCartItemResponse409 | AddCartItemResponse422 | AddCartItemResponse429 | Cart | Error]
    """

    kwargs = _get_kwargs(
        body=body,
        x_cart_token=x_cart_token,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: CartItemCreate,
    x_cart_token: str | Unset = UNSET,
) -> AddCartItemResponse409 | AddCartItemResponse422 | AddCartItemResponse429 | Cart | Error | None:
    """Add a variant to the cart (adds to the line if it is there)

    Args:
        x_cart_token (str | Unset):
        body (CartItemCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AddCartItemResponse409 | AddCartItemResponse422 | AddCartItemResponse429 | Cart | Error
    """

    return sync_detailed(
        client=client,
        body=body,
        x_cart_token=x_cart_token,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CartItemCreate,
    x_cart_token: str | Unset = UNSET,
) -> Response[AddCartItemResponse409 | AddCartItemResponse422 | AddCartItemResponse429 | Cart | Error]:
    """Add a variant to the cart (adds to the line if it is there)

    Args:
        x_cart_token (str | Unset):
        body (CartItemCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AddCartItemResponse409 | AddCartItemResponse422 | AddCartItemResponse429 | Cart | Error]
    """

    kwargs = _get_kwargs(
        body=body,
        x_cart_token=x_cart_token,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CartItemCreate,
    x_cart_token: str | Unset = UNSET,
) -> AddCartItemResponse409 | AddCartItemResponse422 | AddCartItemResponse429 | Cart | Error | None:
    """Add a variant to the cart (adds to the line if it is there)

    Args:
        x_cart_token (str | Unset):
        body (CartItemCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AddCartItemResponse409 | AddCartItemResponse422 | AddCartItemResponse429 | Cart | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_cart_token=x_cart_token,
        )
    ).parsed
