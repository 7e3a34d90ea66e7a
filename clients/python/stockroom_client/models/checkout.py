from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.shipping_address_input import ShippingAddressInput


T = TypeVar("T", bound="Checkout")


@_attrs_define
class Checkout:
    """
    Attributes:
        address_id (int | Unset): One of my addresses (signed in only)
        email (str | Unset): Required for a guest (no bearer): where the order's emails go. Ignored when signed in
        shipping_address (ShippingAddressInput | Unset):
        shipping_method_id (int | Unset): Required when the destination is in a shipping zone: one of GET
            /cart/shipping-options (422 shipping_method_unavailable else)
    """

    address_id: int | Unset = UNSET
    email: str | Unset = UNSET
    shipping_address: ShippingAddressInput | Unset = UNSET
    shipping_method_id: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        address_id = self.address_id

        email = self.email

        shipping_address: dict[str, Any] | Unset = UNSET
        if not isinstance(self.shipping_address, Unset):
            shipping_address = self.shipping_address.to_dict()

        shipping_method_id = self.shipping_method_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if address_id is not UNSET:
            field_dict["address_id"] = address_id
        if email is not UNSET:
            field_dict["email"] = email
        if shipping_address is not UNSET:
            field_dict["shipping_address"] = shipping_address
        if shipping_method_id is not UNSET:
            field_dict["shipping_method_id"] = shipping_method_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.shipping_address_input import ShippingAddressInput  # noqa: PLC0415

        d = dict(src_dict)
        address_id = d.pop("address_id", UNSET)

        email = d.pop("email", UNSET)

        _shipping_address = d.pop("shipping_address", UNSET)
        shipping_address: ShippingAddressInput | Unset
        if isinstance(_shipping_address, Unset):
            shipping_address = UNSET
        else:
            shipping_address = ShippingAddressInput.from_dict(_shipping_address)

        shipping_method_id = d.pop("shipping_method_id", UNSET)

        checkout = cls(
            address_id=address_id,
            email=email,
            shipping_address=shipping_address,
            shipping_method_id=shipping_method_id,
        )

        return checkout
