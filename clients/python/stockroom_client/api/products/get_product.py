from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.product import Product
from ...types import UNSET, Response, Unset


def _get_kwargs(
    product: str,
    *,
    currency: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    params["currency"] = currency

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/products/{product}".format(
            product=quote(str(product), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Error | Product:
    if response.status_code == 200:
        response_200 = Product.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Error | Product]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    product: str,
    *,
    client: AuthenticatedClient | Client,
    currency: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | Error | Product]:
    """One product, by id or slug, with its variants and images

    Args:
        product (str): The product's id or its slug
        currency (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | Product]
    """

    kwargs = _get_kwargs(
        product=product,
        currency=currency,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    product: str,
    *,
    client: AuthenticatedClient | Client,
    currency: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | Error | Product | None:
    """One product, by id or slug, with its variants and images

    Args:
        product (str): The product's id or its slug
        currency (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | Product
    """

    return sync_detailed(
        product=product,
        client=client,
        currency=currency,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    product: str,
    *,
    client: AuthenticatedClient | Client,
    currency: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | Error | Product]:
    """One product, by id or slug, with its variants and images

    Args:
        product (str): The product's id or its slug
        currency (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | Product]
    """

    kwargs = _get_kwargs(
        product=product,
        currency=currency,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    product: str,
    *,
    client: AuthenticatedClient | Client,
    currency: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | Error | Product | None:
    """One product, by id or slug, with its variants and images

    Args:
        product (str): The product's id or its slug
        currency (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | Product
    """

    return (
        await asyncio_detailed(
            product=product,
            client=client,
            currency=currency,
            if_none_match=if_none_match,
        )
    ).parsed
