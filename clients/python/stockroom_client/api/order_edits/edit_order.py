from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.edit_order_response_400 import EditOrderResponse400
from ...models.edit_order_response_404 import EditOrderResponse404
from ...models.edit_order_response_409 import EditOrderResponse409
from ...models.edit_order_response_422 import EditOrderResponse422
from ...models.edit_order_response_503 import EditOrderResponse503
from ...models.error import Error
from ...models.order_edit_create import OrderEditCreate
from ...models.order_edit_result import OrderEditResult
from ...types import Response


def _get_kwargs(
    order_id: int,
    *,
    body: OrderEditCreate,
    idempotency_key: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/admin/orders/{order_id}/edits".format(
            order_id=quote(str(order_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    EditOrderResponse400
    | EditOrderResponse404
    | EditOrderResponse409
    | EditOrderResponse422
    | EditOrderResponse503
    | Error
    | OrderEditResult
):
    if response.status_code == 200:
        response_200 = OrderEditResult.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = OrderEditResult.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = EditOrderResponse400.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = EditOrderResponse404.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = EditOrderResponse409.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = EditOrderResponse422.from_dict(response.json())

        return response_422

    if response.status_code == 503:
        response_503 = EditOrderResponse503.from_dict(response.json())

        return response_503

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[
    EditOrderResponse400
    | EditOrderResponse404
    | EditOrderResponse409
    | EditOrderResponse422
    | EditOrderResponse503
    | Error
    | OrderEditResult
]:
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
    body: OrderEditCreate,
    idempotency_key: str,
) -> Response[
    EditOrderResponse400
    | EditOrderResponse404
    | EditOrderResponse409
    | EditOrderResponse422
    | EditOrderResponse503
    | Error
    | OrderEditResult
]:
    """Add, change or remove an order's lines before it ships (refund or balance due)

    Args:
        order_id (int):
        idempotency_key (str):
        body (OrderEditCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EditOrderResponse400 | EditOrderResponse404 | EditOrderResponse409 | EditOrderResponse422 | EditOrderResponse503 | Error | OrderEditResult]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    order_id: int,
    *,
    client: AuthenticatedClient,
    body: OrderEditCreate,
    idempotency_key: str,
) -> (
    EditOrderResponse400
    | EditOrderResponse404
    | EditOrderResponse409
    | EditOrderResponse422
    | EditOrderResponse503
    | Error
    | OrderEditResult
    | None
):
    """Add, change or remove an order's lines before it ships (refund or balance due)

    Args:
        order_id (int):
        idempotency_key (str):
        body (OrderEditCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EditOrderResponse400 | EditOrderResponse404 | EditOrderResponse409 | EditOrderResponse422 | EditOrderResponse503 | Error | OrderEditResult
    """

    return sync_detailed(
        order_id=order_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    order_id: int,
    *,
    client: AuthenticatedClient,
    body: OrderEditCreate,
    idempotency_key: str,
) -> Response[
    EditOrderResponse400
    | EditOrderResponse404
    | EditOrderResponse409
    | EditOrderResponse422
    | EditOrderResponse503
    | Error
    | OrderEditResult
]:
    """Add, change or remove an order's lines before it ships (refund or balance due)

    Args:
        order_id (int):
        idempotency_key (str):
        body (OrderEditCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EditOrderResponse400 | EditOrderResponse404 | EditOrderResponse409 | EditOrderResponse422 | EditOrderResponse503 | Error | OrderEditResult]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    order_id: int,
    *,
    client: AuthenticatedClient,
    body: OrderEditCreate,
    idempotency_key: str,
) -> (
    EditOrderResponse400
    | EditOrderResponse404
    | EditOrderResponse409
    | EditOrderResponse422
    | EditOrderResponse503
    | Error
    | OrderEditResult
    | None
):
    """Add, change or remove an order's lines before it ships (refund or balance due)

    Args:
        order_id (int):
        idempotency_key (str):
        body (OrderEditCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EditOrderResponse400 | EditOrderResponse404 | EditOrderResponse409 | EditOrderResponse422 | EditOrderResponse503 | Error | OrderEditResult
    """

    return (
        await asyncio_detailed(
            order_id=order_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
