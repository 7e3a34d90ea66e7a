import { deepStrictEqual as assertEquals } from "node:assert/strict";
import { receiver } from "./index.ts";
import { delivery, withFunction } from "../_shared/test_support.ts";

const STOCK = { product_id: 4, variant_id: 9, sku: "TEE-M", on_hand: 10, reserved: 3,
                available: 7 };

Deno.test("a stock change is stored and broadcast on the product's channel once", async () => {
  await withFunction(receiver, async (handle, double) => {
    for (let i = 0; i < 2; i++) {
      const response = await handle(delivery("inventory.changed", STOCK, { id: "msg_s" }));
      assertEquals(response.status, 200);
      await response.body?.cancel();
    }
    const [row] = double.table("product_stock");
    assertEquals([row.product_id, row.variant_id, row.sku, row.available], [4, 9, "TEE-M", 7]);
    assertEquals(double.table("product_stock").length, 1);
    assertEquals(double.broadcasts, [{ topic: "product:4", event: "stock",
      payload: { product_id: 4, variant_id: 9, available: 7 } }]);
  });
});

Deno.test("a product update is stored and not broadcast as stock", async () => {
  await withFunction(receiver, async (handle, double) => {
    const response = await handle(delivery("product.updated",
      { product_id: 4, slug: "tee", name: "Tee", status: "active" }));
    assertEquals(response.status, 200);
    await response.body?.cancel();
    assertEquals(double.table("product_stock")[0].event_type, "product.updated");
    assertEquals(double.broadcasts, []);
  });
});

Deno.test("a store that failed after the broadcast is retried: broadcast again, stored once",
  async () => {
    await withFunction(receiver, async (handle, double) => {
      double.failures.set("product_stock", 1);
      const failed = await handle(delivery("inventory.changed", STOCK, { id: "msg_r" }));
      assertEquals(failed.status, 503);
      await failed.body?.cancel();
      const retried = await handle(delivery("inventory.changed", STOCK, { id: "msg_r" }));
      assertEquals(retried.status, 200);
      await retried.body?.cancel();
      assertEquals(double.table("product_stock").length, 1);
      // The same latest stock twice: harmless to a listener.
      assertEquals(double.broadcasts.length, 2);
    });
  });
