from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.delete_variant_response_409 import DeleteVariantResponse409
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    variant_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/v1/variants/{variant_id}".format(
            variant_id=quote(str(variant_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | DeleteVariantResponse409 | Error:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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
        response_409 = DeleteVariantResponse409.from_dict(response.json())

        return response_409

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | DeleteVariantResponse409 | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    variant_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[Any | DeleteVariantResponse409 | Error]:
    """Delete a variant

    Args:
        variant_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | DeleteVariantResponse409 | Error]
    """

    kwargs = _get_kwargs(
        variant_id=variant_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    variant_id: int,
    *,
    client: AuthenticatedClient,
) -> Any | DeleteVariantResponse409 | Error | None:
    """Delete a variant

    Args:
        variant_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | DeleteVariantResponse409 | Error
    """

    return sync_detailed(
        variant_id=variant_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    variant_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[Any | DeleteVariantResponse409 | Error]:
    """Delete a variant

    Args:
        variant_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | DeleteVariantResponse409 | Error]
    """

    kwargs = _get_kwargs(
        variant_id=variant_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    variant_id: int,
    *,
    client: AuthenticatedClient,
) -> Any | DeleteVariantResponse409 | Error | None:
    """Delete a variant

    Args:
        variant_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | DeleteVariantResponse409 | Error
    """

    return (
        await asyncio_detailed(
            variant_id=variant_id,
            client=client,
        )
    ).parsed
