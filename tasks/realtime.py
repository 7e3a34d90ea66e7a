"""Real-time tasks: each outbox event the Socket.io channel sends something for is
appended to the real-time stream after its commit (once, by its id), and beat drops what
the stream no longer needs to keep."""

from __future__ import annotations

from celery import shared_task
from flask import current_app

from core.database import DATABASE_ERRORS
from models import OutboxEvent, db, utcnow
from services import carts, outbox, realtime_events
from services.realtime_stream import StreamUnavailable, make_stream

RETRY = {"autoretry_for": (StreamUnavailable, *DATABASE_ERRORS), "retry_backoff": 1,
         "retry_backoff_max": 60, "retry_jitter": True, "max_retries": 20}


def stream():
    found = current_app.extensions.get("stockroom.realtime_stream")
    if found is None:
        found = current_app.extensions["stockroom.realtime_stream"] = make_stream(
            current_app.config)
    return found


def _cart_answer(cart) -> dict:
    # The cart as GET /cart answers it: the endpoint's own schema.
    from api.carts.resources import CartSchema

    return CartSchema().dump(carts.view(cart, utcnow()))


@shared_task(name="tasks.realtime.broadcast_event_task", **RETRY)
def broadcast_event_task(event_id: int) -> str:
    """Append what an outbox event sends to the real-time stream (nothing twice)."""
    event = db.session.get(OutboxEvent, event_id)
    if event is None:
        return "no such event"
    messages = realtime_events.messages_for(event.type, event.data, _cart_answer)
    ids = stream().append(event.id, messages)
    outbox.mark_done(event_id, broadcast_event_task.name)
    db.session.commit()
    return ",".join(map(str, ids)) or "nothing new"


@shared_task(name="tasks.realtime.purge_realtime_stream_task")
def purge_realtime_stream_task() -> int:
    """Drop what is older than the replay window (the database's stream; Redis's trims
    itself)."""
    purged = stream().purge(utcnow())
    db.session.commit()
    return purged
