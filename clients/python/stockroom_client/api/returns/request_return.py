from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.request_return_response_401 import RequestReturnResponse401
from ...models.request_return_response_409 import RequestReturnResponse409
from ...models.request_return_response_422 import RequestReturnResponse422
from ...models.return_ import Return
from ...models.return_create import ReturnCreate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    order_id: int,
    *,
    body: ReturnCreate,
    x_order_token: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_order_token, Unset):
        headers["X-Order-Token"] = x_order_token

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/orders/{order_id}/returns".format(
            order_id=quote(str(order_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | RequestReturnResponse401 | RequestReturnResponse409 | RequestReturnResponse422 | Return:
    if response.status_code == 201:
        response_201 = Return.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = RequestReturnResponse401.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = RequestReturnResponse409.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = RequestReturnResponse422.from_dict(response.json())

        return response_422

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | RequestReturnResponse401 | RequestReturnResponse409 | RequestReturnResponse422 | Return]:
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
    body: ReturnCreate,
    x_order_token: str | Unset = UNSET,
) -> Response[Error | RequestReturnResponse401 | RequestReturnResponse409 | RequestReturnResponse422 | Return]:
    """Ask to return some of a delivered order's units

    Args:
        order_id (int):
        x_order_token (str | Unset):
        body (ReturnCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | RequestReturnResponse401 | RequestReturnResponse409 | RequestReturnResponse422 | Return]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        body=body,
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
    body: ReturnCreate,
    x_order_token: str | Unset = UNSET,
) -> Error | RequestReturnResponse401 | RequestReturnResponse409 | RequestReturnResponse422 | Return | None:
    """Ask to return some of a delivered order's units

    Args:
        order_id (int):
        x_order_token (str | Unset):
        body (ReturnCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | RequestReturnResponse401 | RequestReturnResponse409 | RequestReturnResponse422 | Return
    """

    return sync_detailed(
        order_id=order_id,
        client=client,
        body=body,
        x_order_token=x_order_token,
    ).parsed


async def asyncio_detailed(
    order_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ReturnCreate,
    x_order_token: str | Unset = UNSET,
) -> Response[Error | RequestReturnResponse401 | RequestReturnResponse409 | RequestReturnResponse422 | Return]:
    """Ask to return some of a delivered order's units

    Args:
        order_id (int):
        x_order_token (str | Unset):
        body (ReturnCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | RequestReturnResponse401 | RequestReturnResponse409 | RequestReturnResponse422 | Return]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        body=body,
        x_order_token=x_order_token,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    order_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ReturnCreate,
    x_order_token: str | Unset = UNSET,
) -> Error | RequestReturnResponse401 | RequestReturnResponse409 | RequestReturnResponse422 | Return | None:
    """Ask to return some of a delivered order's units

    Args:
        order_id (int):
        x_order_token (str | Unset):
        body (ReturnCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | RequestReturnResponse401 | RequestReturnResponse409 | RequestReturnResponse422 | Return
    """

    return (
        await asyncio_detailed(
            order_id=order_id,
            client=client,
            body=body,
            x_order_token=x_order_token,
        )
    ).parsed
