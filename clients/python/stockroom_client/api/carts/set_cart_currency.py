from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.cart import Cart
from ...models.cart_currency import CartCurrency
from ...models.error import Error
from ...models.set_cart_currency_response_409 import SetCartCurrencyResponse409
from ...models.set_cart_currency_response_429 import SetCartCurrencyResponse429
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CartCurrency,
    x_cart_token: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_cart_token, Unset):
        headers["X-Cart-Token"] = x_cart_token

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/cart/currency",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Cart | Error | SetCartCurrencyResponse409 | SetCartCurrencyResponse429:
    if response.status_code == 200:
        response_200 = Cart.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 409:
        response_409 = SetCartCurrencyResponse409.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = SetCartCurrencyResponse429.from_dict(response.json())

        return response_429

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Cart | Error | SetCartCurrencyResponse409 | SetCartCurrencyResponse429]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CartCurrency,
    x_cart_token: str | Unset = UNSET,
) -> Response[Cart | Error | SetCartCurrencyResponse409 | SetCartCurrencyResponse429]:
    """Price and charge the cart in a currency (every line must be priced in it)

    Args:
        x_cart_token (str | Unset):
        body (CartCurrency):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Cart | Error | SetCartCurrencyResponse409 | SetCartCurrencyResponse429]
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
    body: CartCurrency,
    x_cart_token: str | Unset = UNSET,
) -> Cart | Error | SetCartCurrencyResponse409 | SetCartCurrencyResponse429 | None:
    """Price and charge the cart in a currency (every line must be priced in it)

    Args:
        x_cart_token (str | Unset):
        body (CartCurrency):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Cart | Error | SetCartCurrencyResponse409 | SetCartCurrencyResponse429
    """

    return sync_detailed(
        client=client,
        body=body,
        x_cart_token=x_cart_token,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CartCurrency,
    x_cart_token: str | Unset = UNSET,
) -> Response[Cart | Error | SetCartCurrencyResponse409 | SetCartCurrencyResponse429]:
    """Price and charge the cart in a currency (every line must be priced in it)

    Args:
        x_cart_token (str | Unset):
        body (CartCurrency):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Cart | Error | SetCartCurrencyResponse409 | SetCartCurrencyResponse429]
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
    body: CartCurrency,
    x_cart_token: str | Unset = UNSET,
) -> Cart | Error | SetCartCurrencyResponse409 | SetCartCurrencyResponse429 | None:
    """Price and charge the cart in a currency (every line must be priced in it)

    Args:
        x_cart_token (str | Unset):
        body (CartCurrency):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Cart | Error | SetCartCurrencyResponse409 | SetCartCurrencyResponse429
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_cart_token=x_cart_token,
        )
    ).parsed
