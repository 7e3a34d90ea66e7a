from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.checkout_payment_flow import CheckoutPaymentFlow
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.shipping_address_input import ShippingAddressInput


T = TypeVar("T", bound="Checkout")


@_attrs_define
class Checkout:
    """
    Attributes:
        address_id (int | Unset): One of my addresses (signed in only)
        cancel_url (str | Unset): checkout_session only (required then): where it sends one who went back
        email (str | Unset): Required for a guest (no bearer): where the order's emails go. Ignored when signed in
        payment_flow (CheckoutPaymentFlow | Unset): payment_intent (when absent): the storefront confirms the answer's
            client_secret; checkout_session: the customer pays on Stripe's hosted page at the answer's checkout_url
        shipping_address (ShippingAddressInput | Unset):
        shipping_method_id (int | Unset): Required when the destination is in a shipping zone: one of GET
            /cart/shipping-options (422 shipping_method_unavailable else)
        success_url (str | Unset): checkout_session only (required then): where the hosted page sends a customer who
            paid; its origin must be in CHECKOUT_REDIRECT_ORIGINS
    """

    address_id: int | Unset = UNSET
    cancel_url: str | Unset = UNSET
    email: str | Unset = UNSET
    payment_flow: CheckoutPaymentFlow | Unset = UNSET
    shipping_address: ShippingAddressInput | Unset = UNSET
    shipping_method_id: int | Unset = UNSET
    success_url: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        address_id = self.address_id

        cancel_url = self.cancel_url

        email = self.email

        payment_flow: str | Unset = UNSET
        if not isinstance(self.payment_flow, Unset):
            payment_flow = self.payment_flow.value

        shipping_address: dict[str, Any] | Unset = UNSET
        if not isinstance(self.shipping_address, Unset):
            shipping_address = self.shipping_address.to_dict()

        shipping_method_id = self.shipping_method_id

        success_url = self.success_url

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if address_id is not UNSET:
            field_dict["address_id"] = address_id
        if cancel_url is not UNSET:
            field_dict["cancel_url"] = cancel_url
        if email is not UNSET:
            field_dict["email"] = email
        if payment_flow is not UNSET:
            field_dict["payment_flow"] = payment_flow
        if shipping_address is not UNSET:
            field_dict["shipping_address"] = shipping_address
        if shipping_method_id is not UNSET:
            field_dict["shipping_method_id"] = shipping_method_id
        if success_url is not UNSET:
            field_dict["success_url"] = success_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.shipping_address_input import ShippingAddressInput  # noqa: PLC0415

        d = dict(src_dict)
        address_id = d.pop("address_id", UNSET)

        cancel_url = d.pop("cancel_url", UNSET)

        email = d.pop("email", UNSET)

        _payment_flow = d.pop("payment_flow", UNSET)
        payment_flow: CheckoutPaymentFlow | Unset
        if isinstance(_payment_flow, Unset):
            payment_flow = UNSET
        else:
            payment_flow = CheckoutPaymentFlow(_payment_flow)

        _shipping_address = d.pop("shipping_address", UNSET)
        shipping_address: ShippingAddressInput | Unset
        if isinstance(_shipping_address, Unset):
            shipping_address = UNSET
        else:
            shipping_address = ShippingAddressInput.from_dict(_shipping_address)

        shipping_method_id = d.pop("shipping_method_id", UNSET)

        success_url = d.pop("success_url", UNSET)

        checkout = cls(
            address_id=address_id,
            cancel_url=cancel_url,
            email=email,
            payment_flow=payment_flow,
            shipping_address=shipping_address,
            shipping_method_id=shipping_method_id,
            success_url=success_url,
        )

        return checkout
