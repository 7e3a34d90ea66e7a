"""The embedded broker's writes are atomic: a consumer sees no message, or all of it."""

from __future__ import annotations

import os
from queue import Empty

import pytest

from core import broker


def test_a_message_being_written_is_not_taken_and_a_written_one_is_whole(app, tmp_path):
    from tests.helpers import another_app

    other = another_app(app, CELERY_BROKER_URL="filesystem://", INSTANCE_PATH=str(tmp_path))
    with other.extensions["celery"].connection_for_write() as connection:
        channel = connection.default_channel
        assert isinstance(channel, broker.Channel)
        folder = channel.data_folder_in
        # What kombu's own transport left for a moment: the file, not yet its contents.
        open(os.path.join(folder, "1_x.emails.msg.part"), "wb").close()
        with pytest.raises(Empty):
            channel._get("emails")
        channel._put("emails", {"body": "hello"})
        assert channel._get("emails") == {"body": "hello"}
        assert not [name for name in os.listdir(folder) if name.endswith(".emails.msg")]
