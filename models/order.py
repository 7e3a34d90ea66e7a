"""Orders: snapshots of what was bought, at what price, shipped where; and their timeline."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import TimestampMixin, UTCDateTime, db, utcnow

if TYPE_CHECKING:
    from models.location import OrderAllocation
    from models.order_edit import BalancePayment, OrderEdit
    from models.payment import Refund
    from models.shipment import Shipment
    from models.user import User


class OrderStatus(enum.StrEnum):
    PENDING_PAYMENT = "pending_payment"
    PAID = "paid"
    PROCESSING = "processing"
    PARTIALLY_SHIPPED = "partially_shipped"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"
    REFUNDED = "refunded"


class PaymentStatus(enum.StrEnum):
    PENDING = "pending"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    REFUND_PENDING = "refund_pending"
    PARTIALLY_REFUNDED = "partially_refunded"
    REFUNDED = "refunded"
    CANCELLED = "cancelled"


class CancelledBy(enum.StrEnum):
    CUSTOMER = "customer"
    ADMIN = "admin"
    EXPIRY = "expiry"
    PROVIDER = "provider"


class Order(TimestampMixin, db.Model):
    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(sa.String(32), unique=True, nullable=False)
    # None for a guest's order until an account with its email takes it over.
    user_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="RESTRICT"), index=True)
    # A guest order's secret: its order token is an HMAC over the id and this nonce, so
    # that neither the token nor anything that makes it is stored.
    guest_nonce: Mapped[str | None] = mapped_column(sa.String(64))
    email: Mapped[str] = mapped_column(sa.String(254), nullable=False)
    status: Mapped[str] = mapped_column(sa.String(20), nullable=False,
                                        default=OrderStatus.PENDING_PAYMENT.value)
    payment_status: Mapped[str] = mapped_column(sa.String(20), nullable=False,
                                                default=PaymentStatus.PENDING.value)
    currency: Mapped[str] = mapped_column(sa.String(3), nullable=False)
    subtotal: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    discount_total: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    shipping_total: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    tax_total: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0)
    total: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    shipping_address: Mapped[dict] = mapped_column(sa.JSON, nullable=False)
    discount_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("discounts.id", ondelete="SET NULL"))
    discount_code: Mapped[str | None] = mapped_column(sa.String(40))
    payment_provider: Mapped[str] = mapped_column(sa.String(16), nullable=False)
    payment_intent_id: Mapped[str | None] = mapped_column(sa.String(255), unique=True)
    # ``payment_intent`` (the storefront confirms it) or ``checkout_session`` (Stripe's
    # hosted page, whose session makes the PaymentIntent when the customer pays).
    payment_flow: Mapped[str] = mapped_column(sa.String(20), nullable=False,
                                              default="payment_intent",
                                              server_default="payment_intent")
    checkout_session_id: Mapped[str | None] = mapped_column(sa.String(255), unique=True)
    # Where the hosted page sends the customer back: kept so that a retried start makes
    # the same session.
    checkout_success_url: Mapped[str | None] = mapped_column(sa.String(2000))
    checkout_cancel_url: Mapped[str | None] = mapped_column(sa.String(2000))
    reservation_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # What the provider captured: the first payment, plus the balance payments of edits
    # (``models.order_edit``). The refund ledger's bound: refunds never exceed it.
    amount_paid: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0,
                                             server_default="0")
    # What an edit that raised the paid total still asks the customer to pay.
    balance_due: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0,
                                             server_default="0")
    # What the provider has confirmed refunded, in cents; moves only up.
    amount_refunded: Mapped[int] = mapped_column(sa.Integer, nullable=False, default=0,
                                                 server_default="0")
    paid_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Who cancelled it (``CancelledBy``): a payment that succeeds after a person's cancel is
    # refunded in full; after an expiry it takes the stock again if it can.
    cancelled_by: Mapped[str | None] = mapped_column(sa.String(16))
    tracking_number: Mapped[str | None] = mapped_column(sa.String(100))
    # The shipping method as it was chosen ({id, name, price}); None for the flat rate.
    shipping_method: Mapped[dict | None] = mapped_column(sa.JSON)
    # [{name, rate_bps, amount}] as charged.
    tax_lines: Mapped[list] = mapped_column(sa.JSON, nullable=False, default=list,
                                            server_default="[]")
    carrier: Mapped[str | None] = mapped_column(sa.String(50))
    # Stripe Tax (TAX_PROVIDER=stripe): the calculation the order was charged, and the tax
    # transaction recorded from it once paid.
    tax_calculation_id: Mapped[str | None] = mapped_column(sa.String(255))
    tax_transaction_id: Mapped[str | None] = mapped_column(sa.String(255))

    items: Mapped[list[OrderItem]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderItem.id")
    timeline: Mapped[list[OrderEvent]] = relationship(
        cascade="all, delete-orphan", order_by="OrderEvent.id")
    # Read-only views for the back office; refunds are written by services.payments.
    customer: Mapped[User | None] = relationship(viewonly=True)
    refunds: Mapped[list[Refund]] = relationship(viewonly=True, order_by="Refund.id")
    # Written by services.shipments.
    shipments: Mapped[list[Shipment]] = relationship(viewonly=True, order_by="Shipment.id")
    # Written by services.order_edits and services.balance_payments.
    edits: Mapped[list[OrderEdit]] = relationship(viewonly=True, order_by="OrderEdit.id")
    balance_payments: Mapped[list[BalancePayment]] = relationship(
        viewonly=True, order_by="BalancePayment.id")
    # Where its units are held or were taken (services.inventory writes them).
    allocations: Mapped[list[OrderAllocation]] = relationship(
        cascade="all, delete-orphan", order_by="OrderAllocation.id")

    __table_args__ = (
        sa.Index("ix_orders_user_id_created_at", "user_id", "created_at"),
        # The expiry sweep's scan: unpaid orders by when their hold lapses.
        sa.Index("ix_orders_status_reservation_expires_at", "status", "reservation_expires_at"),
        sa.CheckConstraint("total >= 0 AND subtotal >= 0 AND discount_total >= 0 "
                           "AND shipping_total >= 0 AND tax_total >= 0", name="amounts"),
        sa.CheckConstraint("amount_refunded >= 0 AND amount_refunded <= amount_paid",
                           name="amount_refunded_within_paid"),
        sa.CheckConstraint("amount_paid >= 0 AND balance_due >= 0", name="paid_and_due"),
        sa.CheckConstraint("payment_flow IN ('payment_intent', 'checkout_session')",
                           name="payment_flow"),
    )

    @property
    def tax_included(self) -> bool:
        """Whether its prices held their tax (nothing was added to the total for it), as
        charged: the catalog's setting may have changed since."""
        return self.total == self.subtotal - self.discount_total + self.shipping_total

    @property
    def pending_balance(self) -> BalancePayment | None:
        """The balance an edit asks to be paid, if any (at most one is pending)."""
        return next((balance for balance in self.balance_payments
                     if balance.status == "pending"), None)

    def stock_lines(self) -> dict[int, int]:
        """{variant_id: quantity} of the lines whose variant still exists."""
        lines: dict[int, int] = {}
        for item in self.items:
            if item.variant_id is not None:
                lines[item.variant_id] = lines.get(item.variant_id, 0) + item.quantity
        return lines


PAYMENT_FLOWS = ("payment_intent", "checkout_session")


class OrderItem(db.Model):
    __tablename__ = "order_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(
        sa.ForeignKey("orders.id", ondelete="CASCADE"), nullable=False, index=True)
    variant_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("variants.id", ondelete="SET NULL"), index=True)
    product_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("products.id", ondelete="SET NULL"))
    sku: Mapped[str] = mapped_column(sa.String(64), nullable=False)
    product_name: Mapped[str] = mapped_column(sa.String(200), nullable=False)
    variant_name: Mapped[str] = mapped_column(sa.String(200), nullable=False)
    unit_price: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    quantity: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    line_total: Mapped[int] = mapped_column(sa.Integer, nullable=False)

    order: Mapped[Order] = relationship(back_populates="items")


class OrderEvent(db.Model):
    """One entry of an order's timeline: a status it reached, when, and why."""

    __tablename__ = "order_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(
        sa.ForeignKey("orders.id", ondelete="CASCADE"), nullable=False, index=True)
    status: Mapped[str] = mapped_column(sa.String(20), nullable=False)
    note: Mapped[str | None] = mapped_column(sa.String(500))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
