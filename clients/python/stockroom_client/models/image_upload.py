from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .. import types
from ..types import UNSET, File, Unset

T = TypeVar("T", bound="ImageUpload")


@_attrs_define
class ImageUpload:
    """
    Attributes:
        file (File):
        alt (str | Unset):  Default: ''.
    """

    file: File
    alt: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        file = self.file.to_tuple()

        alt = self.alt

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "file": file,
            }
        )
        if alt is not UNSET:
            field_dict["alt"] = alt

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("file", self.file.to_tuple()))

        if not isinstance(self.alt, Unset):
            files.append(("alt", (None, str(self.alt).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file = File(payload=BytesIO(d.pop("file")))

        alt = d.pop("alt", UNSET)

        image_upload = cls(
            file=file,
            alt=alt,
        )

        return image_upload
