from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.discount import Discount
from ...models.discount_update import DiscountUpdate
from ...models.error import Error
from ...models.update_discount_response_409 import UpdateDiscountResponse409
from ...types import UNSET, Response, Unset


def _get_kwargs(
    discount_id: int,
    *,
    body: DiscountUpdate | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/admin/discounts/{discount_id}".format(
            discount_id=quote(str(discount_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Discount | Error | UpdateDiscountResponse409:
    if response.status_code == 200:
        response_200 = Discount.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = UpdateDiscountResponse409.from_dict(response.json())

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
) -> Response[Discount | Error | UpdateDiscountResponse409]:
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
    body: DiscountUpdate | Unset = UNSET,
) -> Response[Discount | Error | UpdateDiscountResponse409]:
    """Change a discount code

    Args:
        discount_id (int):
        body (DiscountUpdate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Discount | Error | UpdateDiscountResponse409]
    """

    kwargs = _get_kwargs(
        discount_id=discount_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    discount_id: int,
    *,
    client: AuthenticatedClient,
    body: DiscountUpdate | Unset = UNSET,
) -> Discount | Error | UpdateDiscountResponse409 | None:
    """Change a discount code

    Args:
        discount_id (int):
        body (DiscountUpdate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Discount | Error | UpdateDiscountResponse409
    """

    return sync_detailed(
        discount_id=discount_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    discount_id: int,
    *,
    client: AuthenticatedClient,
    body: DiscountUpdate | Unset = UNSET,
) -> Response[Discount | Error | UpdateDiscountResponse409]:
    """Change a discount code

    Args:
        discount_id (int):
        body (DiscountUpdate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Discount | Error | UpdateDiscountResponse409]
    """

    kwargs = _get_kwargs(
        discount_id=discount_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    discount_id: int,
    *,
    client: AuthenticatedClient,
    body: DiscountUpdate | Unset = UNSET,
) -> Discount | Error | UpdateDiscountResponse409 | None:
    """Change a discount code

    Args:
        discount_id (int):
        body (DiscountUpdate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Discount | Error | UpdateDiscountResponse409
    """

    return (
        await asyncio_detailed(
            discount_id=discount_id,
            client=client,
            body=body,
        )
    ).parsed
