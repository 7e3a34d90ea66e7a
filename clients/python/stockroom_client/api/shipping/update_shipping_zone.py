from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.update_shipping_zone_response_409 import UpdateShippingZoneResponse409
from ...models.zone import Zone
from ...models.zone_update import ZoneUpdate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    zone_id: int,
    *,
    body: ZoneUpdate | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/admin/shipping-zones/{zone_id}".format(
            zone_id=quote(str(zone_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | UpdateShippingZoneResponse409 | Zone:
    if response.status_code == 200:
        response_200 = Zone.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = UpdateShippingZoneResponse409.from_dict(response.json())

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
) -> Response[Error | UpdateShippingZoneResponse409 | Zone]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    zone_id: int,
    *,
    client: AuthenticatedClient,
    body: ZoneUpdate | Unset = UNSET,
) -> Response[Error | UpdateShippingZoneResponse409 | Zone]:
    """Rename a zone or change its countries

    Args:
        zone_id (int):
        body (ZoneUpdate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | UpdateShippingZoneResponse409 | Zone]
    """

    kwargs = _get_kwargs(
        zone_id=zone_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    zone_id: int,
    *,
    client: AuthenticatedClient,
    body: ZoneUpdate | Unset = UNSET,
) -> Error | UpdateShippingZoneResponse409 | Zone | None:
    """Rename a zone or change its countries

    Args:
        zone_id (int):
        body (ZoneUpdate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | UpdateShippingZoneResponse409 | Zone
    """

    return sync_detailed(
        zone_id=zone_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    zone_id: int,
    *,
    client: AuthenticatedClient,
    body: ZoneUpdate | Unset = UNSET,
) -> Response[Error | UpdateShippingZoneResponse409 | Zone]:
    """Rename a zone or change its countries

    Args:
        zone_id (int):
        body (ZoneUpdate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | UpdateShippingZoneResponse409 | Zone]
    """

    kwargs = _get_kwargs(
        zone_id=zone_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    zone_id: int,
    *,
    client: AuthenticatedClient,
    body: ZoneUpdate | Unset = UNSET,
) -> Error | UpdateShippingZoneResponse409 | Zone | None:
    """Rename a zone or change its countries

    Args:
        zone_id (int):
        body (ZoneUpdate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | UpdateShippingZoneResponse409 | Zone
    """

    return (
        await asyncio_detailed(
            zone_id=zone_id,
            client=client,
            body=body,
        )
    ).parsed
