"""The REST API, one package per domain concept, each with a ``blp``."""

from flask_smorest import Api

from api import (
    addresses,
    analytics,
    audit,
    auth,
    carts,
    categories,
    checkout,
    discounts,
    health,
    locations,
    order_edits,
    orders,
    payments,
    products,
    returns,
    reviews,
    shipping,
    users,
    webhooks,
)

V1 = "/api/v1"


def register_blueprints(api: Api, config) -> None:
    api.register_blueprint(health.blp)
    api.register_blueprint(auth.blp, url_prefix=f"{V1}/auth")
    api.register_blueprint(users.blp, url_prefix=V1)
    api.register_blueprint(addresses.blp, url_prefix=V1)
    api.register_blueprint(categories.blp, url_prefix=V1)
    api.register_blueprint(products.blp, url_prefix=V1)
    api.register_blueprint(carts.blp, url_prefix=V1)
    api.register_blueprint(discounts.blp, url_prefix=V1)
    api.register_blueprint(checkout.blp, url_prefix=V1)
    api.register_blueprint(shipping.blp, url_prefix=V1)
    api.register_blueprint(locations.blp, url_prefix=V1)
    api.register_blueprint(orders.blp, url_prefix=V1)
    api.register_blueprint(order_edits.blp, url_prefix=V1)
    api.register_blueprint(returns.blp, url_prefix=V1)
    api.register_blueprint(payments.blp, url_prefix=V1)
    api.register_blueprint(webhooks.blp, url_prefix=V1)
    api.register_blueprint(reviews.blp, url_prefix=V1)
    api.register_blueprint(audit.blp, url_prefix=V1)
    api.register_blueprint(analytics.blp, url_prefix=V1)
    if config["PAYMENT_PROVIDER"] == "fake":
        api.register_blueprint(payments.fake_blp, url_prefix=V1)
