// Stores each notification Stockroom sends a user (order confirmed, shipped, delivered,
// refunded), once per webhook-id, in notifications: an app's inbox reads that table.
import { field, type Receiver, serve } from "../_shared/receiver.ts";

export const receiver: Receiver = {
  table: "notifications",
  types: ["user.notification", "shipment.created"],
  row: ({ type, data }) => ({
    user_id: field(data, "user_id"),
    kind: type === "shipment.created" ? "shipped" : field(data, "kind"),
    order_id: field(data, "order_id"),
    order_number: field(data, "number"),
  }),
};

if (import.meta.main) serve(receiver);
