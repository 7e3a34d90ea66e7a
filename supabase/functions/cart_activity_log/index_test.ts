import { deepStrictEqual as assertEquals } from "node:assert/strict";
import { receiver } from "./index.ts";
import { delivery, withFunction } from "../_shared/test_support.ts";

Deno.test("each cart change is one row", async () => {
  await withFunction(receiver, async (handle, double) => {
    for (const [type, quantity] of [["cart.item_added", 1], ["cart.item_updated", 3],
                                    ["cart.item_removed", 0]] as const) {
      const response = await handle(delivery(type,
        { cart_id: 5, user_id: null, item_id: 11, variant_id: 9, quantity }));
      assertEquals(response.status, 200);
      await response.body?.cancel();
    }
    assertEquals(double.table("cart_activity").map((row) => [row.event_type, row.quantity]),
      [["cart.item_added", 1], ["cart.item_updated", 3], ["cart.item_removed", 0]]);
    assertEquals(double.table("cart_activity")[0].cart_id, 5);
  });
});
