"""Caching of public reads. flask-smorest's ``@blp.etag`` answers conditional GETs with 304;
``public_cache`` says who may keep an answer and for how long; ``catalog_cached`` keeps
anonymous answers in the catalog cache (``services.catalog_cache``) for every process."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import wraps
from urllib.parse import urlencode

from flask import Response, after_this_request, request

from services.catalog_cache import catalog_cache

PUBLIC_MAX_AGE_S = 60
# The headers an answer is served again with; the rest are the request's own (request id,
# security headers, CORS) and are added to each answer afresh.
KEPT_HEADERS = ("Content-Type", "ETag", "X-Pagination")
CACHE_STATUS_HEADER = "X-Cache"


def public_cache(view):
    """Anonymous answers may be cached by anyone for a minute; answers to a signed-in
    caller (who may see drafts) are private and revalidated."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        @after_this_request
        def set_cache_control(response):
            if response.status_code in (200, 304):
                if request.headers.get("Authorization"):
                    response.headers["Cache-Control"] = "private, no-cache"
                else:
                    response.headers["Cache-Control"] = f"public, max-age={PUBLIC_MAX_AGE_S}"
                response.vary.add("Authorization")
            return response

        return view(*args, **kwargs)

    return wrapper


def catalog_cached(query_args: Iterable[str] = ()):
    """Serve an anonymous GET from the catalog cache, or fill it from the view's 200.

    The key is the path and the declared ``query_args`` only, in a fixed order: unknown
    arguments (cache-busters) neither miss the cache nor fill it with copies. A signed-in
    caller may see drafts, so their answers are never cached. ``X-Cache`` says hit or miss.
    """
    names = sorted(set(query_args))

    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            if request.headers.get("Authorization"):
                return view(*args, **kwargs)
            cache = catalog_cache()
            key = request.path
            given = request.args
            query = [(name, value) for name in names if name in given
                     for value in given.getlist(name)]
            if query:
                key += "?" + urlencode(query)
            found = cache.lookup(key)
            if found is None:
                return view(*args, **kwargs)
            generation, stored = found
            if stored is not None:
                head, _, body = stored.partition(b"\n")
                response = Response(body, status=200, headers=json.loads(head))
                response.headers[CACHE_STATUS_HEADER] = "hit"
                if "If-None-Match" in request.headers:
                    # A matching If-None-Match turns the stored answer into a 304, as the
                    # view's own @blp.etag would have.
                    response = response.make_conditional(request)
                return response
            response = view(*args, **kwargs)
            if response.status_code == 200:
                headers = {name: response.headers[name] for name in KEPT_HEADERS
                           if name in response.headers}
                cache.put(generation, key,
                          json.dumps(headers).encode() + b"\n" + response.get_data())
            response.headers[CACHE_STATUS_HEADER] = "miss"
            return response

        return wrapper

    return decorator
