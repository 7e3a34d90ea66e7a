from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.fake_settle import FakeSettle
from ...models.fake_settle_result import FakeSettleResult
from ...models.settle_fake_payment_response_401 import SettleFakePaymentResponse401
from ...models.settle_fake_payment_response_409 import SettleFakePaymentResponse409
from ...types import UNSET, Response, Unset


def _get_kwargs(
    payment_intent_id: str,
    *,
    body: FakeSettle,
    x_order_token: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_order_token, Unset):
        headers["X-Order-Token"] = x_order_token

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/payments/fake/{payment_intent_id}/settle".format(
            payment_intent_id=quote(str(payment_intent_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | FakeSettleResult | SettleFakePaymentResponse401 | SettleFakePaymentResponse409:
    if response.status_code == 202:
        response_202 = FakeSettleResult.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = SettleFakePaymentResponse401.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = SettleFakePaymentResponse409.from_dict(response.json())

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
) -> Response[Error | FakeSettleResult | SettleFakePaymentResponse401 | SettleFakePaymentResponse409]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    payment_intent_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: FakeSettle,
    x_order_token: str | Unset = UNSET,
) -> Response[Error | FakeSettleResult | SettleFakePaymentResponse401 | SettleFakePaymentResponse409]:
    """Settle one of my fake payments (succeeded or failed); a task applies it

    Args:
        payment_intent_id (str):
        x_order_token (str | Unset):
        body (FakeSettle):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | FakeSettleResult | SettleFakePaymentResponse401 | SettleFakePaymentResponse409]
    """

    kwargs = _get_kwargs(
        payment_intent_id=payment_intent_id,
        body=body,
        x_order_token=x_order_token,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    payment_intent_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: FakeSettle,
    x_order_token: str | Unset = UNSET,
) -> Error | FakeSettleResult | SettleFakePaymentResponse401 | SettleFakePaymentResponse409 | None:
    """Settle one of my fake payments (succeeded or failed); a task applies it

    Args:
        payment_intent_id (str):
        x_order_token (str | Unset):
        body (FakeSettle):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | FakeSettleResult | SettleFakePaymentResponse401 | SettleFakePaymentResponse409
    """

    return sync_detailed(
        payment_intent_id=payment_intent_id,
        client=client,
        body=body,
        x_order_token=x_order_token,
    ).parsed


async def asyncio_detailed(
    payment_intent_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: FakeSettle,
    x_order_token: str | Unset = UNSET,
) -> Response[Error | FakeSettleResult | SettleFakePaymentResponse401 | SettleFakePaymentResponse409]:
    """Settle one of my fake payments (succeeded or failed); a task applies it

    Args:
        payment_intent_id (str):
        x_order_token (str | Unset):
        body (FakeSettle):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | FakeSettleResult | SettleFakePaymentResponse401 | SettleFakePaymentResponse409]
    """

    kwargs = _get_kwargs(
        payment_intent_id=payment_intent_id,
        body=body,
        x_order_token=x_order_token,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    payment_intent_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: FakeSettle,
    x_order_token: str | Unset = UNSET,
) -> Error | FakeSettleResult | SettleFakePaymentResponse401 | SettleFakePaymentResponse409 | None:
    """Settle one of my fake payments (succeeded or failed); a task applies it

    Args:
        payment_intent_id (str):
        x_order_token (str | Unset):
        body (FakeSettle):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | FakeSettleResult | SettleFakePaymentResponse401 | SettleFakePaymentResponse409
    """

    return (
        await asyncio_detailed(
            payment_intent_id=payment_intent_id,
            client=client,
            body=body,
            x_order_token=x_order_token,
        )
    ).parsed
