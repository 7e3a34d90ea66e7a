"""One real-time process's delivery: follow the stream in order and send each entry to this
process's subscribers of its rooms, each entry once to each subscriber, in id order; replay
what a subscriber missed (``since``) before it gets live entries again.

Each subscriber keeps a cursor per room (the last id sent to it for that room): an entry
goes to a subscriber when it is newer than the cursor of one of its rooms, and moves the
cursor of each of them, so an entry for two of a client's rooms is sent once. While a
subscriber replays, the live follower passes it by and the replay reads the stream up to
the follower's position, then hands over, in one step with no wait in between: nothing is
missed between the two, nothing sent twice.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from services.realtime_stream import Entry, StreamUnavailable

log = logging.getLogger(__name__)

PAGE = 500


@dataclass
class Subscriber:
    # room -> the last entry id sent for it
    rooms: dict[str, int] = field(default_factory=dict)
    replaying: bool = False

    def take(self, entry: Entry) -> bool:
        """Whether ``entry`` is to be sent (newer than one of its rooms' cursors); moves
        the cursors of the entry's rooms this subscriber has."""
        mine = [room for room in entry.message.rooms if room in self.rooms]
        due = any(entry.id > self.rooms[room] for room in mine)
        for room in mine:
            self.rooms[room] = max(self.rooms[room], entry.id)
        return due


class Hub:
    """``call`` runs a blocking stream read (in a thread, with what it needs);
    ``send(sid, entry)`` emits an entry to one client; ``reset(sid)`` tells a client the
    stream was lost (Redis came back empty) and drops its subscriptions."""

    def __init__(self, stream, call: Callable[..., Awaitable], send, reset,
                 poll_seconds: float, block_ms: int = 1000):
        self.stream, self.call, self.send, self.reset = stream, call, send, reset
        self.poll_seconds, self.block_ms = poll_seconds, block_ms
        self.position = 0
        self.epoch: str | None = None
        self.subscribers: dict[str, Subscriber] = {}
        self.members: dict[str, set[str]] = defaultdict(set)
        self._task: asyncio.Task | None = None
        self.ready = asyncio.Event()

    # The follower ---------------------------------------------------------------------------

    async def start(self) -> None:
        self._task = asyncio.create_task(self._follow(), name="realtime-follow")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()

    async def _catch_up_identity(self) -> None:
        self.position = await self.call(self.stream.head)
        self.epoch = await self.call(self.stream.epoch)

    async def _follow(self) -> None:
        wait = 0.2
        while True:
            try:
                if not self.ready.is_set():
                    await self._catch_up_identity()
                    self.ready.set()
                    # Said on uvicorn's logger: what a supervisor (and the tests) wait for.
                    logging.getLogger("uvicorn.error").info(
                        "real-time follower ready at %s (%s stream)", self.position,
                        self.stream.kind)
                entries = await self.call(self.stream.after, self.position, PAGE,
                                          self.block_ms)
                wait = 0.2
            except asyncio.CancelledError:
                raise
            except StreamUnavailable as error:
                log.warning("real-time stream unavailable (%s); retrying in %.1fs", error, wait)
                await asyncio.sleep(wait)
                wait = min(wait * 2, 5)
                await self._check_epoch()
                continue
            except Exception:  # a bug must not stop delivery for good
                log.exception("real-time follower failed; retrying")
                await asyncio.sleep(wait)
                continue
            for entry in entries:
                await self._deliver(entry)
                self.position = max(self.position, entry.id)
            if not entries and self.stream.kind == "database":
                await asyncio.sleep(self.poll_seconds)

    async def _check_epoch(self) -> None:
        """After the store was away: if it came back without the stream (Redis restarted
        empty), what was appended and not yet read is gone. Every subscriber is told to
        reload (``stream_reset``) rather than left with a silent gap."""
        try:
            epoch = await self.call(self.stream.epoch)
        except StreamUnavailable:
            return
        if epoch == self.epoch:
            return
        log.warning("real-time stream was reset (epoch %s -> %s): clients reload",
                    self.epoch, epoch)
        self.epoch = epoch
        for sid in list(self.subscribers):
            self.forget(sid)
            await self.reset(sid)

    async def _deliver(self, entry: Entry) -> None:
        sids: set[str] = set()
        for room in entry.message.rooms:
            sids |= self.members.get(room, set())
        for sid in sorted(sids):
            subscriber = self.subscribers.get(sid)
            if subscriber is None or subscriber.replaying:
                continue
            if subscriber.take(entry):
                await self.send(sid, entry)

    # Subscriptions --------------------------------------------------------------------------

    def forget(self, sid: str) -> None:
        subscriber = self.subscribers.pop(sid, None)
        for room in subscriber.rooms if subscriber else ():
            self.members[room].discard(sid)
            if not self.members[room]:
                del self.members[room]

    async def replay_available(self, since: int) -> bool:
        """Whether a client that last saw ``since`` can be caught up: that entry is still
        kept (every later one is, then), or nothing came after it."""
        await self.ready.wait()
        if since >= self.position:
            return True
        return await self.call(self.stream.has, since)

    async def subscribe(self, sid: str, room: str, since: int | None) -> None:
        """Join ``room``: from now on, or after ``since`` (the caller checked it with
        ``replay_available``)."""
        await self.ready.wait()
        subscriber = self.subscribers.setdefault(sid, Subscriber())
        if room in subscriber.rooms:
            return
        subscriber.rooms[room] = self.position if since is None else since
        self.members[room].add(sid)
        if since is None or since >= self.position or subscriber.replaying:
            # Live from the follower's position on (a replay already running covers a room
            # added meanwhile: it starts again from the lowest cursor).
            return
        subscriber.replaying = True
        try:
            await self._replay(sid, subscriber)
        finally:
            subscriber.replaying = False

    async def _replay(self, sid: str, subscriber: Subscriber) -> None:
        while self.subscribers.get(sid) is subscriber:
            start = min(subscriber.rooms.values())
            until = self.position
            if start >= until:
                return            # caught up: the follower takes over, with no wait between
            entries = await self.call(self.stream.between, start, until, PAGE)
            for entry in entries:
                if self.subscribers.get(sid) is not subscriber:
                    return
                if subscriber.take(entry):
                    await self.send(sid, entry)
            # Every room has been read through this page (the stream holds every room).
            reached = entries[-1].id if len(entries) == PAGE else until
            for room in subscriber.rooms:
                subscriber.rooms[room] = max(subscriber.rooms[room], reached)
