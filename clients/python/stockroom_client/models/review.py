from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="Review")


@_attrs_define
class Review:
    """
    Attributes:
        author (str): The reviewer's name
        body (None | str):
        created_at (datetime.datetime):
        id (int):
        product_id (int):
        rating (int):
        title (None | str):
    """

    author: str
    body: None | str
    created_at: datetime.datetime
    id: int
    product_id: int
    rating: int
    title: None | str

    def to_dict(self) -> dict[str, Any]:
        author = self.author

        body: None | str
        body = self.body

        created_at = self.created_at.isoformat()

        id = self.id

        product_id = self.product_id

        rating = self.rating

        title: None | str
        title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "author": author,
                "body": body,
                "created_at": created_at,
                "id": id,
                "product_id": product_id,
                "rating": rating,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        author = d.pop("author")

        def _parse_body(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        body = _parse_body(d.pop("body"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        product_id = d.pop("product_id")

        rating = d.pop("rating")

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))

        review = cls(
            author=author,
            body=body,
            created_at=created_at,
            id=id,
            product_id=product_id,
            rating=rating,
            title=title,
        )

        return review
