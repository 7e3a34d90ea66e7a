from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.delete_product_response_409 import DeleteProductResponse409
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    product: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/v1/products/{product}".format(
            product=quote(str(product), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | DeleteProductResponse409 | Error:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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
        response_409 = DeleteProductResponse409.from_dict(response.json())

        return response_409

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | DeleteProductResponse409 | Error]:
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
) -> Response[Any | DeleteProductResponse409 | Error]:
    """Delete a product with its variants and images

    Args:
        product (str): The product's id or its slug

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | DeleteProductResponse409 | Error]
    """

    kwargs = _get_kwargs(
        product=product,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    product: str,
    *,
    client: AuthenticatedClient,
) -> Any | DeleteProductResponse409 | Error | None:
    """Delete a product with its variants and images

    Args:
        product (str): The product's id or its slug

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | DeleteProductResponse409 | Error
    """

    return sync_detailed(
        product=product,
        client=client,
    ).parsed


async def asyncio_detailed(
    product: str,
    *,
    client: AuthenticatedClient,
) -> Response[Any | DeleteProductResponse409 | Error]:
    """Delete a product with its variants and images

    Args:
        product (str): The product's id or its slug

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | DeleteProductResponse409 | Error]
    """

    kwargs = _get_kwargs(
        product=product,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    product: str,
    *,
    client: AuthenticatedClient,
) -> Any | DeleteProductResponse409 | Error | None:
    """Delete a product with its variants and images

    Args:
        product (str): The product's id or its slug

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | DeleteProductResponse409 | Error
    """

    return (
        await asyncio_detailed(
            product=product,
            client=client,
        )
    ).parsed
