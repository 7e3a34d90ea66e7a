from enum import StrEnum


class AdminUserRole(StrEnum):
    ADMIN = "admin"
    CUSTOMER = "customer"
    SELLER = "seller"

    def __str__(self) -> str:
        return str(self.value)
