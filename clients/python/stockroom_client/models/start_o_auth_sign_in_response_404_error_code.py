from enum import StrEnum


class StartOAuthSignInResponse404ErrorCode(StrEnum):
    NOT_FOUND = "not_found"
    UNKNOWN_OAUTH_PROVIDER = "unknown_oauth_provider"

    def __str__(self) -> str:
        return str(self.value)
