import marshmallow as ma
from flask_smorest.fields import Upload
from marshmallow import fields

from api.schemas import Choice, Id, ResponseSchema, StrictSchema, text
from models import ProductStatus
from services.catalog_listing import SORTS
from services.slugs import SLUG_PATTERN

CURRENCY = ma.validate.Regexp(r"^[a-z]{3}$", error="A lowercase ISO 4217 code, such as usd.")
# Money and counts must be real JSON integers: 10.5 or "10" are refused, not coerced. The
# bounds keep them inside the database's integer columns.
MAX_PRICE_CENTS = 100_000_000
MAX_COUNT = 1_000_000_000


def Cents(**kwargs) -> fields.Integer:
    return fields.Integer(strict=True, validate=ma.validate.Range(min=1, max=MAX_PRICE_CENTS),
                          **kwargs)


def Count(**kwargs) -> fields.Integer:
    return fields.Integer(strict=True, validate=ma.validate.Range(min=0, max=MAX_COUNT),
                          **kwargs)


class RatingSchema(ResponseSchema):
    average = fields.Float(allow_none=True)
    count = fields.Integer()


class CategoryRefSchema(ResponseSchema):
    id = fields.Integer()
    name = fields.String()
    slug = fields.String()


class ImageSchema(ResponseSchema):
    id = fields.Integer()
    url = fields.String()
    alt = fields.String()
    position = fields.Integer()


class PriceSchema(ResponseSchema):
    currency = fields.String()
    amount = fields.Integer(metadata={"description": "In the currency's minor unit"})
    compare_at_price = fields.Integer(allow_none=True)


class VariantPublicSchema(ResponseSchema):
    id = fields.Integer()
    sku = fields.String()
    name = fields.String()
    options = fields.Dict(keys=fields.String(), values=fields.String())
    price = fields.Integer(metadata={"description": "In `currency`: the variant's own, or "
                                                    "the one the read asked for"})
    currency = fields.String()
    available = fields.Integer()
    weight_g = fields.Integer()
    prices = fields.List(fields.Nested(PriceSchema), attribute="price_list", metadata={
        "description": "Every currency the variant is priced in, its own first"})


class StockLevelSchema(ResponseSchema):
    location_id = fields.Integer()
    on_hand = fields.Integer()
    reserved = fields.Integer()
    available = fields.Integer()


class VariantSchema(VariantPublicSchema):
    stock = fields.List(fields.Nested(StockLevelSchema), metadata={
        "description": "Per location; on_hand and reserved above are their sums"})
    product_id = fields.Integer()
    compare_at_price = fields.Integer(allow_none=True)
    on_hand = fields.Integer()
    reserved = fields.Integer()
    low_stock_threshold = fields.Integer()


class ProductListItemSchema(ResponseSchema):
    id = fields.Integer()
    slug = fields.String()
    name = fields.String()
    category = fields.Nested(CategoryRefSchema)
    price_min = fields.Integer(allow_none=True)
    price_max = fields.Integer(allow_none=True)
    currency = fields.String()
    available = fields.Integer()
    image = fields.String(allow_none=True)
    rating = fields.Nested(RatingSchema)


class ProductSchema(ResponseSchema):
    id = fields.Integer()
    slug = fields.String()
    name = fields.String()
    description = fields.String()
    category = fields.Nested(CategoryRefSchema)
    status = Choice(ProductStatus)
    seller_id = fields.Integer(allow_none=True)
    images = fields.List(fields.Nested(ImageSchema))
    variants = fields.List(fields.Nested(VariantPublicSchema))
    rating = fields.Nested(RatingSchema)


class ProductCreateSchema(StrictSchema):
    name = text(200, required=True)
    description = text(20_000, min_length=0, load_default="")
    category_id = Id(required=True)
    status = fields.String(load_default=ProductStatus.DRAFT.value,
                           validate=ma.validate.OneOf([s.value for s in ProductStatus]))
    slug = fields.String(validate=[ma.validate.Length(max=160),
                                   ma.validate.Regexp(SLUG_PATTERN)])
    seller_id = Id(allow_none=True)


class ProductUpdateSchema(ProductCreateSchema):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, partial=True, **kwargs)

    description = text(20_000, min_length=0)
    status = fields.String(validate=ma.validate.OneOf([s.value for s in ProductStatus]))


class PriceInputSchema(StrictSchema):
    currency = fields.String(required=True, validate=CURRENCY)
    amount = Cents(required=True)
    compare_at_price = Cents(allow_none=True)


class VariantCreateSchema(StrictSchema):
    sku = fields.String(required=True, validate=[
        ma.validate.Length(min=1, max=64),
        ma.validate.Regexp(r"^[A-Za-z0-9][A-Za-z0-9._-]*$",
                           error="Letters, digits, '.', '_' and '-' only.")])
    name = text(200, required=True)
    # Option names are checked by the service (their rules cannot be stated in OpenAPI 3.0).
    options = fields.Dict(keys=fields.String(), values=text(100), load_default=dict,
                          validate=ma.validate.Length(max=20))
    price = Cents(required=True)
    currency = fields.String(load_default="usd", validate=CURRENCY)
    compare_at_price = Cents(allow_none=True)
    prices = fields.List(fields.Nested(PriceInputSchema), validate=ma.validate.Length(max=50),
                         metadata={"description": "Its prices in other currencies (all of "
                                                  "them: a PATCH replaces the list)"})
    weight_g = Count(load_default=0, metadata={"description": "One unit's weight in grams"})
    on_hand = Count(load_default=0)
    low_stock_threshold = Count(load_default=0)


class VariantUpdateSchema(VariantCreateSchema):
    def __init__(self, *args, **kwargs):
        # Partial at the top only: a price given is given whole.
        super().__init__(*args, partial=tuple(VariantCreateSchema._declared_fields), **kwargs)

    options = fields.Dict(keys=fields.String(), values=text(100),
                          validate=ma.validate.Length(max=20))
    currency = fields.String(validate=CURRENCY)
    weight_g = Count()
    on_hand = Count()
    low_stock_threshold = Count()


class InventorySchema(StrictSchema):
    on_hand = Count(required=True, metadata={"description": "At the location"})
    low_stock_threshold = Count()
    location_id = Id(metadata={"description": "The stock location (default: the default "
                                              "location)"})


class ImageUploadSchema(StrictSchema):
    """A multipart body: the image ``file`` and its ``alt`` text."""

    file = Upload(required=True)
    alt = text(300, min_length=0, load_default="")


class ImageOrderSchema(StrictSchema):
    image_ids = fields.List(Id(), required=True,
                            validate=ma.validate.Length(max=100))


class CurrencyCode(fields.String):
    """A currency in a query: ``eur`` or ``EUR``, read as ``eur``."""

    def __init__(self, **kwargs):
        super().__init__(validate=ma.validate.Regexp(
            r"^[A-Za-z]{3}$", error="An ISO 4217 code, such as eur."), **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        return super()._deserialize(value, attr, data, **kwargs).lower()


class ProductQueryArgsSchema(ma.Schema):
    class Meta:
        # Unknown query arguments (cache-busters) are ignored, not refused.
        unknown = ma.EXCLUDE

    q = fields.String(validate=[ma.validate.Length(max=200),
                                ma.validate.Regexp(r"^[^\x00]*$")])
    category = fields.String(validate=[ma.validate.Length(max=140),
                                       ma.validate.Regexp(r"^[^\x00]*$")])
    min_price = fields.Integer(validate=ma.validate.Range(min=0, max=2**31 - 1))
    max_price = fields.Integer(validate=ma.validate.Range(min=0, max=2**31 - 1))
    in_stock = fields.Boolean()
    sort = fields.String(validate=ma.validate.OneOf(SORTS))
    currency = CurrencyCode(metadata={
        "description": "Prices in this currency; products not priced in it are left out"})


class CurrencyArgsSchema(ma.Schema):
    class Meta:
        unknown = ma.EXCLUDE

    currency = CurrencyCode(metadata={
        "description": "Prices in this currency; variants not priced in it are left out"})


class AdminProductListItemSchema(ProductListItemSchema):
    status = Choice(ProductStatus)
    seller_id = fields.Integer(allow_none=True)
    created_at = fields.DateTime(format="iso")


class AdminProductQueryArgsSchema(ProductQueryArgsSchema):
    status = Choice(ProductStatus, metadata={"description": "Only this status (default: all)"})
    seller_id = fields.Integer(validate=ma.validate.Range(min=1, max=2**31 - 1),
                               metadata={"description": "Only this seller's products"})
