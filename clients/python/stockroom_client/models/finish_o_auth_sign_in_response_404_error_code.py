from enum import StrEnum


class FinishOAuthSignInResponse404ErrorCode(StrEnum):
    UNKNOWN_OAUTH_PROVIDER = "unknown_oauth_provider"

    def __str__(self) -> str:
        return str(self.value)
