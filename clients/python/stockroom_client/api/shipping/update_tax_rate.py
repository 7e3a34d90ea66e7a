from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.tax_rate import TaxRate
from ...models.tax_rate_update import TaxRateUpdate
from ...models.update_tax_rate_response_409 import UpdateTaxRateResponse409
from ...types import UNSET, Response, Unset


def _get_kwargs(
    rate_id: int,
    *,
    body: TaxRateUpdate | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/admin/tax-rates/{rate_id}".format(
            rate_id=quote(str(rate_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | TaxRate | UpdateTaxRateResponse409:
    if response.status_code == 200:
        response_200 = TaxRate.from_dict(response.json())

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
        response_409 = UpdateTaxRateResponse409.from_dict(response.json())

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
) -> Response[Error | TaxRate | UpdateTaxRateResponse409]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    rate_id: int,
    *,
    client: AuthenticatedClient,
    body: TaxRateUpdate | Unset = UNSET,
) -> Response[Error | TaxRate | UpdateTaxRateResponse409]:
    """Change a tax rate

    Args:
        rate_id (int):
        body (TaxRateUpdate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TaxRate | UpdateTaxRateResponse409]
    """

    kwargs = _get_kwargs(
        rate_id=rate_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    rate_id: int,
    *,
    client: AuthenticatedClient,
    body: TaxRateUpdate | Unset = UNSET,
) -> Error | TaxRate | UpdateTaxRateResponse409 | None:
    """Change a tax rate

    Args:
        rate_id (int):
        body (TaxRateUpdate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TaxRate | UpdateTaxRateResponse409
    """

    return sync_detailed(
        rate_id=rate_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    rate_id: int,
    *,
    client: AuthenticatedClient,
    body: TaxRateUpdate | Unset = UNSET,
) -> Response[Error | TaxRate | UpdateTaxRateResponse409]:
    """Change a tax rate

    Args:
        rate_id (int):
        body (TaxRateUpdate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TaxRate | UpdateTaxRateResponse409]
    """

    kwargs = _get_kwargs(
        rate_id=rate_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    rate_id: int,
    *,
    client: AuthenticatedClient,
    body: TaxRateUpdate | Unset = UNSET,
) -> Error | TaxRate | UpdateTaxRateResponse409 | None:
    """Change a tax rate

    Args:
        rate_id (int):
        body (TaxRateUpdate | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TaxRate | UpdateTaxRateResponse409
    """

    return (
        await asyncio_detailed(
            rate_id=rate_id,
            client=client,
            body=body,
        )
    ).parsed
