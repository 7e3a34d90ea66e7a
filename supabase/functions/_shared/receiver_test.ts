// What every function does with a delivery, shown on order_status_update.
import { deepStrictEqual as assertEquals } from "node:assert/strict";
import { receiver } from "../order_status_update/index.ts";
import { delivery, SECRET, withFunction } from "./test_support.ts";

const CHANGE = { order_id: 7, number: "SR-7", user_id: 3, old_status: "paid",
                 new_status: "processing" };

Deno.test("a signed delivery is stored once, with the service role key", async () => {
  await withFunction(receiver, async (handle, double) => {
    const response = await handle(delivery("order.status_changed", CHANGE, { id: "msg_1" }));
    assertEquals(response.status, 200);
    assertEquals(await response.json(), { stored: "msg_1" });
    const [row] = double.table("order_status_updates");
    assertEquals(row.webhook_id, "msg_1");
    assertEquals(row.event_type, "order.status_changed");
    assertEquals(row.payload, CHANGE);
    const writes = double.requests.filter((r) => r.method === "POST");
    assertEquals(writes[0].authorization, "Bearer service-role-key-for-tests");
    assertEquals(writes[0].search, "?on_conflict=webhook_id");
  });
});

Deno.test("the same webhook-id again is answered 2xx and stored no second time", async () => {
  await withFunction(receiver, async (handle, double) => {
    const first = await handle(delivery("order.status_changed", CHANGE, { id: "msg_2" }));
    assertEquals(first.status, 200);
    await first.body?.cancel();
    const again = await handle(delivery("order.status_changed", CHANGE, { id: "msg_2" }));
    assertEquals(again.status, 200);
    assertEquals(await again.json(), { duplicate: "msg_2" });
    assertEquals(double.table("order_status_updates").length, 1);
    assertEquals(double.requests.filter((r) => r.method === "POST").length, 1);
  });
});

Deno.test("a wrong or missing bearer key is 401 and stores nothing", async () => {
  await withFunction(receiver, async (handle, double) => {
    for (const bearer of ["wrong", ""]) {
      const response = await handle(delivery("order.status_changed", CHANGE, { bearer }));
      assertEquals(response.status, 401);
      assertEquals((await response.json()).error, "unauthorized");
    }
    assertEquals(double.requests, []);
  });
});

Deno.test("a bad signature or a tampered body is 401", async () => {
  await withFunction(receiver, async (handle, double) => {
    const other = await handle(delivery("order.status_changed", CHANGE,
      { secret: "whsec_" + btoa("another secret of 24 bytes") }));
    assertEquals(other.status, 401);
    await other.body?.cancel();
    const signed = delivery("order.status_changed", CHANGE);
    const tampered = new Request(signed.url, {
      method: "POST", headers: signed.headers,
      body: (await signed.text()).replace('"processing"', '"cancelled"'),
    });
    const response = await handle(tampered);
    assertEquals(response.status, 401);
    assertEquals((await response.json()).error, "bad_signature");
    assertEquals(double.requests, []);
  });
});

Deno.test("a timestamp more than 5 minutes away is 401; within 5 minutes is stored", async () => {
  await withFunction(receiver, async (handle, double) => {
    const minute = 60_000;
    for (const offset of [-6 * minute, 6 * minute]) {
      const response = await handle(delivery("order.status_changed", CHANGE,
        { at: new Date(Date.now() + offset) }));
      assertEquals(response.status, 401);
      await response.body?.cancel();
    }
    const recent = await handle(delivery("order.status_changed", CHANGE,
      { at: new Date(Date.now() - 4 * minute) }));
    assertEquals(recent.status, 200);
    await recent.body?.cancel();
    assertEquals(double.table("order_status_updates").length, 1);
  });
});

Deno.test("a failed store is 5xx, and Stockroom's retry with the same id stores it", async () => {
  await withFunction(receiver, async (handle, double) => {
    double.failures.set("order_status_updates", 1);
    const failed = await handle(delivery("order.status_changed", CHANGE, { id: "msg_3" }));
    assertEquals(failed.status, 503);
    assertEquals((await failed.json()).error, "store_failed");
    assertEquals(double.table("order_status_updates"), []);
    const retried = await handle(delivery("order.status_changed", CHANGE, { id: "msg_3" }));
    assertEquals(retried.status, 200);
    await retried.body?.cancel();
    assertEquals(double.table("order_status_updates").map((r) => r.webhook_id), ["msg_3"]);
  });
});

Deno.test("an unreachable Supabase is 5xx, never a stored-looking 2xx", async () => {
  const { makeHandler } = await import("./receiver.ts");
  const handle = makeHandler(receiver, { supabaseUrl: "http://127.0.0.1:9",
    serviceRoleKey: "service-role-key-for-tests", webhookSecret: SECRET });
  const response = await handle(delivery("order.status_changed", CHANGE));
  assertEquals(response.status, 503);
  await response.body?.cancel();
});

Deno.test("a type the function does not take is acknowledged and not stored", async () => {
  await withFunction(receiver, async (handle, double) => {
    const response = await handle(delivery("cart.item_added", { cart_id: 1 }));
    assertEquals(response.status, 202);
    await response.body?.cancel();
    assertEquals(double.requests, []);
  });
});

Deno.test("anything but POST is 405", async () => {
  await withFunction(receiver, async (handle) => {
    const response = await handle(new Request("http://function.local/"));
    assertEquals(response.status, 405);
    await response.body?.cancel();
  });
});
