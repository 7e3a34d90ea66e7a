from enum import StrEnum


class ListAdminProductsSort(StrEnum):
    NEWEST = "newest"
    POPULAR = "popular"
    PRICE = "price"
    RELEVANCE = "relevance"
    VALUE_2 = "-price"

    def __str__(self) -> str:
        return str(self.value)
