"""The real-time benchmark's clients: N python-socketio asyncio clients over the websocket
transport, each subscribed to one product room (spread evenly), noting when each event
arrived. Prints "ready N" once all are subscribed and "received all" once EXPECTED events
have arrived; on SIGTERM writes one JSON line per event received ``[data, received_at]`` to
OUT and exits.

    python bench/realtime_clients.py URL CLIENTS PRODUCT_IDS(comma separated) EXPECTED OUT
"""

from __future__ import annotations

import asyncio
import json
import signal
import sys
import time

import socketio

CONNECT_BATCH = 50


async def main(url: str, count: int, product_ids: list[int], expected: int,
               out: str) -> None:
    received: list[tuple[dict, float]] = []
    subscribed = 0
    all_subscribed = asyncio.Event()
    clients: list[socketio.AsyncClient] = []

    def client_for(product_id: int) -> socketio.AsyncClient:
        client = socketio.AsyncClient(reconnection=False)

        @client.on("subscribed")
        async def on_subscribed(_data):
            nonlocal subscribed
            subscribed += 1
            if subscribed == count:
                all_subscribed.set()

        @client.on("*")
        async def on_event(_event, data=None):
            received.append((data, time.time()))
            if len(received) == expected:
                print("received all", flush=True)

        @client.on("connect")
        async def on_connect():
            await client.emit("subscribe", {"product_id": product_id})

        return client

    for start in range(0, count, CONNECT_BATCH):
        batch = [client_for(product_ids[n % len(product_ids)])
                 for n in range(start, min(count, start + CONNECT_BATCH))]
        await asyncio.gather(*(c.connect(url, transports=["websocket"], wait_timeout=30)
                               for c in batch))
        clients.extend(batch)
    await asyncio.wait_for(all_subscribed.wait(), timeout=120)
    print(f"ready {count}", flush=True)

    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    await stop.wait()
    with open(out, "w") as handle:
        for data, at in received:
            handle.write(json.dumps([data, at]) + "\n")
    await asyncio.gather(*(c.disconnect() for c in clients), return_exceptions=True)


if __name__ == "__main__":
    url, count, ids, expected, out = sys.argv[1:6]
    asyncio.run(main(url, int(count), [int(i) for i in ids.split(",")], int(expected), out))
