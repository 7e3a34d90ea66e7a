from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.receive_stripe_event_body import ReceiveStripeEventBody
from ...models.receive_stripe_event_response_400 import ReceiveStripeEventResponse400
from ...models.webhook_receipt import WebhookReceipt
from ...types import Response


def _get_kwargs(
    *,
    body: ReceiveStripeEventBody,
    stripe_signature: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Stripe-Signature"] = stripe_signature

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/webhooks/stripe",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | ReceiveStripeEventResponse400 | WebhookReceipt:
    if response.status_code == 200:
        response_200 = WebhookReceipt.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ReceiveStripeEventResponse400.from_dict(response.json())

        return response_400

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
) -> Response[Error | ReceiveStripeEventResponse400 | WebhookReceipt]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ReceiveStripeEventBody,
    stripe_signature: str,
) -> Response[Error | ReceiveStripeEventResponse400 | WebhookReceipt]:
    """Receive a Stripe event (signed): stored once by its id, applied by a task

    Args:
        stripe_signature (str):
        body (ReceiveStripeEventBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ReceiveStripeEventResponse400 | WebhookReceipt]
    """

    kwargs = _get_kwargs(
        body=body,
        stripe_signature=stripe_signature,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ReceiveStripeEventBody,
    stripe_signature: str,
) -> Error | ReceiveStripeEventResponse400 | WebhookReceipt | None:
    """Receive a Stripe event (signed): stored once by its id, applied by a task

    Args:
        stripe_signature (str):
        body (ReceiveStripeEventBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ReceiveStripeEventResponse400 | WebhookReceipt
    """

    return sync_detailed(
        client=client,
        body=body,
        stripe_signature=stripe_signature,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ReceiveStripeEventBody,
    stripe_signature: str,
) -> Response[Error | ReceiveStripeEventResponse400 | WebhookReceipt]:
    """Receive a Stripe event (signed): stored once by its id, applied by a task

    Args:
        stripe_signature (str):
        body (ReceiveStripeEventBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ReceiveStripeEventResponse400 | WebhookReceipt]
    """

    kwargs = _get_kwargs(
        body=body,
        stripe_signature=stripe_signature,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ReceiveStripeEventBody,
    stripe_signature: str,
) -> Error | ReceiveStripeEventResponse400 | WebhookReceipt | None:
    """Receive a Stripe event (signed): stored once by its id, applied by a task

    Args:
        stripe_signature (str):
        body (ReceiveStripeEventBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ReceiveStripeEventResponse400 | WebhookReceipt
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            stripe_signature=stripe_signature,
        )
    ).parsed
