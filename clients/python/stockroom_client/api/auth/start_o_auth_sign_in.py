from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.start_o_auth_sign_in_response_400 import StartOAuthSignInResponse400
from ...models.start_o_auth_sign_in_response_404 import StartOAuthSignInResponse404
from ...types import Response


def _get_kwargs(
    provider: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/auth/oauth/{provider}/authorize".format(
            provider=quote(str(provider), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Error | StartOAuthSignInResponse400 | StartOAuthSignInResponse404:
    if response.status_code == 302:
        response_302 = cast(Any, None)
        return response_302

    if response.status_code == 400:
        response_400 = StartOAuthSignInResponse400.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = StartOAuthSignInResponse404.from_dict(response.json())

        return response_404

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Error | StartOAuthSignInResponse400 | StartOAuthSignInResponse404]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    provider: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | Error | StartOAuthSignInResponse400 | StartOAuthSignInResponse404]:
    """Sign in with an OpenID provider: redirects the browser to it

    Args:
        provider (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | StartOAuthSignInResponse400 | StartOAuthSignInResponse404]
    """

    kwargs = _get_kwargs(
        provider=provider,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    provider: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | Error | StartOAuthSignInResponse400 | StartOAuthSignInResponse404 | None:
    """Sign in with an OpenID provider: redirects the browser to it

    Args:
        provider (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | StartOAuthSignInResponse400 | StartOAuthSignInResponse404
    """

    return sync_detailed(
        provider=provider,
        client=client,
    ).parsed


async def asyncio_detailed(
    provider: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | Error | StartOAuthSignInResponse400 | StartOAuthSignInResponse404]:
    """Sign in with an OpenID provider: redirects the browser to it

    Args:
        provider (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | StartOAuthSignInResponse400 | StartOAuthSignInResponse404]
    """

    kwargs = _get_kwargs(
        provider=provider,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    provider: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | Error | StartOAuthSignInResponse400 | StartOAuthSignInResponse404 | None:
    """Sign in with an OpenID provider: redirects the browser to it

    Args:
        provider (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | StartOAuthSignInResponse400 | StartOAuthSignInResponse404
    """

    return (
        await asyncio_detailed(
            provider=provider,
            client=client,
        )
    ).parsed
