from enum import StrEnum


class StartOAuthSignInResponse400ErrorCode(StrEnum):
    OAUTH_FAILED = "oauth_failed"

    def __str__(self) -> str:
        return str(self.value)
