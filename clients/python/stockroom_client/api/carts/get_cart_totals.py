from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.cart_totals import CartTotals
from ...models.error import Error
from ...models.get_cart_totals_country import GetCartTotalsCountry
from ...models.get_cart_totals_response_422 import GetCartTotalsResponse422
from ...models.get_cart_totals_response_503 import GetCartTotalsResponse503
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    country: GetCartTotalsCountry | Unset = UNSET,
    region: str | Unset = UNSET,
    postal_code: str | Unset = UNSET,
    address_id: int | Unset = UNSET,
    shipping_method_id: int | Unset = UNSET,
    x_cart_token: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_cart_token, Unset):
        headers["X-Cart-Token"] = x_cart_token

    params: dict[str, Any] = {}

    json_country: str | Unset = UNSET
    if not isinstance(country, Unset):
        json_country = country.value

    params["country"] = json_country

    params["region"] = region

    params["postal_code"] = postal_code

    params["address_id"] = address_id

    params["shipping_method_id"] = shipping_method_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/cart/totals",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CartTotals | Error | GetCartTotalsResponse422 | GetCartTotalsResponse503:
    if response.status_code == 200:
        response_200 = CartTotals.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 422:
        response_422 = GetCartTotalsResponse422.from_dict(response.json())

        return response_422

    if response.status_code == 503:
        response_503 = GetCartTotalsResponse503.from_dict(response.json())

        return response_503

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CartTotals | Error | GetCartTotalsResponse422 | GetCartTotalsResponse503]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    country: GetCartTotalsCountry | Unset = UNSET,
    region: str | Unset = UNSET,
    postal_code: str | Unset = UNSET,
    address_id: int | Unset = UNSET,
    shipping_method_id: int | Unset = UNSET,
    x_cart_token: str | Unset = UNSET,
) -> Response[CartTotals | Error | GetCartTotalsResponse422 | GetCartTotalsResponse503]:
    """What checkout would charge for my cart now, to a destination and by a method

    Args:
        country (GetCartTotalsCountry | Unset):
        region (str | Unset):
        postal_code (str | Unset):
        address_id (int | Unset):
        shipping_method_id (int | Unset):
        x_cart_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CartTotals | Error | GetCartTotalsResponse422 | GetCartTotalsResponse503]
    """

    kwargs = _get_kwargs(
        country=country,
        region=region,
        postal_code=postal_code,
        address_id=address_id,
        shipping_method_id=shipping_method_id,
        x_cart_token=x_cart_token,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    country: GetCartTotalsCountry | Unset = UNSET,
    region: str | Unset = UNSET,
    postal_code: str | Unset = UNSET,
    address_id: int | Unset = UNSET,
    shipping_method_id: int | Unset = UNSET,
    x_cart_token: str | Unset = UNSET,
) -> CartTotals | Error | GetCartTotalsResponse422 | GetCartTotalsResponse503 | None:
    """What checkout would charge for my cart now, to a destination and by a method

    Args:
        country (GetCartTotalsCountry | Unset):
        region (str | Unset):
        postal_code (str | Unset):
        address_id (int | Unset):
        shipping_method_id (int | Unset):
        x_cart_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CartTotals | Error | GetCartTotalsResponse422 | GetCartTotalsResponse503
    """

    return sync_detailed(
        client=client,
        country=country,
        region=region,
        postal_code=postal_code,
        address_id=address_id,
        shipping_method_id=shipping_method_id,
        x_cart_token=x_cart_token,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    country: GetCartTotalsCountry | Unset = UNSET,
    region: str | Unset = UNSET,
    postal_code: str | Unset = UNSET,
    address_id: int | Unset = UNSET,
    shipping_method_id: int | Unset = UNSET,
    x_cart_token: str | Unset = UNSET,
) -> Response[CartTotals | Error | GetCartTotalsResponse422 | GetCartTotalsResponse503]:
    """What checkout would charge for my cart now, to a destination and by a method

    Args:
        country (GetCartTotalsCountry | Unset):
        region (str | Unset):
        postal_code (str | Unset):
        address_id (int | Unset):
        shipping_method_id (int | Unset):
        x_cart_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CartTotals | Error | GetCartTotalsResponse422 | GetCartTotalsResponse503]
    """

    kwargs = _get_kwargs(
        country=country,
        region=region,
        postal_code=postal_code,
        address_id=address_id,
        shipping_method_id=shipping_method_id,
        x_cart_token=x_cart_token,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    country: GetCartTotalsCountry | Unset = UNSET,
    region: str | Unset = UNSET,
    postal_code: str | Unset = UNSET,
    address_id: int | Unset = UNSET,
    shipping_method_id: int | Unset = UNSET,
    x_cart_token: str | Unset = UNSET,
) -> CartTotals | Error | GetCartTotalsResponse422 | GetCartTotalsResponse503 | None:
    """What checkout would charge for my cart now, to a destination and by a method

    Args:
        country (GetCartTotalsCountry | Unset):
        region (str | Unset):
        postal_code (str | Unset):
        address_id (int | Unset):
        shipping_method_id (int | Unset):
        x_cart_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CartTotals | Error | GetCartTotalsResponse422 | GetCartTotalsResponse503
    """

    return (
        await asyncio_detailed(
            client=client,
            country=country,
            region=region,
            postal_code=postal_code,
            address_id=address_id,
            shipping_method_id=shipping_method_id,
            x_cart_token=x_cart_token,
        )
    ).parsed
