"""Which webhook URLs Stockroom will call: checked when an endpoint is saved and again at
each delivery, so that a DNS change cannot turn an endpoint inward."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from flask import current_app

from core.errors import ValidationFailed

# Where endpoints on this machine (http, loopback) are allowed: a developer's and the tests'.
LOCAL_ENVS = frozenset({"development", "test"})


class UnsafeEndpointUrl(ValidationFailed):
    error_code = "unsafe_webhook_url"


def check_address(url: str) -> None:
    """Outside development, refuse URLs that are not https or that resolve to a private,
    loopback, link-local or otherwise internal address (checked again at each delivery,
    so that a DNS change cannot turn an endpoint inward)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (reading it validates it)
    except ValueError as error:
        raise UnsafeEndpointUrl("Not a valid URL.", errors={"url": ["Not a valid URL."]}) \
            from error
    if not parts.hostname:
        raise UnsafeEndpointUrl("The URL has no host.", errors={"url": ["Has no host."]})
    if current_app.config["APP_ENV"] in LOCAL_ENVS:
        return
    if parts.scheme != "https" or not parts.hostname:
        raise UnsafeEndpointUrl("Webhook URLs must be https.", errors={"url": ["Must be https."]})
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError) as error:
        raise UnsafeEndpointUrl(f"{parts.hostname} does not resolve.",
                                errors={"url": ["Does not resolve."]}) from error
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global or address.is_multicast:
            raise UnsafeEndpointUrl(f"{parts.hostname} resolves to an internal address.",
                                    errors={"url": ["Resolves to an internal address."]})
