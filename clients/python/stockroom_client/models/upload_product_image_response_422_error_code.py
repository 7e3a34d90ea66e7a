from enum import StrEnum


class UploadProductImageResponse422ErrorCode(StrEnum):
    UNSUPPORTED_IMAGE = "unsupported_image"

    def __str__(self) -> str:
        return str(self.value)
