from enum import StrEnum


class ListUsersRole(StrEnum):
    ADMIN = "admin"
    CUSTOMER = "customer"
    SELLER = "seller"

    def __str__(self) -> str:
        return str(self.value)
