import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.get_analytics_summary_interval import GetAnalyticsSummaryInterval
from ...models.get_analytics_summary_response_422 import GetAnalyticsSummaryResponse422
from ...models.summary import Summary
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    currency: str | Unset = UNSET,
    interval: GetAnalyticsSummaryInterval | Unset = GetAnalyticsSummaryInterval.DAY,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    params["currency"] = currency

    json_interval: str | Unset = UNSET
    if not isinstance(interval, Unset):
        json_interval = interval.value

    params["interval"] = json_interval

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/admin/analytics/summary",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | GetAnalyticsSummaryResponse422 | Summary:
    if response.status_code == 200:
        response_200 = Summary.from_dict(response.json())

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

    if response.status_code == 422:
        response_422 = GetAnalyticsSummaryResponse422.from_dict(response.json())

        return response_422

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | GetAnalyticsSummaryResponse422 | Summary]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    currency: str | Unset = UNSET,
    interval: GetAnalyticsSummaryInterval | Unset = GetAnalyticsSummaryInterval.DAY,
) -> Response[Error | GetAnalyticsSummaryResponse422 | Summary]:
    """Revenue, orders, average order value, units, top products and revenue by day

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        currency (str | Unset):
        interval (GetAnalyticsSummaryInterval | Unset):  Default: GetAnalyticsSummaryInterval.DAY.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | GetAnalyticsSummaryResponse422 | Summary]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        currency=currency,
        interval=interval,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    currency: str | Unset = UNSET,
    interval: GetAnalyticsSummaryInterval | Unset = GetAnalyticsSummaryInterval.DAY,
) -> Error | GetAnalyticsSummaryResponse422 | Summary | None:
    """Revenue, orders, average order value, units, top products and revenue by day

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        currency (str | Unset):
        interval (GetAnalyticsSummaryInterval | Unset):  Default: GetAnalyticsSummaryInterval.DAY.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | GetAnalyticsSummaryResponse422 | Summary
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
        currency=currency,
        interval=interval,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    currency: str | Unset = UNSET,
    interval: GetAnalyticsSummaryInterval | Unset = GetAnalyticsSummaryInterval.DAY,
) -> Response[Error | GetAnalyticsSummaryResponse422 | Summary]:
    """Revenue, orders, average order value, units, top products and revenue by day

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        currency (str | Unset):
        interval (GetAnalyticsSummaryInterval | Unset):  Default: GetAnalyticsSummaryInterval.DAY.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | GetAnalyticsSummaryResponse422 | Summary]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        currency=currency,
        interval=interval,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    currency: str | Unset = UNSET,
    interval: GetAnalyticsSummaryInterval | Unset = GetAnalyticsSummaryInterval.DAY,
) -> Error | GetAnalyticsSummaryResponse422 | Summary | None:
    """Revenue, orders, average order value, units, top products and revenue by day

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        currency (str | Unset):
        interval (GetAnalyticsSummaryInterval | Unset):  Default: GetAnalyticsSummaryInterval.DAY.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | GetAnalyticsSummaryResponse422 | Summary
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
            currency=currency,
            interval=interval,
        )
    ).parsed
