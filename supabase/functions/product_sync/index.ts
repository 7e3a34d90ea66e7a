// Keeps product_stock (one row per webhook-id: catalog and stock changes) and broadcasts
// each stock change on the Supabase Realtime channel `product:{product_id}` (event
// `stock`), for storefronts that listen to Supabase rather than Stockroom's Socket.io.
import { field, type Receiver, serve } from "../_shared/receiver.ts";

export const receiver: Receiver = {
  table: "product_stock",
  types: ["inventory.changed", "product.updated", "product.deleted"],
  row: ({ data }) => ({
    product_id: field(data, "product_id"),
    variant_id: field(data, "variant_id"),
    sku: field(data, "sku"),
    available: field(data, "available"),
  }),
  beforeStore: async (client, { type, data }) => {
    if (type !== "inventory.changed") return;
    // REST delivery: a function has no socket to keep open between requests.
    const channel = client.channel(`product:${data.product_id}`);
    try {
      await channel.httpSend("stock", {
        product_id: data.product_id,
        variant_id: data.variant_id,
        available: data.available,
      });
    } finally {
      await client.removeChannel(channel);
    }
  },
};

if (import.meta.main) serve(receiver);
