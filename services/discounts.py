"""Discount codes: admin management, and whether a code applies to a subtotal now.

The checks here are advisory for the cart; checkout repeats them and counts the use with a
conditional update, so that concurrent checkouts never exceed ``max_uses``.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from core.errors import Conflict, NotFound, ValidationFailed
from models import Discount, DiscountKind, DiscountRedemption, Order, db


class DiscountNotFound(NotFound):
    error_code = "discount_not_found"


class DiscountCodeTaken(Conflict):
    error_code = "discount_code_taken"


class DiscountNotApplicable(ValidationFailed):
    error_code = "discount_not_applicable"


def normalize_code(code: str) -> str:
    return code.strip().upper()


def find_discount(code: str) -> Discount | None:
    return db.session.scalar(sa.select(Discount).where(Discount.code == normalize_code(code)))


def get_discount(discount_id: int) -> Discount:
    discount = db.session.get(Discount, discount_id)
    if discount is None:
        raise DiscountNotFound("Discount not found.")
    return discount


def list_discounts() -> sa.Select:
    return sa.select(Discount).order_by(Discount.id.desc())


def _check(fields: dict, current: Discount | None = None) -> None:
    kind = fields.get("kind", current.kind if current else None)
    value = fields.get("value", current.value if current else None)
    if kind == DiscountKind.PERCENT.value and value is not None and not 1 <= value <= 100:
        raise ValidationFailed(errors={"value": ["A percent discount is 1 to 100."]})
    starts = fields.get("starts_at", current.starts_at if current else None)
    ends = fields.get("ends_at", current.ends_at if current else None)
    if starts and ends and ends <= starts:
        raise ValidationFailed(errors={"ends_at": ["Must be after starts_at."]})
    max_uses = fields.get("max_uses", current.max_uses if current else None)
    if current is not None and max_uses is not None and max_uses < current.uses:
        raise ValidationFailed(errors={"max_uses": [f"Already used {current.uses} times."]})


def create_discount(fields: dict) -> Discount:
    fields = {**fields, "code": normalize_code(fields["code"])}
    _check(fields)
    if find_discount(fields["code"]) is not None:
        raise DiscountCodeTaken("A discount with this code exists.",
                                errors={"code": ["Already in use."]})
    discount = Discount(**fields)
    db.session.add(discount)
    db.session.flush()
    return discount


def update_discount(discount_id: int, fields: dict) -> Discount:
    discount = get_discount(discount_id)
    if "code" in fields:
        fields = {**fields, "code": normalize_code(fields["code"])}
        clash = find_discount(fields["code"])
        if clash is not None and clash.id != discount.id:
            raise DiscountCodeTaken("A discount with this code exists.",
                                    errors={"code": ["Already in use."]})
    _check(fields, discount)
    for name, value in fields.items():
        setattr(discount, name, value)
    db.session.flush()
    return discount


def customer_uses(discount_id: int, user_id: int | None, email: str | None = None) -> int:
    """How often the customer used the code: the account's redemptions, or for a guest
    (no ``user_id``) those of the orders placed with their email."""
    query = sa.select(sa.func.count(DiscountRedemption.id)).where(
        DiscountRedemption.discount_id == discount_id)
    if user_id is not None:
        return db.session.scalar(query.where(DiscountRedemption.user_id == user_id))
    if email is None:
        return 0
    return db.session.scalar(query.join(Order, Order.id == DiscountRedemption.order_id)
                             .where(Order.email == email))


def refusal(discount: Discount | None, subtotal: int, now: datetime,
            customer_uses: int = 0, counting_this_use: bool = False,
            currency: str | None = None) -> str | None:
    """Why ``discount`` does not apply now (a sentence), or None when it does.

    ``counting_this_use``: the caller has already counted the use it asks about (checkout),
    so ``uses`` may equal ``max_uses``. An amount off, or a minimum subtotal, is in the
    code's currency: such a code applies only to a cart in ``currency`` equal to it; a
    percentage with no minimum applies in any.
    """
    if discount is None or not discount.active:
        return "Unknown discount code."
    if (currency is not None and currency != discount.currency
            and (discount.kind != DiscountKind.PERCENT.value or discount.min_subtotal)):
        return f"This code is for carts in {discount.currency.upper()}."
    if discount.starts_at and now < discount.starts_at:
        return "This code is not valid yet."
    if discount.ends_at and now >= discount.ends_at:
        return "This code has expired."
    uses_before = discount.uses - (1 if counting_this_use else 0)
    if discount.max_uses is not None and uses_before >= discount.max_uses:
        return "This code has been used up."
    if discount.per_customer_limit is not None and customer_uses >= discount.per_customer_limit:
        return "You have already used this code."
    if subtotal < discount.min_subtotal:
        return f"This code needs a subtotal of at least {discount.min_subtotal} cents."
    return None


def give_back_use(order_id: int) -> None:
    """An order that used a code was cancelled or expired before payment: its use and its
    redemption (the per-customer count) come back. Once per order: the redemption row is
    the proof of the use, and only the statement that deletes it gives the use back."""
    discount_id = db.session.execute(
        sa.delete(DiscountRedemption).where(DiscountRedemption.order_id == order_id)
        .returning(DiscountRedemption.discount_id)).scalar()
    if discount_id is not None:
        db.session.execute(
            sa.update(Discount).where(Discount.id == discount_id, Discount.uses > 0)
            .values(uses=Discount.uses - 1).execution_options(synchronize_session=False))


def take_use_again(order_id: int, discount_id: int | None, user_id: int | None,
                   now: datetime) -> None:
    """A payment that arrived after its order expired revived the order at its discounted
    price: the use it gave back is counted again (the sale was made; ``max_uses`` was
    checked when the order was placed)."""
    if discount_id is None or db.session.get(Discount, discount_id) is None:
        return
    db.session.execute(
        sa.update(Discount).where(Discount.id == discount_id)
        .values(uses=Discount.uses + 1).execution_options(synchronize_session=False))
    db.session.add(DiscountRedemption(discount_id=discount_id, user_id=user_id,
                                      order_id=order_id, created_at=now))
    db.session.flush()
