// Stores every order status change (and the order's shipments, returns and edits) that
// Stockroom sends, once per webhook-id, in order_status_updates.
import { field, type Receiver, serve } from "../_shared/receiver.ts";

export const receiver: Receiver = {
  table: "order_status_updates",
  types: [
    "order.status_changed", "order.edited", "order.balance_paid", "shipment.created",
    "return.requested", "return.approved", "return.rejected", "return.received",
    "return.refunded",
  ],
  row: ({ data }) => ({
    order_id: field(data, "order_id"),
    order_number: field(data, "number"),
    user_id: field(data, "user_id"),
    old_status: field(data, "old_status"),
    new_status: field(data, "new_status"),
  }),
};

if (import.meta.main) serve(receiver);
