"""Products, their variants, stock levels and images."""

from __future__ import annotations

from flask.views import MethodView
from flask_jwt_extended import current_user

from api.products.schemas import (
    AdminProductListItemSchema,
    AdminProductQueryArgsSchema,
    CurrencyArgsSchema,
    ImageOrderSchema,
    ImageSchema,
    ImageUploadSchema,
    InventorySchema,
    ProductCreateSchema,
    ProductListItemSchema,
    ProductQueryArgsSchema,
    ProductSchema,
    ProductUpdateSchema,
    VariantCreateSchema,
    VariantSchema,
    VariantUpdateSchema,
)
from core.auth import OPTIONAL_BEARER, Blueprint, optional_user
from core.http_cache import catalog_cached, public_cache
from core.pagination import paginate_query
from models import Role, db
from services import catalog_listing, currencies, images, inventory, locations, products

blp = Blueprint("products", __name__, description="Products, variants, stock and images")

LISTING_ARGS = (*ProductQueryArgsSchema().fields, "page", "page_size")


def _listing_item(row) -> dict:
    product, available, image, price_min, price_max, currency = row
    return {"id": product.id, "slug": product.slug, "name": product.name,
            "category": product.category, "price_min": price_min,
            "price_max": price_max, "currency": currency,
            "available": available, "image": image, "rating": product.rating}


def _priced_in(product, currency: str) -> dict:
    """The product as ``ProductSchema`` answers it, its variants priced in ``currency``
    (those not priced in it left out)."""
    book = currencies.PriceBook(product.variants, currency)
    variants = []
    for variant in product.variants:
        price = book.price(variant)
        if price is not None:
            variants.append({
                "id": variant.id, "sku": variant.sku, "name": variant.name,
                "options": variant.options, "price": price.amount, "currency": currency,
                "available": variant.available, "weight_g": variant.weight_g,
                "price_list": variant.price_list})
    return {name: getattr(product, name) for name in (
        "id", "slug", "name", "description", "category", "status", "seller_id", "images",
        "rating")} | {"variants": variants}


def _admin_listing_item(row) -> dict:
    product = row[0]
    return {**_listing_item(row), "status": product.status, "seller_id": product.seller_id,
            "created_at": product.created_at}


@blp.route("/products")
class Products(MethodView):
    @public_cache
    @catalog_cached(LISTING_ARGS)
    @blp.etag
    @blp.arguments(ProductQueryArgsSchema, location="query")
    @blp.response(200, ProductListItemSchema(many=True))
    @blp.paginate()
    @blp.doc(operationId="listProducts")
    def get(self, args, pagination_parameters):
        """List active products: search, filter, sort"""
        query, count_query = catalog_listing.product_listing(
            catalog_listing.ProductFilters(**args))
        rows = paginate_query(query, pagination_parameters, rows=True, count_query=count_query)
        return [_listing_item(row) for row in rows]

    @blp.auth_required("admin", "seller")
    @blp.arguments(ProductCreateSchema)
    @blp.response(201, ProductSchema)
    @blp.doc(operationId="createProduct")
    def post(self, body):
        """Create a product"""
        product = products.create_product(current_user, body)
        db.session.commit()
        return product


@blp.route("/admin/products")
class AdminProducts(MethodView):
    @blp.auth_required(Role.ADMIN)
    @blp.arguments(AdminProductQueryArgsSchema, location="query")
    @blp.response(200, AdminProductListItemSchema(many=True))
    @blp.paginate()
    @blp.doc(operationId="listAdminProducts")
    def get(self, args, pagination_parameters):
        """Every product, of any status and seller: search, filter, sort"""
        status, seller_id = args.pop("status", None), args.pop("seller_id", None)
        query, count_query = catalog_listing.product_listing(
            catalog_listing.ProductFilters(**args), status=status, seller_id=seller_id)
        rows = paginate_query(query, pagination_parameters, rows=True, count_query=count_query)
        return [_admin_listing_item(row) for row in rows]


@blp.route("/products/<product_ref:product>")
class ProductByRef(MethodView):
    @public_cache
    @catalog_cached(["currency"])
    @blp.etag
    @blp.arguments(CurrencyArgsSchema, location="query")
    @blp.response(200, ProductSchema)
    @blp.doc(operationId="getProduct", security=OPTIONAL_BEARER)
    def get(self, args, product):
        """One product, by id or slug, with its variants and images"""
        found = products.product_by_ref(optional_user(), product)
        if "currency" in args:
            return _priced_in(found, args["currency"])
        return found

    @blp.auth_required("admin", "seller")
    @blp.arguments(ProductUpdateSchema, required=False)
    @blp.response(200, ProductSchema)
    @blp.doc(operationId="updateProduct")
    def patch(self, body, product):
        """Change a product"""
        product = products.update_product(current_user, product, body)
        db.session.commit()
        return product

    @blp.auth_required("admin", "seller")
    @blp.response(204)
    @blp.errors(products.VariantReserved)
    @blp.doc(operationId="deleteProduct")
    def delete(self, product):
        """Delete a product with its variants and images"""
        products.delete_product(current_user, product)
        db.session.commit()


@blp.route("/products/<id:product_id>/variants")
class ProductVariants(MethodView):
    @blp.auth_required("admin", "seller")
    @blp.arguments(VariantCreateSchema)
    @blp.response(201, VariantSchema)
    @blp.errors(products.DuplicateSku)
    @blp.doc(operationId="createVariant")
    def post(self, body, product_id):
        """Add a variant to a product"""
        variant = products.create_variant(current_user, product_id, body)
        db.session.commit()
        return variant


@blp.route("/variants/<id:variant_id>")
class VariantById(MethodView):
    @blp.auth_required("admin", "seller")
    @blp.response(200, VariantSchema)
    @blp.doc(operationId="getVariant")
    def get(self, variant_id):
        """One variant with its stock levels"""
        return products.variant_for_manager(current_user, variant_id)

    @blp.auth_required("admin", "seller")
    @blp.arguments(VariantUpdateSchema, required=False)
    @blp.response(200, VariantSchema)
    @blp.errors(products.DuplicateSku)
    @blp.doc(operationId="updateVariant")
    def patch(self, body, variant_id):
        """Change a variant"""
        variant = products.update_variant(current_user, variant_id, body)
        db.session.commit()
        return variant

    @blp.auth_required("admin", "seller")
    @blp.response(204)
    @blp.errors(products.VariantReserved)
    @blp.doc(operationId="deleteVariant")
    def delete(self, variant_id):
        """Delete a variant"""
        products.delete_variant(current_user, variant_id)
        db.session.commit()


@blp.route("/variants/<id:variant_id>/inventory")
class VariantInventory(MethodView):
    @blp.auth_required("admin", "seller")
    @blp.arguments(InventorySchema)
    @blp.response(200, VariantSchema)
    @blp.errors(inventory.StockBelowReserved, products.VariantNotFound, locations.LocationNotFound)
    @blp.doc(operationId="setInventory")
    def put(self, body, variant_id):
        """Set a variant's stock on hand at a location, and its low-stock threshold"""
        variant = products.set_variant_stock(current_user, variant_id, body["on_hand"],
                                             body.get("low_stock_threshold"),
                                             body.get("location_id"))
        db.session.commit()
        return variant


@blp.route("/products/<id:product_id>/images")
class ProductImages(MethodView):
    @blp.auth_required("admin", "seller")
    @blp.arguments(ImageUploadSchema, location="files")
    @blp.response(201, ImageSchema)
    @blp.errors(images.UnsupportedImage)
    @blp.doc(operationId="uploadProductImage")
    def post(self, body, product_id):
        """Upload an image (JPEG, PNG or WebP)"""
        image = products.add_product_image(current_user, product_id, body["file"].read(),
                                           body["alt"])
        db.session.commit()
        return image


@blp.route("/products/<id:product_id>/images/order")
class ProductImageOrder(MethodView):
    @blp.auth_required("admin", "seller")
    @blp.arguments(ImageOrderSchema)
    @blp.response(200, ImageSchema(many=True))
    @blp.doc(operationId="orderProductImages")
    def put(self, body, product_id):
        """Set the order of a product's images"""
        ordered = products.reorder_product_images(current_user, product_id, body["image_ids"])
        db.session.commit()
        return ordered


@blp.route("/images/<id:image_id>")
class ImageById(MethodView):
    @blp.auth_required("admin", "seller")
    @blp.response(204)
    @blp.doc(operationId="deleteImage")
    def delete(self, image_id):
        """Delete an image"""
        products.delete_product_image(current_user, image_id)
        db.session.commit()


@blp.route("/admin/inventory/low-stock")
class LowStock(MethodView):
    @blp.auth_required("admin")
    @blp.response(200, VariantSchema(many=True))
    @blp.paginate()
    @blp.doc(operationId="listLowStock")
    def get(self, pagination_parameters):
        """Variants at or under their low-stock threshold, the emptiest first"""
        return paginate_query(inventory.low_stock_variants(), pagination_parameters)


@blp.route("/seller/inventory")
class SellerInventory(MethodView):
    @blp.auth_required("seller")
    @blp.response(200, VariantSchema(many=True))
    @blp.paginate()
    @blp.doc(operationId="listSellerInventory")
    def get(self, pagination_parameters):
        """My variants with their stock"""
        return paginate_query(inventory.stock_for_seller(current_user.id),
                              pagination_parameters)


@blp.route("/seller/inventory/low-stock")
class SellerLowStock(MethodView):
    @blp.auth_required("seller")
    @blp.response(200, VariantSchema(many=True))
    @blp.paginate()
    @blp.doc(operationId="listSellerLowStock")
    def get(self, pagination_parameters):
        """My variants at or under their low-stock threshold"""
        return paginate_query(inventory.low_stock_for_seller(current_user.id),
                              pagination_parameters)
