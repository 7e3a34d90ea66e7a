from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.create_shipment_response_409 import CreateShipmentResponse409
from ...models.create_shipment_response_422 import CreateShipmentResponse422
from ...models.error import Error
from ...models.shipment import Shipment
from ...models.shipment_create import ShipmentCreate
from ...types import Response


def _get_kwargs(
    order_id: int,
    *,
    body: ShipmentCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/admin/orders/{order_id}/shipments".format(
            order_id=quote(str(order_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreateShipmentResponse409 | CreateShipmentResponse422 | Error | Shipment:
    if response.status_code == 201:
        response_201 = Shipment.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = CreateShipmentResponse409.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = CreateShipmentResponse422.from_dict(response.json())

        return response_422

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CreateShipmentResponse409 | CreateShipmentResponse422 | Error | Shipment]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    order_id: int,
    *,
    client: AuthenticatedClient,
    body: ShipmentCreate,
) -> Response[CreateShipmentResponse409 | CreateShipmentResponse422 | Error | Shipment]:
    """Ship some of an order's units in one parcel (emails the customer)

    Args:
        order_id (int):
        body (ShipmentCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateShipmentResponse409 | CreateShipmentResponse422 | Error | Shipment]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    order_id: int,
    *,
    client: AuthenticatedClient,
    body: ShipmentCreate,
) -> CreateShipmentResponse409 | CreateShipmentResponse422 | Error | Shipment | None:
    """Ship some of an order's units in one parcel (emails the customer)

    Args:
        order_id (int):
        body (ShipmentCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateShipmentResponse409 | CreateShipmentResponse422 | Error | Shipment
    """

    return sync_detailed(
        order_id=order_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    order_id: int,
    *,
    client: AuthenticatedClient,
    body: ShipmentCreate,
) -> Response[CreateShipmentResponse409 | CreateShipmentResponse422 | Error | Shipment]:
    """Ship some of an order's units in one parcel (emails the customer)

    Args:
        order_id (int):
        body (ShipmentCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateShipmentResponse409 | CreateShipmentResponse422 | Error | Shipment]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    order_id: int,
    *,
    client: AuthenticatedClient,
    body: ShipmentCreate,
) -> CreateShipmentResponse409 | CreateShipmentResponse422 | Error | Shipment | None:
    """Ship some of an order's units in one parcel (emails the customer)

    Args:
        order_id (int):
        body (ShipmentCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateShipmentResponse409 | CreateShipmentResponse422 | Error | Shipment
    """

    return (
        await asyncio_detailed(
            order_id=order_id,
            client=client,
            body=body,
        )
    ).parsed
