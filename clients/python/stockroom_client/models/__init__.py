"""Contains all the data models used in inputs/outputs"""

from .add_cart_item_response_409 import AddCartItemResponse409
from .add_cart_item_response_409_error_code import AddCartItemResponse409ErrorCode
from .add_cart_item_response_422 import AddCartItemResponse422
from .add_cart_item_response_422_error_code import AddCartItemResponse422ErrorCode
from .add_cart_item_response_429 import AddCartItemResponse429
from .add_cart_item_response_429_error_code import AddCartItemResponse429ErrorCode
from .address import Address
from .address_create import AddressCreate
from .address_create_country import AddressCreateCountry
from .address_update import AddressUpdate
from .address_update_country import AddressUpdateCountry
from .admin_order import AdminOrder
from .admin_order_balance_payment_type_1_type_0 import AdminOrderBalancePaymentType1Type0
from .admin_order_detail import AdminOrderDetail
from .admin_order_detail_balance_payment_type_1_type_0 import AdminOrderDetailBalancePaymentType1Type0
from .admin_order_detail_customer_type_1_type_0 import AdminOrderDetailCustomerType1Type0
from .admin_order_detail_payment_provider import AdminOrderDetailPaymentProvider
from .admin_order_detail_payment_status import AdminOrderDetailPaymentStatus
from .admin_order_detail_shipping_method_type_1_type_0 import AdminOrderDetailShippingMethodType1Type0
from .admin_order_detail_status import AdminOrderDetailStatus
from .admin_order_payment_provider import AdminOrderPaymentProvider
from .admin_order_payment_status import AdminOrderPaymentStatus
from .admin_order_shipping_method_type_1_type_0 import AdminOrderShippingMethodType1Type0
from .admin_order_status import AdminOrderStatus
from .admin_order_update import AdminOrderUpdate
from .admin_order_update_status import AdminOrderUpdateStatus
from .admin_product_list_item import AdminProductListItem
from .admin_product_list_item_status import AdminProductListItemStatus
from .admin_user import AdminUser
from .admin_user_detail import AdminUserDetail
from .admin_user_detail_role import AdminUserDetailRole
from .admin_user_role import AdminUserRole
from .admin_user_update import AdminUserUpdate
from .admin_user_update_role import AdminUserUpdateRole
from .apply_cart_discount_response_422 import ApplyCartDiscountResponse422
from .apply_cart_discount_response_422_error_code import ApplyCartDiscountResponse422ErrorCode
from .apply_cart_discount_response_429 import ApplyCartDiscountResponse429
from .apply_cart_discount_response_429_error_code import ApplyCartDiscountResponse429ErrorCode
from .approve_return_response_404 import ApproveReturnResponse404
from .approve_return_response_404_error_code import ApproveReturnResponse404ErrorCode
from .approve_return_response_409 import ApproveReturnResponse409
from .approve_return_response_409_error_code import ApproveReturnResponse409ErrorCode
from .attempt import Attempt
from .audit_entry import AuditEntry
from .audit_entry_action import AuditEntryAction
from .audit_entry_actor_role import AuditEntryActorRole
from .audit_entry_changes import AuditEntryChanges
from .auth_result import AuthResult
from .balance_payment import BalancePayment
from .balance_payment_start import BalancePaymentStart
from .balance_payment_start_provider import BalancePaymentStartProvider
from .balance_payment_status import BalancePaymentStatus
from .cancel_order_response_401 import CancelOrderResponse401
from .cancel_order_response_401_error_code import CancelOrderResponse401ErrorCode
from .cancel_order_response_409 import CancelOrderResponse409
from .cancel_order_response_409_error_code import CancelOrderResponse409ErrorCode
from .cart import Cart
from .cart_currency import CartCurrency
from .cart_item import CartItem
from .cart_item_create import CartItemCreate
from .cart_item_update import CartItemUpdate
from .cart_totals import CartTotals
from .category import Category
from .category_create import CategoryCreate
from .category_ref import CategoryRef
from .category_tree import CategoryTree
from .category_update import CategoryUpdate
from .checkout import Checkout
from .checkout_payment_flow import CheckoutPaymentFlow
from .checkout_response_400 import CheckoutResponse400
from .checkout_response_400_error_code import CheckoutResponse400ErrorCode
from .checkout_response_401 import CheckoutResponse401
from .checkout_response_401_error_code import CheckoutResponse401ErrorCode
from .checkout_response_403 import CheckoutResponse403
from .checkout_response_403_error_code import CheckoutResponse403ErrorCode
from .checkout_response_409 import CheckoutResponse409
from .checkout_response_409_error_code import CheckoutResponse409ErrorCode
from .checkout_response_422 import CheckoutResponse422
from .checkout_response_422_error_code import CheckoutResponse422ErrorCode
from .checkout_response_503 import CheckoutResponse503
from .checkout_response_503_error_code import CheckoutResponse503ErrorCode
from .checkout_result import CheckoutResult
from .confirm_email_verification_response_422 import ConfirmEmailVerificationResponse422
from .confirm_email_verification_response_422_error_code import ConfirmEmailVerificationResponse422ErrorCode
from .confirm_password_reset_response_422 import ConfirmPasswordResetResponse422
from .confirm_password_reset_response_422_error_code import ConfirmPasswordResetResponse422ErrorCode
from .create_discount_response_409 import CreateDiscountResponse409
from .create_discount_response_409_error_code import CreateDiscountResponse409ErrorCode
from .create_location_response_409 import CreateLocationResponse409
from .create_location_response_409_error_code import CreateLocationResponse409ErrorCode
from .create_review_response_409 import CreateReviewResponse409
from .create_review_response_409_error_code import CreateReviewResponse409ErrorCode
from .create_shipment_response_409 import CreateShipmentResponse409
from .create_shipment_response_409_error_code import CreateShipmentResponse409ErrorCode
from .create_shipment_response_422 import CreateShipmentResponse422
from .create_shipment_response_422_error_code import CreateShipmentResponse422ErrorCode
from .create_shipping_zone_response_409 import CreateShippingZoneResponse409
from .create_shipping_zone_response_409_error_code import CreateShippingZoneResponse409ErrorCode
from .create_tax_rate_response_409 import CreateTaxRateResponse409
from .create_tax_rate_response_409_error_code import CreateTaxRateResponse409ErrorCode
from .create_variant_response_409 import CreateVariantResponse409
from .create_variant_response_409_error_code import CreateVariantResponse409ErrorCode
from .create_webhook_endpoint_response_422 import CreateWebhookEndpointResponse422
from .create_webhook_endpoint_response_422_error_code import CreateWebhookEndpointResponse422ErrorCode
from .customer_ref import CustomerRef
from .day import Day
from .delete_category_response_409 import DeleteCategoryResponse409
from .delete_category_response_409_error_code import DeleteCategoryResponse409ErrorCode
from .delete_product_response_409 import DeleteProductResponse409
from .delete_product_response_409_error_code import DeleteProductResponse409ErrorCode
from .delete_variant_response_409 import DeleteVariantResponse409
from .delete_variant_response_409_error_code import DeleteVariantResponse409ErrorCode
from .delivery import Delivery
from .delivery_event_type import DeliveryEventType
from .delivery_function_type_1 import DeliveryFunctionType1
from .delivery_function_type_2_type_1 import DeliveryFunctionType2Type1
from .delivery_function_type_3_type_1 import DeliveryFunctionType3Type1
from .delivery_status import DeliveryStatus
from .discount import Discount
from .discount_apply import DiscountApply
from .discount_create import DiscountCreate
from .discount_create_kind import DiscountCreateKind
from .discount_detail import DiscountDetail
from .discount_detail_kind import DiscountDetailKind
from .discount_kind import DiscountKind
from .discount_update import DiscountUpdate
from .discount_update_kind import DiscountUpdateKind
from .edit_add import EditAdd
from .edit_change import EditChange
from .edit_changes import EditChanges
from .edit_line import EditLine
from .edit_order_response_400 import EditOrderResponse400
from .edit_order_response_400_error_code import EditOrderResponse400ErrorCode
from .edit_order_response_404 import EditOrderResponse404
from .edit_order_response_404_error_code import EditOrderResponse404ErrorCode
from .edit_order_response_409 import EditOrderResponse409
from .edit_order_response_409_error_code import EditOrderResponse409ErrorCode
from .edit_order_response_422 import EditOrderResponse422
from .edit_order_response_422_error_code import EditOrderResponse422ErrorCode
from .edit_order_response_503 import EditOrderResponse503
from .edit_order_response_503_error_code import EditOrderResponse503ErrorCode
from .email_verification_confirm import EmailVerificationConfirm
from .endpoint import Endpoint
from .endpoint_create import EndpointCreate
from .endpoint_create_event_types_item import EndpointCreateEventTypesItem
from .endpoint_created import EndpointCreated
from .endpoint_update import EndpointUpdate
from .endpoint_update_event_types_item import EndpointUpdateEventTypesItem
from .error import Error
from .error_errors import ErrorErrors
from .fake_settle import FakeSettle
from .fake_settle_outcome import FakeSettleOutcome
from .fake_settle_result import FakeSettleResult
from .fake_settle_result_outcome import FakeSettleResultOutcome
from .finish_o_auth_sign_in_response_404 import FinishOAuthSignInResponse404
from .finish_o_auth_sign_in_response_404_error_code import FinishOAuthSignInResponse404ErrorCode
from .get_analytics_summary_interval import GetAnalyticsSummaryInterval
from .get_analytics_summary_response_422 import GetAnalyticsSummaryResponse422
from .get_analytics_summary_response_422_error_code import GetAnalyticsSummaryResponse422ErrorCode
from .get_cart_totals_country import GetCartTotalsCountry
from .get_cart_totals_response_422 import GetCartTotalsResponse422
from .get_cart_totals_response_422_error_code import GetCartTotalsResponse422ErrorCode
from .get_cart_totals_response_503 import GetCartTotalsResponse503
from .get_cart_totals_response_503_error_code import GetCartTotalsResponse503ErrorCode
from .get_order_response_401 import GetOrderResponse401
from .get_order_response_401_error_code import GetOrderResponse401ErrorCode
from .health import Health
from .health_status import HealthStatus
from .image import Image
from .image_order import ImageOrder
from .image_upload import ImageUpload
from .inventory import Inventory
from .list_admin_orders_status import ListAdminOrdersStatus
from .list_admin_products_sort import ListAdminProductsSort
from .list_admin_products_status import ListAdminProductsStatus
from .list_admin_returns_status import ListAdminReturnsStatus
from .list_audit_log_action import ListAuditLogAction
from .list_order_returns_response_401 import ListOrderReturnsResponse401
from .list_order_returns_response_401_error_code import ListOrderReturnsResponse401ErrorCode
from .list_products_sort import ListProductsSort
from .list_shipping_options_country import ListShippingOptionsCountry
from .list_users_role import ListUsersRole
from .list_webhook_deliveries_event_type import ListWebhookDeliveriesEventType
from .list_webhook_deliveries_function import ListWebhookDeliveriesFunction
from .list_webhook_deliveries_status import ListWebhookDeliveriesStatus
from .location import Location
from .location_create import LocationCreate
from .location_create_country import LocationCreateCountry
from .location_update import LocationUpdate
from .location_update_country import LocationUpdateCountry
from .login import Login
from .login_response_401 import LoginResponse401
from .login_response_401_error_code import LoginResponse401ErrorCode
from .login_response_429 import LoginResponse429
from .login_response_429_error_code import LoginResponse429ErrorCode
from .message import Message
from .method import Method
from .method_create import MethodCreate
from .method_create_kind import MethodCreateKind
from .method_kind import MethodKind
from .method_update import MethodUpdate
from .method_update_kind import MethodUpdateKind
from .money import Money
from .order import Order
from .order_address import OrderAddress
from .order_balance_payment_type_1_type_0 import OrderBalancePaymentType1Type0
from .order_edit import OrderEdit
from .order_edit_create import OrderEditCreate
from .order_edit_result import OrderEditResult
from .order_item import OrderItem
from .order_payment_status import OrderPaymentStatus
from .order_shipping_method_type_1_type_0 import OrderShippingMethodType1Type0
from .order_status import OrderStatus
from .order_summary import OrderSummary
from .order_summary_payment_status import OrderSummaryPaymentStatus
from .order_summary_status import OrderSummaryStatus
from .password_reset_confirm import PasswordResetConfirm
from .password_reset_request import PasswordResetRequest
from .payment import Payment
from .payment_provider import PaymentProvider
from .period import Period
from .price import Price
from .price_input import PriceInput
from .product import Product
from .product_create import ProductCreate
from .product_create_status import ProductCreateStatus
from .product_list_item import ProductListItem
from .product_status import ProductStatus
from .product_update import ProductUpdate
from .product_update_status import ProductUpdateStatus
from .profile_update import ProfileUpdate
from .rate_tier import RateTier
from .rate_tier_out import RateTierOut
from .rating import Rating
from .readiness import Readiness
from .readiness_checks import ReadinessChecks
from .readiness_status import ReadinessStatus
from .receive_return_response_400 import ReceiveReturnResponse400
from .receive_return_response_400_error_code import ReceiveReturnResponse400ErrorCode
from .receive_return_response_404 import ReceiveReturnResponse404
from .receive_return_response_404_error_code import ReceiveReturnResponse404ErrorCode
from .receive_return_response_409 import ReceiveReturnResponse409
from .receive_return_response_409_error_code import ReceiveReturnResponse409ErrorCode
from .receive_return_response_422 import ReceiveReturnResponse422
from .receive_return_response_422_error_code import ReceiveReturnResponse422ErrorCode
from .receive_stripe_event_body import ReceiveStripeEventBody
from .receive_stripe_event_response_400 import ReceiveStripeEventResponse400
from .receive_stripe_event_response_400_error_code import ReceiveStripeEventResponse400ErrorCode
from .received_line import ReceivedLine
from .redeliver_webhook_response_409 import RedeliverWebhookResponse409
from .redeliver_webhook_response_409_error_code import RedeliverWebhookResponse409ErrorCode
from .refund import Refund
from .refund_order_response_400 import RefundOrderResponse400
from .refund_order_response_400_error_code import RefundOrderResponse400ErrorCode
from .refund_order_response_409 import RefundOrderResponse409
from .refund_order_response_409_error_code import RefundOrderResponse409ErrorCode
from .refund_order_response_422 import RefundOrderResponse422
from .refund_order_response_422_error_code import RefundOrderResponse422ErrorCode
from .refund_request import RefundRequest
from .refund_result import RefundResult
from .refund_status import RefundStatus
from .register import Register
from .register_response_409 import RegisterResponse409
from .register_response_409_error_code import RegisterResponse409ErrorCode
from .reject_return_response_404 import RejectReturnResponse404
from .reject_return_response_404_error_code import RejectReturnResponse404ErrorCode
from .reject_return_response_409 import RejectReturnResponse409
from .reject_return_response_409_error_code import RejectReturnResponse409ErrorCode
from .remove_cart_discount_response_429 import RemoveCartDiscountResponse429
from .remove_cart_discount_response_429_error_code import RemoveCartDiscountResponse429ErrorCode
from .remove_cart_item_response_429 import RemoveCartItemResponse429
from .remove_cart_item_response_429_error_code import RemoveCartItemResponse429ErrorCode
from .request_email_verification_response_409 import RequestEmailVerificationResponse409
from .request_email_verification_response_409_error_code import RequestEmailVerificationResponse409ErrorCode
from .request_email_verification_response_429 import RequestEmailVerificationResponse429
from .request_email_verification_response_429_error_code import RequestEmailVerificationResponse429ErrorCode
from .request_return_response_401 import RequestReturnResponse401
from .request_return_response_401_error_code import RequestReturnResponse401ErrorCode
from .request_return_response_409 import RequestReturnResponse409
from .request_return_response_409_error_code import RequestReturnResponse409ErrorCode
from .request_return_response_422 import RequestReturnResponse422
from .request_return_response_422_error_code import RequestReturnResponse422ErrorCode
from .return_ import Return
from .return_create import ReturnCreate
from .return_decision import ReturnDecision
from .return_line import ReturnLine
from .return_line_input import ReturnLineInput
from .return_receive import ReturnReceive
from .return_status import ReturnStatus
from .review import Review
from .review_create import ReviewCreate
from .seller_order_line import SellerOrderLine
from .seller_order_line_status import SellerOrderLineStatus
from .set_cart_currency_response_409 import SetCartCurrencyResponse409
from .set_cart_currency_response_409_error_code import SetCartCurrencyResponse409ErrorCode
from .set_cart_currency_response_429 import SetCartCurrencyResponse429
from .set_cart_currency_response_429_error_code import SetCartCurrencyResponse429ErrorCode
from .set_inventory_response_404 import SetInventoryResponse404
from .set_inventory_response_404_error_code import SetInventoryResponse404ErrorCode
from .set_inventory_response_409 import SetInventoryResponse409
from .set_inventory_response_409_error_code import SetInventoryResponse409ErrorCode
from .settle_fake_payment_response_401 import SettleFakePaymentResponse401
from .settle_fake_payment_response_401_error_code import SettleFakePaymentResponse401ErrorCode
from .settle_fake_payment_response_409 import SettleFakePaymentResponse409
from .settle_fake_payment_response_409_error_code import SettleFakePaymentResponse409ErrorCode
from .shipment import Shipment
from .shipment_create import ShipmentCreate
from .shipment_line import ShipmentLine
from .shipment_line_input import ShipmentLineInput
from .shipping_address_input import ShippingAddressInput
from .shipping_address_input_country import ShippingAddressInputCountry
from .shipping_method_snapshot import ShippingMethodSnapshot
from .shipping_option import ShippingOption
from .start_balance_payment_response_401 import StartBalancePaymentResponse401
from .start_balance_payment_response_401_error_code import StartBalancePaymentResponse401ErrorCode
from .start_balance_payment_response_409 import StartBalancePaymentResponse409
from .start_balance_payment_response_409_error_code import StartBalancePaymentResponse409ErrorCode
from .start_balance_payment_response_503 import StartBalancePaymentResponse503
from .start_balance_payment_response_503_error_code import StartBalancePaymentResponse503ErrorCode
from .start_o_auth_sign_in_response_400 import StartOAuthSignInResponse400
from .start_o_auth_sign_in_response_400_error_code import StartOAuthSignInResponse400ErrorCode
from .start_o_auth_sign_in_response_404 import StartOAuthSignInResponse404
from .start_o_auth_sign_in_response_404_error_code import StartOAuthSignInResponse404ErrorCode
from .stock_level import StockLevel
from .summary import Summary
from .summary_interval import SummaryInterval
from .tax_line import TaxLine
from .tax_rate import TaxRate
from .tax_rate_create import TaxRateCreate
from .tax_rate_create_country import TaxRateCreateCountry
from .tax_rate_update import TaxRateUpdate
from .tax_rate_update_country import TaxRateUpdateCountry
from .timeline_entry import TimelineEntry
from .timeline_entry_status import TimelineEntryStatus
from .token_pair import TokenPair
from .top_product import TopProduct
from .update_admin_order_response_409 import UpdateAdminOrderResponse409
from .update_admin_order_response_409_error_code import UpdateAdminOrderResponse409ErrorCode
from .update_admin_order_response_422 import UpdateAdminOrderResponse422
from .update_admin_order_response_422_error_code import UpdateAdminOrderResponse422ErrorCode
from .update_cart_item_response_409 import UpdateCartItemResponse409
from .update_cart_item_response_409_error_code import UpdateCartItemResponse409ErrorCode
from .update_cart_item_response_422 import UpdateCartItemResponse422
from .update_cart_item_response_422_error_code import UpdateCartItemResponse422ErrorCode
from .update_cart_item_response_429 import UpdateCartItemResponse429
from .update_cart_item_response_429_error_code import UpdateCartItemResponse429ErrorCode
from .update_discount_response_409 import UpdateDiscountResponse409
from .update_discount_response_409_error_code import UpdateDiscountResponse409ErrorCode
from .update_location_response_409 import UpdateLocationResponse409
from .update_location_response_409_error_code import UpdateLocationResponse409ErrorCode
from .update_shipping_zone_response_409 import UpdateShippingZoneResponse409
from .update_shipping_zone_response_409_error_code import UpdateShippingZoneResponse409ErrorCode
from .update_tax_rate_response_409 import UpdateTaxRateResponse409
from .update_tax_rate_response_409_error_code import UpdateTaxRateResponse409ErrorCode
from .update_user_response_409 import UpdateUserResponse409
from .update_user_response_409_error_code import UpdateUserResponse409ErrorCode
from .update_variant_response_409 import UpdateVariantResponse409
from .update_variant_response_409_error_code import UpdateVariantResponse409ErrorCode
from .update_webhook_endpoint_response_422 import UpdateWebhookEndpointResponse422
from .update_webhook_endpoint_response_422_error_code import UpdateWebhookEndpointResponse422ErrorCode
from .upload_product_image_response_422 import UploadProductImageResponse422
from .upload_product_image_response_422_error_code import UploadProductImageResponse422ErrorCode
from .user import User
from .user_role import UserRole
from .variant import Variant
from .variant_create import VariantCreate
from .variant_create_options import VariantCreateOptions
from .variant_options import VariantOptions
from .variant_public import VariantPublic
from .variant_public_options import VariantPublicOptions
from .variant_update import VariantUpdate
from .variant_update_options import VariantUpdateOptions
from .webhook_receipt import WebhookReceipt
from .wishlist_product import WishlistProduct
from .zone import Zone
from .zone_create import ZoneCreate
from .zone_create_countries_item import ZoneCreateCountriesItem
from .zone_update import ZoneUpdate
from .zone_update_countries_item import ZoneUpdateCountriesItem

__all__ = (
    "AddCartItemResponse409",
    "AddCartItemResponse409ErrorCode",
    "AddCartItemResponse422",
    "AddCartItemResponse422ErrorCode",
    "AddCartItemResponse429",
    "AddCartItemResponse429ErrorCode",
    "Address",
    "AddressCreate",
    "AddressCreateCountry",
    "AddressUpdate",
    "AddressUpdateCountry",
    "AdminOrder",
    "AdminOrderBalancePaymentType1Type0",
    "AdminOrderDetail",
    "AdminOrderDetailBalancePaymentType1Type0",
    "AdminOrderDetailCustomerType1Type0",
    "AdminOrderDetailPaymentProvider",
    "AdminOrderDetailPaymentStatus",
    "AdminOrderDetailShippingMethodType1Type0",
    "AdminOrderDetailStatus",
    "AdminOrderPaymentProvider",
    "AdminOrderPaymentStatus",
    "AdminOrderShippingMethodType1Type0",
    "AdminOrderStatus",
    "AdminOrderUpdate",
    "AdminOrderUpdateStatus",
    "AdminProductListItem",
    "AdminProductListItemStatus",
    "AdminUser",
    "AdminUserDetail",
    "AdminUserDetailRole",
    "AdminUserRole",
    "AdminUserUpdate",
    "AdminUserUpdateRole",
    "ApplyCartDiscountResponse422",
    "ApplyCartDiscountResponse422ErrorCode",
    "ApplyCartDiscountResponse429",
    "ApplyCartDiscountResponse429ErrorCode",
    "ApproveReturnResponse404",
    "ApproveReturnResponse404ErrorCode",
    "ApproveReturnResponse409",
    "ApproveReturnResponse409ErrorCode",
    "Attempt",
    "AuditEntry",
    "AuditEntryAction",
    "AuditEntryActorRole",
    "AuditEntryChanges",
    "AuthResult",
    "BalancePayment",
    "BalancePaymentStart",
    "BalancePaymentStartProvider",
    "BalancePaymentStatus",
    "CancelOrderResponse401",
    "CancelOrderResponse401ErrorCode",
    "CancelOrderResponse409",
    "CancelOrderResponse409ErrorCode",
    "Cart",
    "CartCurrency",
    "CartItem",
    "CartItemCreate",
    "CartItemUpdate",
    "CartTotals",
    "Category",
    "CategoryCreate",
    "CategoryRef",
    "CategoryTree",
    "CategoryUpdate",
    "Checkout",
    "CheckoutPaymentFlow",
    "CheckoutResponse400",
    "CheckoutResponse400ErrorCode",
    "CheckoutResponse401",
    "CheckoutResponse401ErrorCode",
    "CheckoutResponse403",
    "CheckoutResponse403ErrorCode",
    "CheckoutResponse409",
    "CheckoutResponse409ErrorCode",
    "CheckoutResponse422",
    "CheckoutResponse422ErrorCode",
    "CheckoutResponse503",
    "CheckoutResponse503ErrorCode",
    "CheckoutResult",
    "ConfirmEmailVerificationResponse422",
    "ConfirmEmailVerificationResponse422ErrorCode",
    "ConfirmPasswordResetResponse422",
    "ConfirmPasswordResetResponse422ErrorCode",
    "CreateDiscountResponse409",
    "CreateDiscountResponse409ErrorCode",
    "CreateLocationResponse409",
    "CreateLocationResponse409ErrorCode",
    "CreateReviewResponse409",
    "CreateReviewResponse409ErrorCode",
    "CreateShipmentResponse409",
    "CreateShipmentResponse409ErrorCode",
    "CreateShipmentResponse422",
    "CreateShipmentResponse422ErrorCode",
    "CreateShippingZoneResponse409",
    "CreateShippingZoneResponse409ErrorCode",
    "CreateTaxRateResponse409",
    "CreateTaxRateResponse409ErrorCode",
    "CreateVariantResponse409",
    "CreateVariantResponse409ErrorCode",
    "CreateWebhookEndpointResponse422",
    "CreateWebhookEndpointResponse422ErrorCode",
    "CustomerRef",
    "Day",
    "DeleteCategoryResponse409",
    "DeleteCategoryResponse409ErrorCode",
    "DeleteProductResponse409",
    "DeleteProductResponse409ErrorCode",
    "DeleteVariantResponse409",
    "DeleteVariantResponse409ErrorCode",
    "Delivery",
    "DeliveryEventType",
    "DeliveryFunctionType1",
    "DeliveryFunctionType2Type1",
    "DeliveryFunctionType3Type1",
    "DeliveryStatus",
    "Discount",
    "DiscountApply",
    "DiscountCreate",
    "DiscountCreateKind",
    "DiscountDetail",
    "DiscountDetailKind",
    "DiscountKind",
    "DiscountUpdate",
    "DiscountUpdateKind",
    "EditAdd",
    "EditChange",
    "EditChanges",
    "EditLine",
    "EditOrderResponse400",
    "EditOrderResponse400ErrorCode",
    "EditOrderResponse404",
    "EditOrderResponse404ErrorCode",
    "EditOrderResponse409",
    "EditOrderResponse409ErrorCode",
    "EditOrderResponse422",
    "EditOrderResponse422ErrorCode",
    "EditOrderResponse503",
    "EditOrderResponse503ErrorCode",
    "EmailVerificationConfirm",
    "Endpoint",
    "EndpointCreate",
    "EndpointCreated",
    "EndpointCreateEventTypesItem",
    "EndpointUpdate",
    "EndpointUpdateEventTypesItem",
    "Error",
    "ErrorErrors",
    "FakeSettle",
    "FakeSettleOutcome",
    "FakeSettleResult",
    "FakeSettleResultOutcome",
    "FinishOAuthSignInResponse404",
    "FinishOAuthSignInResponse404ErrorCode",
    "GetAnalyticsSummaryInterval",
    "GetAnalyticsSummaryResponse422",
    "GetAnalyticsSummaryResponse422ErrorCode",
    "GetCartTotalsCountry",
    "GetCartTotalsResponse422",
    "GetCartTotalsResponse422ErrorCode",
    "GetCartTotalsResponse503",
    "GetCartTotalsResponse503ErrorCode",
    "GetOrderResponse401",
    "GetOrderResponse401ErrorCode",
    "Health",
    "HealthStatus",
    "Image",
    "ImageOrder",
    "ImageUpload",
    "Inventory",
    "ListAdminOrdersStatus",
    "ListAdminProductsSort",
    "ListAdminProductsStatus",
    "ListAdminReturnsStatus",
    "ListAuditLogAction",
    "ListOrderReturnsResponse401",
    "ListOrderReturnsResponse401ErrorCode",
    "ListProductsSort",
    "ListShippingOptionsCountry",
    "ListUsersRole",
    "ListWebhookDeliveriesEventType",
    "ListWebhookDeliveriesFunction",
    "ListWebhookDeliveriesStatus",
    "Location",
    "LocationCreate",
    "LocationCreateCountry",
    "LocationUpdate",
    "LocationUpdateCountry",
    "Login",
    "LoginResponse401",
    "LoginResponse401ErrorCode",
    "LoginResponse429",
    "LoginResponse429ErrorCode",
    "Message",
    "Method",
    "MethodCreate",
    "MethodCreateKind",
    "MethodKind",
    "MethodUpdate",
    "MethodUpdateKind",
    "Money",
    "Order",
    "OrderAddress",
    "OrderBalancePaymentType1Type0",
    "OrderEdit",
    "OrderEditCreate",
    "OrderEditResult",
    "OrderItem",
    "OrderPaymentStatus",
    "OrderShippingMethodType1Type0",
    "OrderStatus",
    "OrderSummary",
    "OrderSummaryPaymentStatus",
    "OrderSummaryStatus",
    "PasswordResetConfirm",
    "PasswordResetRequest",
    "Payment",
    "PaymentProvider",
    "Period",
    "Price",
    "PriceInput",
    "Product",
    "ProductCreate",
    "ProductCreateStatus",
    "ProductListItem",
    "ProductStatus",
    "ProductUpdate",
    "ProductUpdateStatus",
    "ProfileUpdate",
    "RateTier",
    "RateTierOut",
    "Rating",
    "Readiness",
    "ReadinessChecks",
    "ReadinessStatus",
    "ReceivedLine",
    "ReceiveReturnResponse400",
    "ReceiveReturnResponse400ErrorCode",
    "ReceiveReturnResponse404",
    "ReceiveReturnResponse404ErrorCode",
    "ReceiveReturnResponse409",
    "ReceiveReturnResponse409ErrorCode",
    "ReceiveReturnResponse422",
    "ReceiveReturnResponse422ErrorCode",
    "ReceiveStripeEventBody",
    "ReceiveStripeEventResponse400",
    "ReceiveStripeEventResponse400ErrorCode",
    "RedeliverWebhookResponse409",
    "RedeliverWebhookResponse409ErrorCode",
    "Refund",
    "RefundOrderResponse400",
    "RefundOrderResponse400ErrorCode",
    "RefundOrderResponse409",
    "RefundOrderResponse409ErrorCode",
    "RefundOrderResponse422",
    "RefundOrderResponse422ErrorCode",
    "RefundRequest",
    "RefundResult",
    "RefundStatus",
    "Register",
    "RegisterResponse409",
    "RegisterResponse409ErrorCode",
    "RejectReturnResponse404",
    "RejectReturnResponse404ErrorCode",
    "RejectReturnResponse409",
    "RejectReturnResponse409ErrorCode",
    "RemoveCartDiscountResponse429",
    "RemoveCartDiscountResponse429ErrorCode",
    "RemoveCartItemResponse429",
    "RemoveCartItemResponse429ErrorCode",
    "RequestEmailVerificationResponse409",
    "RequestEmailVerificationResponse409ErrorCode",
    "RequestEmailVerificationResponse429",
    "RequestEmailVerificationResponse429ErrorCode",
    "RequestReturnResponse401",
    "RequestReturnResponse401ErrorCode",
    "RequestReturnResponse409",
    "RequestReturnResponse409ErrorCode",
    "RequestReturnResponse422",
    "RequestReturnResponse422ErrorCode",
    "Return",
    "ReturnCreate",
    "ReturnDecision",
    "ReturnLine",
    "ReturnLineInput",
    "ReturnReceive",
    "ReturnStatus",
    "Review",
    "ReviewCreate",
    "SellerOrderLine",
    "SellerOrderLineStatus",
    "SetCartCurrencyResponse409",
    "SetCartCurrencyResponse409ErrorCode",
    "SetCartCurrencyResponse429",
    "SetCartCurrencyResponse429ErrorCode",
    "SetInventoryResponse404",
    "SetInventoryResponse404ErrorCode",
    "SetInventoryResponse409",
    "SetInventoryResponse409ErrorCode",
    "SettleFakePaymentResponse401",
    "SettleFakePaymentResponse401ErrorCode",
    "SettleFakePaymentResponse409",
    "SettleFakePaymentResponse409ErrorCode",
    "Shipment",
    "ShipmentCreate",
    "ShipmentLine",
    "ShipmentLineInput",
    "ShippingAddressInput",
    "ShippingAddressInputCountry",
    "ShippingMethodSnapshot",
    "ShippingOption",
    "StartBalancePaymentResponse401",
    "StartBalancePaymentResponse401ErrorCode",
    "StartBalancePaymentResponse409",
    "StartBalancePaymentResponse409ErrorCode",
    "StartBalancePaymentResponse503",
    "StartBalancePaymentResponse503ErrorCode",
    "StartOAuthSignInResponse400",
    "StartOAuthSignInResponse400ErrorCode",
    "StartOAuthSignInResponse404",
    "StartOAuthSignInResponse404ErrorCode",
    "StockLevel",
    "Summary",
    "SummaryInterval",
    "TaxLine",
    "TaxRate",
    "TaxRateCreate",
    "TaxRateCreateCountry",
    "TaxRateUpdate",
    "TaxRateUpdateCountry",
    "TimelineEntry",
    "TimelineEntryStatus",
    "TokenPair",
    "TopProduct",
    "UpdateAdminOrderResponse409",
    "UpdateAdminOrderResponse409ErrorCode",
    "UpdateAdminOrderResponse422",
    "UpdateAdminOrderResponse422ErrorCode",
    "UpdateCartItemResponse409",
    "UpdateCartItemResponse409ErrorCode",
    "UpdateCartItemResponse422",
    "UpdateCartItemResponse422ErrorCode",
    "UpdateCartItemResponse429",
    "UpdateCartItemResponse429ErrorCode",
    "UpdateDiscountResponse409",
    "UpdateDiscountResponse409ErrorCode",
    "UpdateLocationResponse409",
    "UpdateLocationResponse409ErrorCode",
    "UpdateShippingZoneResponse409",
    "UpdateShippingZoneResponse409ErrorCode",
    "UpdateTaxRateResponse409",
    "UpdateTaxRateResponse409ErrorCode",
    "UpdateUserResponse409",
    "UpdateUserResponse409ErrorCode",
    "UpdateVariantResponse409",
    "UpdateVariantResponse409ErrorCode",
    "UpdateWebhookEndpointResponse422",
    "UpdateWebhookEndpointResponse422ErrorCode",
    "UploadProductImageResponse422",
    "UploadProductImageResponse422ErrorCode",
    "User",
    "UserRole",
    "Variant",
    "VariantCreate",
    "VariantCreateOptions",
    "VariantOptions",
    "VariantPublic",
    "VariantPublicOptions",
    "VariantUpdate",
    "VariantUpdateOptions",
    "WebhookReceipt",
    "WishlistProduct",
    "Zone",
    "ZoneCreate",
    "ZoneCreateCountriesItem",
    "ZoneUpdate",
    "ZoneUpdateCountriesItem",
)
