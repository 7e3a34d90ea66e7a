"""Cache headers for public reads. flask-smorest's ``@blp.etag`` answers conditional GETs
with 304; this says who may keep the answer and for how long."""

from __future__ import annotations

from functools import wraps

from flask import after_this_request, request

PUBLIC_MAX_AGE_S = 60


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
