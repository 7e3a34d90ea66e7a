"""The embedded broker (``filesystem://``) with atomic writes.

kombu's filesystem transport creates a message's file, then writes it: a consumer that
lists the folder in between moves and reads an empty file, and the worker dies on the
JSON error (seen in CI). Here a message is written under a name consumers skip and then
renamed into place (``os.replace``, atomic within the folder), so a consumer finds
either no file or the whole message.
"""

from __future__ import annotations

import os
import uuid
from time import monotonic

from kombu.exceptions import ChannelError
from kombu.transport import TRANSPORT_ALIASES, filesystem
from kombu.utils.encoding import str_to_bytes
from kombu.utils.json import dumps


class Channel(filesystem.Channel):
    def _put(self, queue, payload, **kwargs):
        name = f"{round(monotonic() * 1000)}_{uuid.uuid4()}.{queue}.msg"
        final = os.path.join(self.data_folder_out, name)
        # Consumers take only names ending in ".<queue>.msg".
        partial = final + ".part"
        try:
            with open(partial, "wb", buffering=0) as handle:
                handle.write(str_to_bytes(dumps(payload)))
            os.replace(partial, final)
        except OSError as exc:
            raise ChannelError(f"Cannot add file {final!r} to directory") from exc


class Transport(filesystem.Transport):
    Channel = Channel


def install() -> None:
    """Make ``filesystem://`` this transport, in this process (the app, the workers,
    beat and Flower all build the Celery app, which calls this)."""
    TRANSPORT_ALIASES["filesystem"] = "core.broker:Transport"
