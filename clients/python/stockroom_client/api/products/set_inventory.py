from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.inventory import Inventory
from ...models.set_inventory_response_404 import SetInventoryResponse404
from ...models.set_inventory_response_409 import SetInventoryResponse409
from ...models.variant import Variant
from ...types import Response


def _get_kwargs(
    variant_id: int,
    *,
    body: Inventory,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/variants/{variant_id}/inventory".format(
            variant_id=quote(str(variant_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | SetInventoryResponse404 | SetInventoryResponse409 | Variant:
    if response.status_code == 200:
        response_200 = Variant.from_dict(response.json())

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
        response_404 = SetInventoryResponse404.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = SetInventoryResponse409.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | SetInventoryResponse404 | SetInventoryResponse409 | Variant]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    variant_id: int,
    *,
    client: AuthenticatedClient,
    body: Inventory,
) -> Response[Error | SetInventoryResponse404 | SetInventoryResponse409 | Variant]:
    """Set a variant's stock on hand at a location, and its low-stock threshold

    Args:
        variant_id (int):
        body (Inventory):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SetInventoryResponse404 | SetInventoryResponse409 | Variant]
    """

    kwargs = _get_kwargs(
        variant_id=variant_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    variant_id: int,
    *,
    client: AuthenticatedClient,
    body: Inventory,
) -> Error | SetInventoryResponse404 | SetInventoryResponse409 | Variant | None:
    """Set a variant's stock on hand at a location, and its low-stock threshold

    Args:
        variant_id (int):
        body (Inventory):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SetInventoryResponse404 | SetInventoryResponse409 | Variant
    """

    return sync_detailed(
        variant_id=variant_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    variant_id: int,
    *,
    client: AuthenticatedClient,
    body: Inventory,
) -> Response[Error | SetInventoryResponse404 | SetInventoryResponse409 | Variant]:
    """Set a variant's stock on hand at a location, and its low-stock threshold

    Args:
        variant_id (int):
        body (Inventory):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SetInventoryResponse404 | SetInventoryResponse409 | Variant]
    """

    kwargs = _get_kwargs(
        variant_id=variant_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    variant_id: int,
    *,
    client: AuthenticatedClient,
    body: Inventory,
) -> Error | SetInventoryResponse404 | SetInventoryResponse409 | Variant | None:
    """Set a variant's stock on hand at a location, and its low-stock threshold

    Args:
        variant_id (int):
        body (Inventory):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SetInventoryResponse404 | SetInventoryResponse409 | Variant
    """

    return (
        await asyncio_detailed(
            variant_id=variant_id,
            client=client,
            body=body,
        )
    ).parsed
