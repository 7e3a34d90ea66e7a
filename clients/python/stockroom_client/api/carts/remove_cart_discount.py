from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.cart import Cart
from ...models.error import Error
from ...models.remove_cart_discount_response_429 import RemoveCartDiscountResponse429
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    x_cart_token: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_cart_token, Unset):
        headers["X-Cart-Token"] = x_cart_token

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/v1/cart/discount",
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Cart | Error | RemoveCartDiscountResponse429:
    if response.status_code == 200:
        response_200 = Cart.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 429:
        response_429 = RemoveCartDiscountResponse429.from_dict(response.json())

        return response_429

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Cart | Error | RemoveCartDiscountResponse429]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    x_cart_token: str | Unset = UNSET,
) -> Response[Cart | Error | RemoveCartDiscountResponse429]:
    """Remove the discount code from the cart

    Args:
        x_cart_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Cart | Error | RemoveCartDiscountResponse429]
    """

    kwargs = _get_kwargs(
        x_cart_token=x_cart_token,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    x_cart_token: str | Unset = UNSET,
) -> Cart | Error | RemoveCartDiscountResponse429 | None:
    """Remove the discount code from the cart

    Args:
        x_cart_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Cart | Error | RemoveCartDiscountResponse429
    """

    return sync_detailed(
        client=client,
        x_cart_token=x_cart_token,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    x_cart_token: str | Unset = UNSET,
) -> Response[Cart | Error | RemoveCartDiscountResponse429]:
    """Remove the discount code from the cart

    Args:
        x_cart_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Cart | Error | RemoveCartDiscountResponse429]
    """

    kwargs = _get_kwargs(
        x_cart_token=x_cart_token,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    x_cart_token: str | Unset = UNSET,
) -> Cart | Error | RemoveCartDiscountResponse429 | None:
    """Remove the discount code from the cart

    Args:
        x_cart_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Cart | Error | RemoveCartDiscountResponse429
    """

    return (
        await asyncio_detailed(
            client=client,
            x_cart_token=x_cart_token,
        )
    ).parsed
