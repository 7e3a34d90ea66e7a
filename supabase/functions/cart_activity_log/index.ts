// Logs every cart change Stockroom sends, once per webhook-id, in cart_activity.
import { field, type Receiver, serve } from "../_shared/receiver.ts";

export const receiver: Receiver = {
  table: "cart_activity",
  types: ["cart.item_added", "cart.item_updated", "cart.item_removed"],
  row: ({ data }) => ({
    cart_id: field(data, "cart_id"),
    user_id: field(data, "user_id"),
    item_id: field(data, "item_id"),
    variant_id: field(data, "variant_id"),
    quantity: field(data, "quantity"),
  }),
};

if (import.meta.main) serve(receiver);
