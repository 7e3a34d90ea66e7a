import { deepStrictEqual as assertEquals } from "node:assert/strict";
import { receiver } from "./index.ts";
import { delivery, withFunction } from "../_shared/test_support.ts";

Deno.test("a notification is stored for its user", async () => {
  await withFunction(receiver, async (handle, double) => {
    const response = await handle(delivery("user.notification",
      { kind: "order_confirmed", user_id: 3, order_id: 7, number: "SR-7", status: "paid" }));
    assertEquals(response.status, 200);
    await response.body?.cancel();
    const [row] = double.table("notifications");
    assertEquals([row.user_id, row.kind, row.order_id, row.order_number],
      [3, "order_confirmed", 7, "SR-7"]);
  });
});

Deno.test("a shipment is a 'shipped' notification", async () => {
  await withFunction(receiver, async (handle, double) => {
    const response = await handle(delivery("shipment.created",
      { order_id: 7, user_id: 3, number: "SR-7", shipment_id: 2 }));
    assertEquals(response.status, 200);
    await response.body?.cancel();
    assertEquals(double.table("notifications")[0].kind, "shipped");
  });
});
