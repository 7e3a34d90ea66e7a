from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.refund_order_response_400 import RefundOrderResponse400
from ...models.refund_order_response_409 import RefundOrderResponse409
from ...models.refund_order_response_422 import RefundOrderResponse422
from ...models.refund_request import RefundRequest
from ...models.refund_result import RefundResult
from ...types import Response


def _get_kwargs(
    order_id: int,
    *,
    body: RefundRequest,
    idempotency_key: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/admin/orders/{order_id}/refund".format(
            order_id=quote(str(order_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | RefundOrderResponse400 | RefundOrderResponse409 | RefundOrderResponse422 | RefundResult:
    if response.status_code == 200:
        response_200 = RefundResult.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = RefundResult.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = RefundOrderResponse400.from_dict(response.json())

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
        response_409 = RefundOrderResponse409.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = RefundOrderResponse422.from_dict(response.json())

        return response_422

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | RefundOrderResponse400 | RefundOrderResponse409 | RefundOrderResponse422 | RefundResult]:
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
    body: RefundRequest,
    idempotency_key: str,
) -> Response[Error | RefundOrderResponse400 | RefundOrderResponse409 | RefundOrderResponse422 | RefundResult]:
    """Refund an order, in full or in part (submitted to the provider by a task)

    Args:
        order_id (int):
        idempotency_key (str):
        body (RefundRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | RefundOrderResponse400 | RefundOrderResponse409 | RefundOrderResponse422 | RefundResult]
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
    body: RefundRequest,
    idempotency_key: str,
) -> Error | RefundOrderResponse400 | RefundOrderResponse409 | RefundOrderResponse422 | RefundResult | None:
    """Refund an order, in full or in part (submitted to the provider by a task)

    Args:
        order_id (int):
        idempotency_key (str):
        body (RefundRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | RefundOrderResponse400 | RefundOrderResponse409 | RefundOrderResponse422 | RefundResult
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
    body: RefundRequest,
    idempotency_key: str,
) -> Response[Error | RefundOrderResponse400 | RefundOrderResponse409 | RefundOrderResponse422 | RefundResult]:
    """Refund an order, in full or in part (submitted to the provider by a task)

    Args:
        order_id (int):
        idempotency_key (str):
        body (RefundRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | RefundOrderResponse400 | RefundOrderResponse409 | RefundOrderResponse422 | RefundResult]
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
    body: RefundRequest,
    idempotency_key: str,
) -> Error | RefundOrderResponse400 | RefundOrderResponse409 | RefundOrderResponse422 | RefundResult | None:
    """Refund an order, in full or in part (submitted to the provider by a task)

    Args:
        order_id (int):
        idempotency_key (str):
        body (RefundRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | RefundOrderResponse400 | RefundOrderResponse409 | RefundOrderResponse422 | RefundResult
    """

    return (
        await asyncio_detailed(
            order_id=order_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
