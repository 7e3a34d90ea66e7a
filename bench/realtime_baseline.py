"""The real-time benchmark's baseline: a bare python-socketio server (AsyncServer under the
same uvicorn and websocket implementation as ``flask realtime``) with one room per
product, and an emit loop: on the ``go`` event (rate, seconds), it emits to one product room
after another at that steady rate, each message stamped with the time it was emitted.
No database, no stream, no auth: what python-socketio itself costs on this machine.

    python bench/realtime_baseline.py PORT
"""

from __future__ import annotations

import asyncio
import sys
import time

import socketio
import uvicorn

sio = socketio.AsyncServer(async_mode="asgi", logger=False, engineio_logger=False)
running: set[asyncio.Task] = set()


@sio.on("subscribe")
async def subscribe(sid, data):
    room = f"product:{data['product_id']}"
    await sio.enter_room(sid, room)
    await sio.emit("subscribed", {"room": room, "since": None}, to=sid)


@sio.on("go")
async def go(_sid, data):
    task = asyncio.create_task(_emit_loop(data["rate"], data["seconds"], data["product_ids"]))
    running.add(task)
    task.add_done_callback(running.discard)


async def _emit_loop(rate: float, seconds: float, product_ids: list[int]) -> None:
    total = int(rate * seconds)
    started = time.monotonic()
    for seq in range(total):
        # Steady: each emit at its slot, not as fast as possible.
        delay = started + seq / rate - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        product_id = product_ids[seq % len(product_ids)]
        await sio.emit("inventory.changed", {"id": seq + 1, "product_id": product_id,
                                             "seq": seq, "sent_at": time.time()},
                       room=f"product:{product_id}")


if __name__ == "__main__":
    uvicorn.run(socketio.ASGIApp(sio), host="127.0.0.1", port=int(sys.argv[1]),
                ws="websockets-sansio", log_level="info", access_log=False)
