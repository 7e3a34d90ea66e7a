from http import HTTPStatus
from typing import Any, cast

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.list_products_sort import ListProductsSort
from ...models.product_list_item import ProductListItem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    q: str | Unset = UNSET,
    category: str | Unset = UNSET,
    min_price: int | Unset = UNSET,
    max_price: int | Unset = UNSET,
    in_stock: bool | Unset = UNSET,
    sort: ListProductsSort | Unset = UNSET,
    currency: str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    params["q"] = q

    params["category"] = category

    params["min_price"] = min_price

    params["max_price"] = max_price

    params["in_stock"] = in_stock

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params["currency"] = currency

    params["page"] = page

    params["page_size"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/products",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Error | list[ProductListItem]:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = ProductListItem.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Error | list[ProductListItem]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: str | Unset = UNSET,
    category: str | Unset = UNSET,
    min_price: int | Unset = UNSET,
    max_price: int | Unset = UNSET,
    in_stock: bool | Unset = UNSET,
    sort: ListProductsSort | Unset = UNSET,
    currency: str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | Error | list[ProductListItem]]:
    """List active products: search, filter, sort

    Args:
        q (str | Unset):
        category (str | Unset):
        min_price (int | Unset):
        max_price (int | Unset):
        in_stock (bool | Unset):
        sort (ListProductsSort | Unset):
        currency (str | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | list[ProductListItem]]
    """

    kwargs = _get_kwargs(
        q=q,
        category=category,
        min_price=min_price,
        max_price=max_price,
        in_stock=in_stock,
        sort=sort,
        currency=currency,
        page=page,
        page_size=page_size,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    q: str | Unset = UNSET,
    category: str | Unset = UNSET,
    min_price: int | Unset = UNSET,
    max_price: int | Unset = UNSET,
    in_stock: bool | Unset = UNSET,
    sort: ListProductsSort | Unset = UNSET,
    currency: str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    if_none_match: str | Unset = UNSET,
) -> Any | Error | list[ProductListItem] | None:
    """List active products: search, filter, sort

    Args:
        q (str | Unset):
        category (str | Unset):
        min_price (int | Unset):
        max_price (int | Unset):
        in_stock (bool | Unset):
        sort (ListProductsSort | Unset):
        currency (str | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | list[ProductListItem]
    """

    return sync_detailed(
        client=client,
        q=q,
        category=category,
        min_price=min_price,
        max_price=max_price,
        in_stock=in_stock,
        sort=sort,
        currency=currency,
        page=page,
        page_size=page_size,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: str | Unset = UNSET,
    category: str | Unset = UNSET,
    min_price: int | Unset = UNSET,
    max_price: int | Unset = UNSET,
    in_stock: bool | Unset = UNSET,
    sort: ListProductsSort | Unset = UNSET,
    currency: str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | Error | list[ProductListItem]]:
    """List active products: search, filter, sort

    Args:
        q (str | Unset):
        category (str | Unset):
        min_price (int | Unset):
        max_price (int | Unset):
        in_stock (bool | Unset):
        sort (ListProductsSort | Unset):
        currency (str | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | list[ProductListItem]]
    """

    kwargs = _get_kwargs(
        q=q,
        category=category,
        min_price=min_price,
        max_price=max_price,
        in_stock=in_stock,
        sort=sort,
        currency=currency,
        page=page,
        page_size=page_size,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    q: str | Unset = UNSET,
    category: str | Unset = UNSET,
    min_price: int | Unset = UNSET,
    max_price: int | Unset = UNSET,
    in_stock: bool | Unset = UNSET,
    sort: ListProductsSort | Unset = UNSET,
    currency: str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    if_none_match: str | Unset = UNSET,
) -> Any | Error | list[ProductListItem] | None:
    """List active products: search, filter, sort

    Args:
        q (str | Unset):
        category (str | Unset):
        min_price (int | Unset):
        max_price (int | Unset):
        in_stock (bool | Unset):
        sort (ListProductsSort | Unset):
        currency (str | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | list[ProductListItem]
    """

    return (
        await asyncio_detailed(
            client=client,
            q=q,
            category=category,
            min_price=min_price,
            max_price=max_price,
            in_stock=in_stock,
            sort=sort,
            currency=currency,
            page=page,
            page_size=page_size,
            if_none_match=if_none_match,
        )
    ).parsed
