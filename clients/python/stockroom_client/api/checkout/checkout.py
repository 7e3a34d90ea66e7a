from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.checkout import Checkout
from ...models.checkout_response_400 import CheckoutResponse400
from ...models.checkout_response_401 import CheckoutResponse401
from ...models.checkout_response_403 import CheckoutResponse403
from ...models.checkout_response_409 import CheckoutResponse409
from ...models.checkout_response_422 import CheckoutResponse422
from ...models.checkout_response_503 import CheckoutResponse503
from ...models.checkout_result import CheckoutResult
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: Checkout,
    idempotency_key: str,
    x_cart_token: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Idempotency-Key"] = idempotency_key

    if not isinstance(x_cart_token, Unset):
        headers["X-Cart-Token"] = x_cart_token

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/checkout",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    CheckoutResponse400
    | CheckoutResponse401
    | CheckoutResponse403
    | CheckoutResponse409
    | CheckoutResponse422
    | CheckoutResponse503
    | CheckoutResult
    | Error
):
    if response.status_code == 200:
        response_200 = CheckoutResult.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = CheckoutResult.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = CheckoutResponse400.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CheckoutResponse401.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CheckoutResponse403.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = CheckoutResponse409.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = CheckoutResponse422.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = CheckoutResponse503.from_dict(response.json())

        return response_503

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[
    CheckoutResponse400
    | CheckoutResponse401
    | CheckoutResponse403
    | CheckoutResponse409
    | CheckoutResponse422
    | CheckoutResponse503
    | CheckoutResult
    | Error
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: Checkout,
    idempotency_key: str,
    x_cart_token: str | Unset = UNSET,
) -> Response[
    CheckoutResponse400
    | CheckoutResponse401
    | CheckoutResponse403
    | CheckoutResponse409
    | CheckoutResponse422
    | CheckoutResponse503
    | CheckoutResult
    | Error
]:
    """Place an order from my cart (or a guest's): reserve its stock, start the payment

    Args:
        idempotency_key (str):
        x_cart_token (str | Unset):
        body (Checkout):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CheckoutResponse400 | CheckoutResponse401 | CheckoutResponse403 | CheckoutResponse409 | CheckoutResponse422 | CheckoutResponse503 | CheckoutResult | Error]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
        x_cart_token=x_cart_token,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: Checkout,
    idempotency_key: str,
    x_cart_token: str | Unset = UNSET,
) -> (
    CheckoutResponse400
    | CheckoutResponse401
    | CheckoutResponse403
    | CheckoutResponse409
    | CheckoutResponse422
    | CheckoutResponse503
    | CheckoutResult
    | Error
    | None
):
    """Place an order from my cart (or a guest's): reserve its stock, start the payment

    Args:
        idempotency_key (str):
        x_cart_token (str | Unset):
        body (Checkout):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CheckoutResponse400 | CheckoutResponse401 | CheckoutResponse403 | CheckoutResponse409 | CheckoutResponse422 | CheckoutResponse503 | CheckoutResult | Error
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
        x_cart_token=x_cart_token,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: Checkout,
    idempotency_key: str,
    x_cart_token: str | Unset = UNSET,
) -> Response[
    CheckoutResponse400
    | CheckoutResponse401
    | CheckoutResponse403
    | CheckoutResponse409
    | CheckoutResponse422
    | CheckoutResponse503
    | CheckoutResult
    | Error
]:
    """Place an order from my cart (or a guest's): reserve its stock, start the payment

    Args:
        idempotency_key (str):
        x_cart_token (str | Unset):
        body (Checkout):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CheckoutResponse400 | CheckoutResponse401 | CheckoutResponse403 | CheckoutResponse409 | CheckoutResponse422 | CheckoutResponse503 | CheckoutResult | Error]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
        x_cart_token=x_cart_token,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: Checkout,
    idempotency_key: str,
    x_cart_token: str | Unset = UNSET,
) -> (
    CheckoutResponse400
    | CheckoutResponse401
    | CheckoutResponse403
    | CheckoutResponse409
    | CheckoutResponse422
    | CheckoutResponse503
    | CheckoutResult
    | Error
    | None
):
    """Place an order from my cart (or a guest's): reserve its stock, start the payment

    Args:
        idempotency_key (str):
        x_cart_token (str | Unset):
        body (Checkout):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CheckoutResponse400 | CheckoutResponse401 | CheckoutResponse403 | CheckoutResponse409 | CheckoutResponse422 | CheckoutResponse503 | CheckoutResult | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
            x_cart_token=x_cart_token,
        )
    ).parsed
