from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.product import Product
from ...models.product_update import ProductUpdate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    product: str,
    *,
    body: ProductUpdate | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/products/{product}".format(
            product=quote(str(product), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Product:
    if response.status_code == 200:
        response_200 = Product.from_dict(response.json())

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

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Product]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    product: str,
    *,
    client: AuthenticatedClient,
    body: ProductUpdate | Unset = UNSET,
) -> Response[Error | Product]:
    """Change a product

    Args:
        product (str): The product's id or its slug
        body (ProductUpdate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Product]
    """

    kwargs = _get_kwargs(
        product=product,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    product: str,
    *,
    client: AuthenticatedClient,
    body: ProductUpdate | Unset = UNSET,
) -> Error | Product | None:
    """Change a product

    Args:
        product (str): The product's id or its slug
        body (ProductUpdate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Product
    """

    return sync_detailed(
        product=product,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    product: str,
    *,
    client: AuthenticatedClient,
    body: ProductUpdate | Unset = UNSET,
) -> Response[Error | Product]:
    """Change a product

    Args:
        product (str): The product's id or its slug
        body (ProductUpdate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Product]
    """

    kwargs = _get_kwargs(
        product=product,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    product: str,
    *,
    client: AuthenticatedClient,
    body: ProductUpdate | Unset = UNSET,
) -> Error | Product | None:
    """Change a product

    Args:
        product (str): The product's id or its slug
        body (ProductUpdate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Product
    """

    return (
        await asyncio_detailed(
            product=product,
            client=client,
            body=body,
        )
    ).parsed
