from enum import StrEnum


class StartOAuthSignInResponse404ErrorCode(StrEnum):
    UNKNOWN_OAUTH_PROVIDER = "unknown_oauth_provider"

    def __str__(self) -> str:
        return str(self.value)
