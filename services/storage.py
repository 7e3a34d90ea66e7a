"""Where uploaded files live, behind one small interface.

The default is a local folder (``instance/media``) served by the app under ``/media``; an
S3-compatible backend would implement the same two methods.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol


class Storage(Protocol):
    def save(self, key: str, data: bytes, content_type: str) -> str:
        """Store ``data`` under ``key``; return the public URL."""

    def delete(self, key: str) -> None:
        """Remove ``key``; removing what is not there is not an error."""


class LocalStorage:
    def __init__(self, root: Path, base_url: str = "/media"):
        self.root = root
        self.base_url = base_url.rstrip("/")

    def _path(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if self.root.resolve() not in path.parents:
            raise ValueError(f"storage key escapes the storage root: {key!r}")
        return path

    def save(self, key: str, data: bytes, content_type: str) -> str:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(path.suffix + ".part")
        temporary.write_bytes(data)
        temporary.replace(path)
        return f"{self.base_url}/{key}"

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)
