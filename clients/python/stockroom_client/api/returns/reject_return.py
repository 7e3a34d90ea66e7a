from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.reject_return_response_404 import RejectReturnResponse404
from ...models.reject_return_response_409 import RejectReturnResponse409
from ...models.return_ import Return
from ...models.return_decision import ReturnDecision
from ...types import UNSET, Response, Unset


def _get_kwargs(
    return_id: int,
    *,
    body: ReturnDecision | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/admin/returns/{return_id}/reject".format(
            return_id=quote(str(return_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | RejectReturnResponse404 | RejectReturnResponse409 | Return:
    if response.status_code == 200:
        response_200 = Return.from_dict(response.json())

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
        response_404 = RejectReturnResponse404.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = RejectReturnResponse409.from_dict(response.json())

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
) -> Response[Error | RejectReturnResponse404 | RejectReturnResponse409 | Return]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    return_id: int,
    *,
    client: AuthenticatedClient,
    body: ReturnDecision | Unset = UNSET,
) -> Response[Error | RejectReturnResponse404 | RejectReturnResponse409 | Return]:
    """Reject a requested return

    Args:
        return_id (int):
        body (ReturnDecision | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | RejectReturnResponse404 | RejectReturnResponse409 | Return]
    """

    kwargs = _get_kwargs(
        return_id=return_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    return_id: int,
    *,
    client: AuthenticatedClient,
    body: ReturnDecision | Unset = UNSET,
) -> Error | RejectReturnResponse404 | RejectReturnResponse409 | Return | None:
    """Reject a requested return

    Args:
        return_id (int):
        body (ReturnDecision | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | RejectReturnResponse404 | RejectReturnResponse409 | Return
    """

    return sync_detailed(
        return_id=return_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    return_id: int,
    *,
    client: AuthenticatedClient,
    body: ReturnDecision | Unset = UNSET,
) -> Response[Error | RejectReturnResponse404 | RejectReturnResponse409 | Return]:
    """Reject a requested return

    Args:
        return_id (int):
        body (ReturnDecision | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | RejectReturnResponse404 | RejectReturnResponse409 | Return]
    """

    kwargs = _get_kwargs(
        return_id=return_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    return_id: int,
    *,
    client: AuthenticatedClient,
    body: ReturnDecision | Unset = UNSET,
) -> Error | RejectReturnResponse404 | RejectReturnResponse409 | Return | None:
    """Reject a requested return

    Args:
        return_id (int):
        body (ReturnDecision | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | RejectReturnResponse404 | RejectReturnResponse409 | Return
    """

    return (
        await asyncio_detailed(
            return_id=return_id,
            client=client,
            body=body,
        )
    ).parsed
