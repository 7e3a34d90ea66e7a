from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.discount_detail import DiscountDetail
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    discount_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/admin/discounts/{discount_id}".format(
            discount_id=quote(str(discount_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DiscountDetail | Error:
    if response.status_code == 200:
        response_200 = DiscountDetail.from_dict(response.json())

        return response_200

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

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DiscountDetail | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    discount_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[DiscountDetail | Error]:
    """One discount code with its uses, the paid orders that used it and their revenue

    Args:
        discount_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DiscountDetail | Error]
    """

    kwargs = _get_kwargs(
        discount_id=discount_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    discount_id: int,
    *,
    client: AuthenticatedClient,
) -> DiscountDetail | Error | None:
    """One discount code with its uses, the paid orders that used it and their revenue

    Args:
        discount_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DiscountDetail | Error
    """

    return sync_detailed(
        discount_id=discount_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    discount_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[DiscountDetail | Error]:
    """One discount code with its uses, the paid orders that used it and their revenue

    Args:
        discount_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DiscountDetail | Error]
    """

    kwargs = _get_kwargs(
        discount_id=discount_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    discount_id: int,
    *,
    client: AuthenticatedClient,
) -> DiscountDetail | Error | None:
    """One discount code with its uses, the paid orders that used it and their revenue

    Args:
        discount_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DiscountDetail | Error
    """

    return (
        await asyncio_detailed(
            discount_id=discount_id,
            client=client,
        )
    ).parsed
