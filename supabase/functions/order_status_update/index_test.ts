import { deepStrictEqual as assertEquals } from "node:assert/strict";
import { receiver } from "./index.ts";
import { delivery, withFunction } from "../_shared/test_support.ts";

Deno.test("a status change is stored with its old and new status", async () => {
  await withFunction(receiver, async (handle, double) => {
    const response = await handle(delivery("order.status_changed",
      { order_id: 7, number: "SR-7", user_id: 3, old_status: "paid",
        new_status: "processing" }));
    assertEquals(response.status, 200);
    await response.body?.cancel();
    const [row] = double.table("order_status_updates");
    assertEquals([row.order_id, row.order_number, row.old_status, row.new_status],
      [7, "SR-7", "paid", "processing"]);
  });
});
