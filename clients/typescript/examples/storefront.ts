/**
 * A storefront's whole flow through the TypeScript client, against a running Stockroom
 * (STOCKROOM_URL, default http://127.0.0.1:5000) with the fake payment provider:
 * browse, a guest cart, register (the cart comes along), checkout with a key, the fake
 * settle, the order until it is paid, and its cancel. Prints one JSON line of what it saw;
 * exits non-zero on any surprise. Type-checked with `tsc --noEmit` (strict), with no casts.
 */
import { createStockroomClient, type Schemas } from "../src/index.js";

const baseUrl = process.env["STOCKROOM_URL"] ?? "http://127.0.0.1:5000";
const stockroom = createStockroomClient({ baseUrl });
const { api } = stockroom;

function fail(message: string): never {
  throw new Error(message);
}

const ADDRESS: Schemas["ShippingAddressInput"] = {
  full_name: "Ada Lovelace",
  line1: "1 Main St",
  city: "London",
  postal_code: "N1 1AA",
  country: "GB",
};

async function paidOrder(orderId: number): Promise<Schemas["Order"]> {
  // The settle is applied by a worker: ask until the order says so (a storefront would
  // listen on the real-time channel instead).
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const { data } = await api.GET("/api/v1/orders/{order_id}", {
      params: { path: { order_id: orderId } },
    });
    if (data === undefined) fail(`order ${orderId} could not be read`);
    if (data.payment_status === "succeeded") return data;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  fail(`order ${orderId} was never paid`);
}

async function main(): Promise<void> {
  // Browse: the listing, then one product by its slug and by its id.
  const listing = await api.GET("/api/v1/products", {
    params: { query: { in_stock: true, page_size: 5, sort: "newest" } },
  });
  if (listing.data === undefined) fail("the listing failed");
  const pagination = listing.response.headers.get("X-Pagination");
  const first = listing.data[0] ?? fail("no product in stock");
  const product = await api.GET("/api/v1/products/{product}", {
    params: { path: { product: first.slug } },
  });
  if (product.data === undefined) fail("the product failed");
  const byId = await api.GET("/api/v1/products/{product}", {
    params: { path: { product: String(first.id) } },
  });
  if (byId.data?.slug !== first.slug) fail("the product by id differs");
  const variant =
    product.data.variants.find((candidate) => candidate.available > 0) ?? fail("sold out");

  // A guest's cart: the client keeps the token the answer carries.
  const added = await api.POST("/api/v1/cart/items", {
    body: { variant_id: variant.id, quantity: 1 },
  });
  if (added.data === undefined) fail(`add to cart: ${added.error?.message}`);
  const guestToken = stockroom.session.cartToken ?? fail("no cart token");

  // Register: the guest cart merges into the new account's.
  const email = `storefront-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
  const registered = await api.POST("/api/v1/auth/register", {
    body: { email, password: "a-long-enough-password", full_name: "Ada Lovelace" },
  });
  if (registered.data === undefined) fail(`register: ${registered.error?.message}`);
  stockroom.signIn(registered.data);
  const cart = await api.GET("/api/v1/cart");
  if (cart.data === undefined) fail("the cart failed");
  if (cart.data.items.length !== 1) fail("the guest cart did not merge");
  const me = await api.GET("/api/v1/me");
  if (me.data?.email !== email) fail("me is not me");

  // Checkout with a key (the client makes one), then the fake provider's settle.
  const placed = await stockroom.checkout({ shipping_address: ADDRESS });
  if (placed.data === undefined) fail(`checkout: ${placed.error?.message}`);
  const { order, payment } = placed.data;
  // A PaymentIntent to confirm (the default payment_flow), not a hosted page.
  if (payment.payment_intent_id === null) fail("checkout answered no PaymentIntent");
  const settled = await api.POST("/api/v1/payments/fake/{payment_intent_id}/settle", {
    params: { path: { payment_intent_id: payment.payment_intent_id } },
    body: { outcome: "succeeded" },
  });
  if (settled.data === undefined) fail(`settle: ${settled.error?.message}`);
  const paid = await paidOrder(order.id);

  // The order in the list, then its cancel (paid: refunded in full).
  const orders = await api.GET("/api/v1/orders");
  if (!orders.data?.some((listed) => listed.id === order.id)) fail("the order is not listed");
  const cancelled = await api.POST("/api/v1/orders/{order_id}/cancel", {
    params: { path: { order_id: order.id } },
  });
  if (cancelled.data === undefined) fail(`cancel: ${cancelled.error?.message}`);
  const again = await api.POST("/api/v1/orders/{order_id}/cancel", {
    params: { path: { order_id: order.id } },
  });
  if (again.error === undefined) fail("a second cancel was accepted");

  console.log(
    JSON.stringify({
      products_listed: listing.data.length,
      pagination_header: pagination !== null,
      guest_cart_token: guestToken.length > 0,
      order_number: order.number,
      total: order.total,
      currency: order.currency,
      paid_status: paid.status,
      cancelled_status: cancelled.data.status,
      payment_status: cancelled.data.payment_status,
      second_cancel_status: again.response.status,
      second_cancel_code: again.error.error_code ?? null,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
