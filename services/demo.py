"""Demo data for ``make run`` and ``flask seed-demo``; running it again changes nothing.

The catalog is generated from a fixed seed, so every machine gets the same one: a tree of
categories, products with size or colour variants, stock levels and a generated image
each, some of them owned by the demo seller. Rows are written directly (a bulk load
publishes no catalog events).
"""

from __future__ import annotations

import colorsys
import io
import random

import sqlalchemy as sa
from PIL import Image, ImageDraw

from models import Category, Product, ProductImage, Role, User, Variant, VariantPrice, db
from services import images, users
from services.products import refresh_price_range
from services.slugs import slugify

DEMO_ADMIN = ("admin@stockroom.example", "stockroom-admin-demo", "Demo Admin")
DEMO_SELLER = ("seller@stockroom.example", "stockroom-seller-demo", "Demo Seller")
DEMO_CUSTOMER = ("customer@stockroom.example", "stockroom-customer-demo", "Demo Customer")


def _ensure_user(email: str, password: str, full_name: str, role: str) -> bool:
    if users.find_user_by_email(email) is not None:
        return False
    users.register_user(email, password, full_name, role=role)
    return True


CATEGORY_TREE = {
    "Apparel": ["Shirts", "Dresses", "Shoes", "Jackets"],
    "Home": ["Kitchen", "Furniture", "Decor", "Bedding"],
    "Electronics": ["Audio", "Computers", "Phones"],
    "Books": ["Fiction", "Non-fiction", "Children"],
    "Sports": ["Running", "Cycling", "Camping"],
}
ADJECTIVES = ["Classic", "Everyday", "Premium", "Lightweight", "Vintage", "Modern", "Rugged",
              "Compact", "Deluxe", "Organic", "Minimal", "Signature", "Urban", "Coastal",
              "Alpine", "Heritage"]
NOUNS = {
    "Shirts": ["Oxford Shirt", "Linen Shirt", "Flannel Shirt", "Polo"],
    "Dresses": ["Wrap Dress", "Summer Dress", "Shift Dress"],
    "Shoes": ["Sneaker", "Loafer", "Boot", "Sandal"],
    "Jackets": ["Rain Jacket", "Denim Jacket", "Puffer"],
    "Kitchen": ["Chef Knife", "Skillet", "Dutch Oven", "Cutting Board"],
    "Furniture": ["Side Table", "Bookshelf", "Desk Chair"],
    "Decor": ["Vase", "Wall Clock", "Throw Pillow", "Candle"],
    "Bedding": ["Duvet Cover", "Pillowcase Set", "Wool Blanket"],
    "Audio": ["Headphones", "Bluetooth Speaker", "Earbuds"],
    "Computers": ["Laptop Sleeve", "Mechanical Keyboard", "USB-C Hub"],
    "Phones": ["Phone Case", "Charging Stand", "Screen Protector"],
    "Fiction": ["Novel", "Short Stories", "Mystery"],
    "Non-fiction": ["Cookbook", "Field Guide", "Biography"],
    "Children": ["Picture Book", "Activity Book"],
    "Running": ["Running Shoe", "Running Vest", "Trail Shorts"],
    "Cycling": ["Bike Light", "Cycling Jersey", "Helmet"],
    "Camping": ["Tent", "Sleeping Bag", "Camp Stove", "Headlamp"],
}
SIZED = {"Shirts", "Dresses", "Shoes", "Jackets", "Running", "Cycling"}
SIZES = ["S", "M", "L"]
COLOURS = ["Black", "Sand", "Navy"]
DEFAULT_PRODUCTS = 240


def _ensure_categories() -> dict[str, Category]:
    existing = {c.slug: c for c in db.session.scalars(sa.select(Category))}
    leaves = {}
    for root_name, children in CATEGORY_TREE.items():
        root = existing.get(slugify(root_name))
        if root is None:
            root = Category(name=root_name, slug=slugify(root_name))
            db.session.add(root)
            db.session.flush()
        for child_name in children:
            slug = f"{slugify(root_name)}-{slugify(child_name)}"
            child = existing.get(slug)
            if child is None:
                child = Category(name=child_name, slug=slug, parent_id=root.id)
                db.session.add(child)
            leaves[child_name] = child
    db.session.flush()
    return leaves


def _picture(hue: float, seed: int) -> bytes:
    """A small PNG: a colour field with a pattern, different for every product."""
    r, g, b = (int(255 * c) for c in colorsys.hsv_to_rgb(hue, 0.45, 0.9))
    picture = Image.new("RGB", (96, 96), (r, g, b))
    draw = ImageDraw.Draw(picture)
    rng = random.Random(seed)
    for _ in range(4):
        x, y, size = rng.randrange(0, 80), rng.randrange(0, 80), rng.randrange(12, 40)
        draw.ellipse((x, y, x + size, y + size), fill=(255 - r, 255 - g, 255 - b))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def seed_catalog(product_count: int, seller: User) -> tuple[int, int]:
    """Create the demo products numbered below ``product_count`` that are missing.
    Returns (products created, variants created)."""
    leaves = _ensure_categories()
    leaf_names = sorted(leaves)
    existing = set(db.session.scalars(sa.select(Product.slug).where(Product.slug.like("demo-%"))))
    store = images.storage()
    created_products = created_variants = 0
    for index in range(product_count):
        rng = random.Random(index)
        leaf = leaf_names[index % len(leaf_names)]
        name = f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS[leaf])}"
        slug = f"demo-{index:05d}-{slugify(name)}"
        if slug in existing:
            continue
        base_price = rng.randrange(8, 400) * 100 - 1
        product = Product(
            slug=slug, name=name, status="active", category_id=leaves[leaf].id,
            description=(f"The {name.lower()} from our {leaf.lower()} range: "
                         f"{rng.choice(['durable', 'soft', 'light', 'sturdy'])} and "
                         f"{rng.choice(['made to last', 'easy to care for', 'a bestseller'])}."),
            seller_id=seller.id if index % 4 == 0 else None,
            units_sold=rng.randrange(0, 500), currency="usd",
            price_min=base_price, price_max=base_price)
        db.session.add(product)
        db.session.flush()
        labels = SIZES if leaf in SIZED else COLOURS
        option = "size" if leaf in SIZED else "colour"
        for step, label in enumerate(labels):
            price = base_price + step * 500
            # Every demo variant is priced in EUR too (about 0.92 EUR to the dollar, ending
            # in .99), so that the demo shows a second currency.
            db.session.add(Variant(
                product_id=product.id, sku=f"DEMO-{index:05d}-{label.upper()}",
                name=label, options={option: label}, price=price,
                currency="usd", on_hand=rng.choice([0, 3, 8, 15, 40, 120]), reserved=0,
                low_stock_threshold=5,
                prices=[VariantPrice(currency="eur", amount=(price * 92 // 10_000) * 100 + 99)]))
        db.session.flush()
        refresh_price_range(product)
        key = f"products/{product.id}/demo-{index:05d}.png"
        url = store.save(key, _picture((index % 17) / 17, index), "image/png")
        db.session.add(ProductImage(product_id=product.id, storage_key=key, url=url,
                                    alt=name, position=0, content_type="image/png"))
        created_products += 1
        created_variants += len(labels)
        if created_products % 500 == 0:
            db.session.flush()
    db.session.flush()
    if created_products and db.session.get_bind().dialect.name == "postgresql":
        # A bulk load leaves the planner without statistics until autovacuum comes by;
        # without them it misjudges every catalog query.
        db.session.execute(sa.text("ANALYZE categories, products, variants, product_images"))
    return created_products, created_variants


def seed_demo(product_count: int = DEFAULT_PRODUCTS) -> list[str]:
    """Create the demo accounts and catalog where missing. Returns lines saying what exists."""
    lines = []
    for (email, password, name), role in ((DEMO_ADMIN, Role.ADMIN), (DEMO_SELLER, Role.SELLER),
                                          (DEMO_CUSTOMER, Role.CUSTOMER)):
        created = _ensure_user(email, password, name, role.value)
        state = "created" if created else "exists"
        lines.append(f"{role.value:<8} {email} / {password} ({state})")
    seller = users.find_user_by_email(DEMO_SELLER[0])
    products, variants = seed_catalog(product_count, seller)
    total_products = db.session.scalar(sa.select(sa.func.count(Product.id)))
    total_categories = db.session.scalar(sa.select(sa.func.count(Category.id)))
    lines.append(f"catalog  {products} products and {variants} variants created; "
                 f"{total_products} products in {total_categories} categories")
    return lines
