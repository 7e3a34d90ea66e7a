from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.create_shipping_zone_response_409 import CreateShippingZoneResponse409
from ...models.error import Error
from ...models.zone import Zone
from ...models.zone_create import ZoneCreate
from ...types import Response


def _get_kwargs(
    *,
    body: ZoneCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/admin/shipping-zones",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreateShippingZoneResponse409 | Error | Zone:
    if response.status_code == 201:
        response_201 = Zone.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = CreateShippingZoneResponse409.from_dict(response.json())

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
) -> Response[CreateShippingZoneResponse409 | Error | Zone]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ZoneCreate,
) -> Response[CreateShippingZoneResponse409 | Error | Zone]:
    """Create a shipping zone (a country belongs to one zone at most)

    Args:
        body (ZoneCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateShippingZoneResponse409 | Error | Zone]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ZoneCreate,
) -> CreateShippingZoneResponse409 | Error | Zone | None:
    """Create a shipping zone (a country belongs to one zone at most)

    Args:
        body (ZoneCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateShippingZoneResponse409 | Error | Zone
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ZoneCreate,
) -> Response[CreateShippingZoneResponse409 | Error | Zone]:
    """Create a shipping zone (a country belongs to one zone at most)

    Args:
        body (ZoneCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateShippingZoneResponse409 | Error | Zone]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ZoneCreate,
) -> CreateShippingZoneResponse409 | Error | Zone | None:
    """Create a shipping zone (a country belongs to one zone at most)

    Args:
        body (ZoneCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateShippingZoneResponse409 | Error | Zone
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
