from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.balance_payment_start import BalancePaymentStart
from ...models.error import Error
from ...models.start_balance_payment_response_401 import StartBalancePaymentResponse401
from ...models.start_balance_payment_response_409 import StartBalancePaymentResponse409
from ...models.start_balance_payment_response_503 import StartBalancePaymentResponse503
from ...types import UNSET, Response, Unset


def _get_kwargs(
    order_id: int,
    *,
    x_order_token: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_order_token, Unset):
        headers["X-Order-Token"] = x_order_token

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/orders/{order_id}/balance-payment".format(
            order_id=quote(str(order_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    BalancePaymentStart
    | Error
    | StartBalancePaymentResponse401
    | StartBalancePaymentResponse409
    | StartBalancePaymentResponse503
):
    if response.status_code == 200:
        response_200 = BalancePaymentStart.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = StartBalancePaymentResponse401.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = StartBalancePaymentResponse409.from_dict(response.json())

        return response_409

    if response.status_code == 503:
        response_503 = StartBalancePaymentResponse503.from_dict(response.json())

        return response_503

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[
    BalancePaymentStart
    | Error
    | StartBalancePaymentResponse401
    | StartBalancePaymentResponse409
    | StartBalancePaymentResponse503
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
    client: AuthenticatedClient | Client,
    x_order_token: str | Unset = UNSET,
) -> Response[
    BalancePaymentStart
    | Error
    | StartBalancePaymentResponse401
    | StartBalancePaymentResponse409
    | StartBalancePaymentResponse503
]:
    """The payment of what an edit left due on my order, to confirm (made once)

    Args:
        order_id (int):
        x_order_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BalancePaymentStart | Error | StartBalancePaymentResponse401 | StartBalancePaymentResponse409 | StartBalancePaymentResponse503]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        x_order_token=x_order_token,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    order_id: int,
    *,
    client: AuthenticatedClient | Client,
    x_order_token: str | Unset = UNSET,
) -> (
    BalancePaymentStart
    | Error
    | StartBalancePaymentResponse401
    | StartBalancePaymentResponse409
    | StartBalancePaymentResponse503
    | None
):
    """The payment of what an edit left due on my order, to confirm (made once)

    Args:
        order_id (int):
        x_order_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BalancePaymentStart | Error | StartBalancePaymentResponse401 | StartBalancePaymentResponse409 | StartBalancePaymentResponse503
    """

    return sync_detailed(
        order_id=order_id,
        client=client,
        x_order_token=x_order_token,
    ).parsed


async def asyncio_detailed(
    order_id: int,
    *,
    client: AuthenticatedClient | Client,
    x_order_token: str | Unset = UNSET,
) -> Response[
    BalancePaymentStart
    | Error
    | StartBalancePaymentResponse401
    | StartBalancePaymentResponse409
    | StartBalancePaymentResponse503
]:
    """The payment of what an edit left due on my order, to confirm (made once)

    Args:
        order_id (int):
        x_order_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BalancePaymentStart | Error | StartBalancePaymentResponse401 | StartBalancePaymentResponse409 | StartBalancePaymentResponse503]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        x_order_token=x_order_token,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    order_id: int,
    *,
    client: AuthenticatedClient | Client,
    x_order_token: str | Unset = UNSET,
) -> (
    BalancePaymentStart
    | Error
    | StartBalancePaymentResponse401
    | StartBalancePaymentResponse409
    | StartBalancePaymentResponse503
    | None
):
    """The payment of what an edit left due on my order, to confirm (made once)

    Args:
        order_id (int):
        x_order_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BalancePaymentStart | Error | StartBalancePaymentResponse401 | StartBalancePaymentResponse409 | StartBalancePaymentResponse503
    """

    return (
        await asyncio_detailed(
            order_id=order_id,
            client=client,
            x_order_token=x_order_token,
        )
    ).parsed
