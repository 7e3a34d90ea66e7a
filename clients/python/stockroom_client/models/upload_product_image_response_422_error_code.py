from enum import StrEnum


class UploadProductImageResponse422ErrorCode(StrEnum):
    UNSUPPORTED_IMAGE = "unsupported_image"
    VALIDATION_FAILED = "validation_failed"

    def __str__(self) -> str:
        return str(self.value)
