"""The Socket.io server (protocol 5, python-socketio's ``AsyncServer`` under ASGI): thin
handlers over ``services.realtime_access`` (who may join what) and ``realtime.hub``
(delivery and replay). Served by ``flask --app wsgi realtime``; with ``with_api`` the same
origin also serves the REST API (``make run``)."""

from __future__ import annotations

import asyncio
import functools
import logging

import socketio
from flask import Flask

from core.app import READ_ONLY_OPTION
from models import db
from realtime.hub import Hub
from services import realtime_access
from services.realtime_access import RealtimeRefused
from services.realtime_stream import Entry, make_stream

log = logging.getLogger(__name__)


def _in_app(app: Flask, function, *args):
    """Run a blocking function (a stream read, a database check) in an application
    context of its own, its session closed after."""
    with app.app_context():
        try:
            # Reads only: on SQLite, a transaction that takes no write lock.
            db.session.connection(execution_options={READ_ONLY_OPTION: True})
            return function(*args)
        finally:
            db.session.remove()


def create_realtime_app(app: Flask, *, with_api: bool = False):
    """The ASGI application: Socket.io at ``/socket.io/`` (and the Flask app for every
    other path when ``with_api``)."""
    config = app.config
    # The REST API's CORS origins (none: the page's own origin only, Socket.io's default).
    origins = config["CORS_ORIGINS"]
    sio = socketio.AsyncServer(async_mode="asgi", logger=False, engineio_logger=False,
                               cors_allowed_origins="*" if "*" in origins else origins or None)
    stream = make_stream(config)
    # Blocking reads run in threads; the stream's follower keeps one busy (Redis's
    # blocking read), checks and replays use the others.
    executor_limit = asyncio.Semaphore(16)

    async def call(function, *args):
        async with executor_limit:
            return await asyncio.to_thread(_in_app, app, function, *args)

    async def send(sid: str, entry: Entry) -> None:
        await sio.emit(entry.message.type, {"id": entry.id, **entry.message.data}, to=sid)

    async def reset(sid: str) -> None:
        await sio.emit("error", {"code": "stream_reset", "message": (
            "Events may have been lost: reload, then subscribe again without since.")},
            to=sid)

    hub = Hub(stream, call, send, reset, poll_seconds=config["REALTIME_POLL_SECONDS"])
    app.extensions["stockroom.realtime_hub"] = hub

    @sio.event
    async def connect(sid, environ, auth):
        try:
            identity = await call(realtime_access.identify, auth)
        except RealtimeRefused as refused:
            # The client sees {message, data: {code}} (socket.io-client: err.message, err.data).
            raise socketio.exceptions.ConnectionRefusedError(
                refused.message, {"code": refused.code}) from None
        await sio.save_session(sid, {"auth": auth, "identity": identity})

    @sio.event
    async def subscribe(sid, data):
        try:
            key, since = realtime_access.parse_subscription(data)
            session = await sio.get_session(sid)
            # The token is checked again, as every REST request checks it.
            identity = await call(realtime_access.identify, session["auth"])
            room = await call(functools.partial(realtime_access.room_for, identity, key,
                                                data[key]))
            if since is not None and not await hub.replay_available(since):
                raise RealtimeRefused("too_far_behind", (
                    f"Events after {since} are no longer kept (REALTIME_REPLAY_SECONDS): "
                    "reload, then subscribe again without since."))
        except RealtimeRefused as refused:
            await sio.emit("error", refused.payload(), to=sid)
            return
        await sio.emit("subscribed", {"room": room, "since": since}, to=sid)
        await hub.subscribe(sid, room, since)

    @sio.event
    async def disconnect(sid, reason=None):
        hub.forget(sid)

    other = None
    if with_api:
        from a2wsgi import WSGIMiddleware

        other = WSGIMiddleware(app, workers=8)
    return socketio.ASGIApp(sio, other_asgi_app=other, on_startup=hub.start,
                            on_shutdown=hub.stop)
