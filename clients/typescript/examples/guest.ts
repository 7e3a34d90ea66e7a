/**
 * A guest's checkout through the TypeScript client, against a running Stockroom
 * (STOCKROOM_URL) whose admin has set up a shipping zone for Germany (DE): a guest
 * cart, the shipping options and totals for the destination, checkout with an email and
 * the cheapest method, the fake settle and the order read with its X-Order-Token.
 * Prints one JSON line of what it saw; exits non-zero on any surprise. Type-checked with
 * `tsc --noEmit` (strict), with no casts.
 */
import { createStockroomClient, type Schemas } from "../src/index.js";

const baseUrl = process.env["STOCKROOM_URL"] ?? "http://127.0.0.1:5000";
const stockroom = createStockroomClient({ baseUrl });
const { api } = stockroom;

function fail(message: string): never {
  throw new Error(message);
}

const ADDRESS: Schemas["ShippingAddressInput"] = {
  full_name: "Grace Guest",
  line1: "1 Hauptstrasse",
  city: "Berlin",
  postal_code: "10115",
  country: "DE",
};

async function main(): Promise<void> {
  const listing = await api.GET("/api/v1/products", {
    params: { query: { in_stock: true, page_size: 1 } },
  });
  const first = listing.data?.[0] ?? fail("no product in stock");
  const product = await api.GET("/api/v1/products/{product}", {
    params: { path: { product: first.slug } },
  });
  const variant =
    product.data?.variants.find((candidate) => candidate.available > 0) ?? fail("sold out");
  const added = await api.POST("/api/v1/cart/items", {
    body: { variant_id: variant.id, quantity: 1 },
  });
  if (added.data === undefined) fail(`add to cart: ${added.error?.message}`);

  const options = await api.GET("/api/v1/cart/shipping-options", {
    params: { query: { country: ADDRESS.country, postal_code: ADDRESS.postal_code } },
  });
  const cheapest = options.data?.[0] ?? fail("no shipping option offered");
  const totals = await api.GET("/api/v1/cart/totals", {
    params: { query: { country: ADDRESS.country, shipping_method_id: cheapest.id } },
  });
  if (totals.data === undefined) fail(`totals: ${totals.error?.message}`);

  const placed = await stockroom.checkout({
    shipping_address: ADDRESS,
    email: `guest-${Date.now()}@example.com`,
    shipping_method_id: cheapest.id,
  });
  if (placed.data === undefined) fail(`checkout: ${placed.error?.message}`);
  const { order, payment, order_token: orderToken } = placed.data;
  if (orderToken === null) fail("a guest checkout without an order token");
  if (order.total !== totals.data.total) fail("checkout charged other than the totals");

  // A PaymentIntent to confirm (the default payment_flow), not a hosted page.
  if (payment.payment_intent_id === null) fail("checkout answered no PaymentIntent");
  const withToken = { header: { "X-Order-Token": orderToken } };
  const settled = await api.POST("/api/v1/payments/fake/{payment_intent_id}/settle", {
    params: { path: { payment_intent_id: payment.payment_intent_id }, ...withToken },
    body: { outcome: "succeeded" },
  });
  if (settled.data === undefined) fail(`settle: ${settled.error?.message}`);
  let status = order.status;
  for (let attempt = 0; attempt < 100 && status !== "paid"; attempt += 1) {
    const read = await api.GET("/api/v1/orders/{order_id}", {
      params: { path: { order_id: order.id }, ...withToken },
    });
    status = read.data?.status ?? fail("the order could not be read with its token");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const stranger = await api.GET("/api/v1/orders/{order_id}", {
    params: { path: { order_id: order.id }, header: { "X-Order-Token": "not-the-token" } },
  });

  console.log(
    JSON.stringify({
      // (OpenAPI 3.0 writes "this object or null" as anyOf with an empty object.)
      shipping_method:
        order.shipping_method !== null && "name" in order.shipping_method
          ? order.shipping_method.name
          : null,
      shipping_total: order.shipping_total,
      tax_total: order.tax_total,
      total: order.total,
      totals_total: totals.data.total,
      status,
      stranger_status: stranger.response.status,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
