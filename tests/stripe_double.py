"""A local double of the Stripe endpoints localstripe lacks: Checkout Sessions (with the
coupons, PaymentIntents and refunds a paid session leads to) and Stripe Tax (calculations,
transactions and their reversals), in the shapes Stripe's API reference documents. The
real ``stripe`` library talks to it over HTTP (``STRIPE_API_BASE``), form-encoded as it
talks to Stripe.

What it checks as Stripe does: a session's ``expires_at`` is 30 minutes to 24 hours away,
its prices are non-negative integers, a coupon's amount is positive, an idempotency key
answers the same object again, a session that is not open cannot be expired, a refund
cannot exceed what is left. ``/_double/...`` routes stand for what a customer does on the
hosted page (pays, or lets it lapse); ``requests`` records every call.
"""

from __future__ import annotations

import re
import secrets
import threading
import time
from typing import Any

from flask import Flask, jsonify, request
from werkzeug.serving import make_server


def parse_form(pairs) -> dict:
    """Stripe's form encoding back into objects: ``a[b][0][c]=1`` is {a: {b: [{c: 1}]}}."""
    root: dict = {}
    for key, value in pairs:
        parts = re.findall(r"[^\[\]]+", key)
        node: Any = root
        for index, part in enumerate(parts):
            last = index == len(parts) - 1
            nxt = None if last else parts[index + 1]
            if isinstance(node, list):
                position = int(part)
                while len(node) <= position:
                    node.append(None)
                if last:
                    node[position] = value
                else:
                    if node[position] is None:
                        node[position] = [] if nxt.isdigit() else {}
                    node = node[position]
            else:
                if last:
                    node[part] = value
                else:
                    node = node.setdefault(part, [] if nxt.isdigit() else {})
    return root


def _int(value) -> int:
    if value is None or not re.fullmatch(r"-?\d+", str(value)):
        raise ValueError(f"not an integer: {value!r}")
    return int(value)


class StripeError(Exception):
    def __init__(self, message: str, param: str | None = None, status: int = 400,
                 code: str | None = None):
        super().__init__(message)
        self.body = {"error": {"type": "invalid_request_error", "message": message,
                               "param": param, "code": code}}
        self.status = status


class StripeDouble:
    def __init__(self):
        self.sessions: dict[str, dict] = {}
        self.coupons: dict[str, dict] = {}
        self.intents: dict[str, dict] = {}
        self.refunds: dict[str, dict] = {}
        self.calculations: dict[str, dict] = {}
        self.transactions: dict[str, dict] = {}
        self.idempotent: dict[tuple[str, str], tuple[int, dict]] = {}
        self.requests: list[tuple[str, str, dict]] = []
        # A test may make the next calls of a path fail ({path prefix: status}).
        self.failures: dict[str, int] = {}
        self.lock = threading.Lock()
        self.app = self._make_app()
        self.server = make_server("127.0.0.1", 0, self.app, threaded=True)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}"

    def start(self) -> StripeDouble:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def calls(self, method: str, path_prefix: str) -> list[dict]:
        return [params for m, path, params in self.requests
                if m == method and path.startswith(path_prefix)]

    # Objects --------------------------------------------------------------------------

    def _session(self, params: dict) -> dict:
        now = int(time.time())
        expires_at = _int(params.get("expires_at", now + 86_400))
        if not now + 1800 <= expires_at <= now + 86_400:
            raise StripeError("The `expires_at` timestamp must be between 30 minutes and "
                              "24 hours from Checkout Session creation.", "expires_at")
        if params.get("mode") != "payment":
            raise StripeError("Only payment mode here.", "mode")
        items = params.get("line_items") or []
        if not items:
            raise StripeError("line_items is required in payment mode.", "line_items")
        currency = None
        subtotal = 0
        for index, item in enumerate(items):
            data = item.get("price_data") or {}
            amount, quantity = _int(data.get("unit_amount")), _int(item.get("quantity"))
            if amount < 0 or quantity < 1:
                raise StripeError("Invalid amount or quantity.", f"line_items[{index}]")
            if currency not in (None, data.get("currency")):
                raise StripeError("All line items must share a currency.", "line_items")
            currency = data.get("currency")
            subtotal += amount * quantity
        shipping = 0
        for option in params.get("shipping_options") or []:
            fixed = option["shipping_rate_data"]["fixed_amount"]
            if fixed["currency"] != currency:
                raise StripeError("Shipping in another currency.", "shipping_options")
            shipping = _int(fixed["amount"])
        discount = 0
        for entry in params.get("discounts") or []:
            coupon = self.coupons.get(entry.get("coupon"))
            if coupon is None:
                raise StripeError("No such coupon.", "discounts", status=404,
                                  code="resource_missing")
            discount += min(coupon["amount_off"], subtotal)
        session_id = f"cs_test_{secrets.token_hex(12)}"
        return {
            "id": session_id, "object": "checkout.session", "mode": "payment",
            "status": "open", "payment_status": "unpaid", "payment_intent": None,
            "currency": currency, "amount_subtotal": subtotal,
            "amount_total": subtotal - discount + shipping,
            "total_details": {"amount_discount": discount, "amount_shipping": shipping,
                              "amount_tax": 0},
            "url": f"{self.url}/pay/{session_id}", "expires_at": expires_at,
            "client_reference_id": params.get("client_reference_id"),
            "customer_email": params.get("customer_email"),
            "metadata": params.get("metadata") or {},
            "success_url": params.get("success_url"), "cancel_url": params.get("cancel_url"),
            "line_items_sent": items,
            "payment_intent_metadata": (params.get("payment_intent_data") or {}).get(
                "metadata") or {},
            "created": now,
        }

    def pay(self, session_id: str) -> dict:
        """The customer pays on the hosted page: the session completes with a PaymentIntent
        that succeeded for its total."""
        with self.lock:
            session = self.sessions[session_id]
            if session["status"] != "open":
                raise StripeError(f"The session is {session['status']}.")
            intent_id = f"pi_{secrets.token_hex(12)}"
            self.intents[intent_id] = {
                "id": intent_id, "object": "payment_intent", "status": "succeeded",
                "amount": session["amount_total"], "currency": session["currency"],
                "metadata": session["payment_intent_metadata"], "client_secret":
                f"{intent_id}_secret_x", "last_payment_error": None,
                "latest_charge": {"id": f"ch_{intent_id}", "object": "charge",
                                  "amount_refunded": 0}}
            session.update(status="complete", payment_status="paid", payment_intent=intent_id)
            return session

    def lapse(self, session_id: str) -> dict:
        """Stripe expires a session at its ``expires_at``."""
        with self.lock:
            session = self.sessions[session_id]
            if session["status"] == "open":
                session["status"] = "expired"
            return session

    def _refund(self, params: dict) -> dict:
        intent = self.intents.get(params.get("payment_intent"))
        if intent is None or intent["status"] != "succeeded":
            raise StripeError("This PaymentIntent cannot be refunded.", "payment_intent")
        amount = _int(params.get("amount", intent["amount"]))
        charge = intent["latest_charge"]
        if amount <= 0 or charge["amount_refunded"] + amount > intent["amount"]:
            raise StripeError("Refund amount is greater than unrefunded amount on charge.",
                              "amount", code="amount_too_large")
        charge["amount_refunded"] += amount
        refund_id = f"re_{secrets.token_hex(12)}"
        return {"id": refund_id, "object": "refund", "amount": amount,
                "payment_intent": intent["id"], "status": "succeeded",
                "metadata": params.get("metadata") or {}, "currency": intent["currency"]}

    # Stripe Tax ---------------------------------------------------------------------------

    RATES = {"DE": ("VAT", 1900), "FR": ("VAT", 2000), "GB": ("VAT", 2000)}
    US_STATES = {"CA": ("Sales Tax", 725), "NY": ("Sales Tax", 400)}

    def _rate(self, address: dict) -> tuple[str, int]:
        country = (address.get("country") or "").upper()
        if country == "US":
            return self.US_STATES.get((address.get("state") or "").upper(), ("Sales Tax", 0))
        return self.RATES.get(country, ("VAT", 0))

    def _calculation(self, params: dict) -> dict:
        currency = params.get("currency")
        details = params.get("customer_details") or {}
        address = details.get("address") or {}
        if not address.get("country"):
            raise StripeError("customer_details[address][country] is required.",
                              "customer_details[address]")
        display, rate_bps = self._rate(address)
        inclusive = None
        lines, tax_total, total = [], 0, 0
        for index, line in enumerate(params.get("line_items") or []):
            amount = _int(line.get("amount"))
            behavior = line.get("tax_behavior", "exclusive")
            inclusive = behavior == "inclusive" if inclusive is None else inclusive
            if behavior == "inclusive":
                tax = amount - (amount * 10_000 * 2 + (10_000 + rate_bps)) // (
                    2 * (10_000 + rate_bps))
            else:
                tax = (amount * rate_bps * 2 + 10_000) // 20_000
            lines.append({"object": "tax.calculation_line_item", "amount": amount,
                          "amount_tax": tax, "reference": line.get("reference") or str(index),
                          "quantity": _int(line.get("quantity", 1)),
                          "tax_behavior": behavior})
            tax_total += tax
            total += amount + (0 if behavior == "inclusive" else tax)
        shipping = params.get("shipping_cost") or {}
        shipping_tax = 0
        if shipping:
            amount = _int(shipping.get("amount"))
            shipping_tax = (amount * rate_bps * 2 + 10_000) // 20_000 if not inclusive else (
                amount - (amount * 10_000 * 2 + (10_000 + rate_bps)) // (2 * (10_000 + rate_bps)))
            tax_total += shipping_tax
            total += amount + (0 if inclusive else shipping_tax)
        calculation_id = f"taxcalc_{secrets.token_hex(12)}"
        calculation = {
            "id": calculation_id, "object": "tax.calculation", "currency": currency,
            "amount_total": total, "tax_amount_exclusive": 0 if inclusive else tax_total,
            "tax_amount_inclusive": tax_total if inclusive else 0,
            "customer_details": {"address": address, "address_source": "shipping"},
            "shipping_cost": {"amount": _int(shipping.get("amount", 0)),
                              "amount_tax": shipping_tax} if shipping else None,
            "tax_breakdown": [{
                "amount": tax_total, "inclusive": bool(inclusive),
                "taxable_amount": total - (0 if inclusive else tax_total),
                "tax_rate_details": {"display_name": display,
                                     "percentage_decimal": f"{rate_bps / 100:.4f}",
                                     "country": address.get("country"),
                                     "state": address.get("state")}}],
            "line_items": {"object": "list", "data": lines, "has_more": False},
            "expires_at": int(time.time()) + 90 * 86_400,
        }
        return calculation

    def _transaction(self, params: dict) -> dict:
        calculation = self.calculations.get(params.get("calculation"))
        if calculation is None:
            raise StripeError("No such calculation.", "calculation", status=404,
                              code="resource_missing")
        if not params.get("reference"):
            raise StripeError("reference is required.", "reference")
        if any(t["reference"] == params["reference"] for t in self.transactions.values()):
            raise StripeError("A transaction with this reference exists.", "reference",
                              code="tax_transaction_reference_in_use")
        transaction_id = f"tax_{secrets.token_hex(12)}"
        return {"id": transaction_id, "object": "tax.transaction", "type": "transaction",
                "reference": params["reference"], "currency": calculation["currency"],
                "calculation": calculation["id"], "metadata": params.get("metadata") or {},
                "line_items": calculation["line_items"],
                "amount_total": calculation["amount_total"], "reversal": None}

    def _reversal(self, params: dict) -> dict:
        original = self.transactions.get(params.get("original_transaction"))
        if original is None:
            raise StripeError("No such transaction.", "original_transaction", status=404,
                              code="resource_missing")
        if any(t["reference"] == params.get("reference") for t in self.transactions.values()):
            raise StripeError("A transaction with this reference exists.", "reference",
                              code="tax_transaction_reference_in_use")
        mode = params.get("mode")
        if mode == "partial":
            amount = _int(params.get("flat_amount"))
            reversed_so_far = sum(-t["amount_total"] for t in self.transactions.values()
                                  if (t.get("reversal") or {}).get("original_transaction")
                                  == original["id"])
            if amount >= 0 or reversed_so_far - amount > original["amount_total"]:
                raise StripeError("The reversal exceeds the transaction.", "flat_amount")
        elif mode == "full":
            amount = -original["amount_total"]
        else:
            raise StripeError("mode must be full or partial.", "mode")
        transaction_id = f"tax_{secrets.token_hex(12)}"
        return {"id": transaction_id, "object": "tax.transaction", "type": "reversal",
                "reference": params.get("reference"), "currency": original["currency"],
                "amount_total": amount, "metadata": params.get("metadata") or {},
                "reversal": {"original_transaction": original["id"]}}

    # HTTP -----------------------------------------------------------------------------------

    def _make_app(self) -> Flask:
        app = Flask("stripe_double")
        double = self

        @app.errorhandler(StripeError)
        def stripe_error(error):
            return jsonify(error.body), error.status

        @app.errorhandler(ValueError)
        def bad_value(error):
            return jsonify(StripeError(str(error)).body), 400

        @app.errorhandler(KeyError)
        def missing(error):
            return jsonify(StripeError(f"No such object: {error}", status=404,
                                       code="resource_missing").body), 404

        @app.before_request
        def record():
            params = parse_form(list(request.form.items(multi=True))
                                + list(request.args.items(multi=True)))
            request.environ["double.params"] = params
            with double.lock:
                double.requests.append((request.method, request.path, params))
                for prefix, status in list(double.failures.items()):
                    if request.path.startswith(prefix):
                        return jsonify({"error": {"type": "api_error",
                                                  "message": "failing on purpose"}}), status
            if request.method == "POST" and request.headers.get("Idempotency-Key"):
                known = double.idempotent.get((request.path,
                                               request.headers["Idempotency-Key"]))
                if known is not None:
                    return jsonify(known[1]), known[0]
            return None

        @app.after_request
        def remember(response):
            key = request.headers.get("Idempotency-Key")
            if request.method == "POST" and key and response.status_code < 500:
                double.idempotent.setdefault((request.path, key),
                                             (response.status_code, response.get_json()))
            return response

        def params() -> dict:
            return request.environ["double.params"]

        @app.post("/v1/coupons")
        def create_coupon():
            data = params()
            amount = _int(data.get("amount_off"))
            if amount <= 0:
                raise StripeError("amount_off must be positive.", "amount_off")
            coupon = {"id": f"co_{secrets.token_hex(8)}", "object": "coupon",
                      "amount_off": amount, "currency": data.get("currency"),
                      "duration": data.get("duration"), "name": data.get("name"),
                      "max_redemptions": _int(data.get("max_redemptions", 1)),
                      "metadata": data.get("metadata") or {}}
            double.coupons[coupon["id"]] = coupon
            return jsonify(coupon)

        @app.post("/v1/checkout/sessions")
        def create_session():
            session = double._session(params())
            double.sessions[session["id"]] = session
            return jsonify(session)

        @app.get("/v1/checkout/sessions/<session_id>")
        def get_session(session_id):
            return jsonify(double.sessions[session_id])

        @app.post("/v1/checkout/sessions/<session_id>/expire")
        def expire_session(session_id):
            with double.lock:
                session = double.sessions[session_id]
                if session["status"] != "open":
                    raise StripeError(f"Only open sessions can be expired; this one is "
                                      f"{session['status']}.")
                session["status"] = "expired"
            return jsonify(session)

        @app.get("/v1/payment_intents/<intent_id>")
        def get_intent(intent_id):
            return jsonify(double.intents[intent_id])

        @app.post("/v1/payment_intents/<intent_id>/cancel")
        def cancel_intent(intent_id):
            intent = double.intents[intent_id]
            if intent["status"] == "succeeded":
                raise StripeError("This PaymentIntent has succeeded.",
                                  code="payment_intent_unexpected_state")
            intent["status"] = "canceled"
            return jsonify(intent)

        @app.get("/v1/refunds")
        def list_refunds():
            intent_id = params().get("payment_intent")
            data = [r for r in double.refunds.values() if r["payment_intent"] == intent_id]
            return jsonify({"object": "list", "data": data, "has_more": False,
                            "url": "/v1/refunds"})

        @app.post("/v1/refunds")
        def create_refund():
            with double.lock:
                refund = double._refund(params())
                double.refunds[refund["id"]] = refund
            return jsonify(refund)

        @app.post("/v1/tax/calculations")
        def create_calculation():
            calculation = double._calculation(params())
            double.calculations[calculation["id"]] = calculation
            return jsonify(calculation)

        @app.post("/v1/tax/transactions/create_from_calculation")
        def create_transaction():
            with double.lock:
                transaction = double._transaction(params())
                double.transactions[transaction["id"]] = transaction
            return jsonify(transaction)

        @app.post("/v1/tax/transactions/create_reversal")
        def create_reversal():
            with double.lock:
                transaction = double._reversal(params())
                double.transactions[transaction["id"]] = transaction
            return jsonify(transaction)

        @app.post("/_double/checkout/sessions/<session_id>/pay")
        def pay(session_id):
            return jsonify(double.pay(session_id))

        @app.post("/_double/checkout/sessions/<session_id>/lapse")
        def lapse(session_id):
            return jsonify(double.lapse(session_id))

        return app
