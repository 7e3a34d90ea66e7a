from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.message import Message
from ...models.request_email_verification_response_409 import RequestEmailVerificationResponse409
from ...models.request_email_verification_response_429 import RequestEmailVerificationResponse429
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/auth/verify-email",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | Message | RequestEmailVerificationResponse409 | RequestEmailVerificationResponse429:
    if response.status_code == 202:
        response_202 = Message.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 409:
        response_409 = RequestEmailVerificationResponse409.from_dict(response.json())

        return response_409

    if response.status_code == 429:
        response_429 = RequestEmailVerificationResponse429.from_dict(response.json())

        return response_429

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | Message | RequestEmailVerificationResponse409 | RequestEmailVerificationResponse429]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Error | Message | RequestEmailVerificationResponse409 | RequestEmailVerificationResponse429]:
    """Email me a link that verifies my address (links sent before stop working)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Message | RequestEmailVerificationResponse409 | RequestEmailVerificationResponse429]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> Error | Message | RequestEmailVerificationResponse409 | RequestEmailVerificationResponse429 | None:
    """Email me a link that verifies my address (links sent before stop working)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Message | RequestEmailVerificationResponse409 | RequestEmailVerificationResponse429
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Error | Message | RequestEmailVerificationResponse409 | RequestEmailVerificationResponse429]:
    """Email me a link that verifies my address (links sent before stop working)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Message | RequestEmailVerificationResponse409 | RequestEmailVerificationResponse429]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> Error | Message | RequestEmailVerificationResponse409 | RequestEmailVerificationResponse429 | None:
    """Email me a link that verifies my address (links sent before stop working)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Message | RequestEmailVerificationResponse409 | RequestEmailVerificationResponse429
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
