from enum import StrEnum


class AdminUserDetailRole(StrEnum):
    ADMIN = "admin"
    CUSTOMER = "customer"
    SELLER = "seller"

    def __str__(self) -> str:
        return str(self.value)
