// What the four reference functions share: Stockroom's delivery checked (bearer key and
// Standard Webhooks signature), a webhook-id stored once, and 5xx when storing failed so
// that Stockroom's worker retries (it sends the same webhook-id every time).
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import { Webhook } from "standardwebhooks";

// The Standard Webhooks library refuses a timestamp more than 5 minutes from now.
export const TOLERANCE_SECONDS = 5 * 60;

export interface Delivery {
  webhookId: string;
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

export interface Settings {
  supabaseUrl: string;
  serviceRoleKey: string;
  webhookSecret: string;
}

export interface Receiver {
  // The table the function writes, unique on webhook_id.
  table: string;
  // The event types it accepts (others are answered 2xx and not stored: a receiver that
  // does not know a type must not make Stockroom retry it for three days).
  types: readonly string[];
  row: (delivery: Delivery) => Record<string, unknown>;
  // Done before the row is stored, only for a webhook-id not stored yet; repeated if the
  // store then fails and Stockroom retries, so it must be idempotent (a broadcast of the
  // latest stock is).
  beforeStore?: (client: SupabaseClient, delivery: Delivery) => Promise<void>;
}

export function settingsFromEnv(): Settings {
  const read = (name: string) => {
    const value = Deno.env.get(name);
    if (!value) throw new Error(`${name} is not set`);
    return value;
  };
  return {
    supabaseUrl: read("SUPABASE_URL"),
    serviceRoleKey: read("SUPABASE_SERVICE_ROLE_KEY"),
    webhookSecret: read("STOCKROOM_WEBHOOK_SECRET"),
  };
}

function json(status: number, body: Record<string, unknown>): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}

function sameText(a: string, b: string): boolean {
  // Compares every byte whatever the first difference, so timing tells nothing of the key.
  const left = new TextEncoder().encode(a);
  const right = new TextEncoder().encode(b);
  let difference = left.length ^ right.length;
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    difference |= (left[i] ?? 0) ^ (right[i] ?? 0);
  }
  return difference === 0;
}

export function makeHandler(receiver: Receiver, settings: Settings) {
  const webhook = new Webhook(settings.webhookSecret);
  const client = createClient(settings.supabaseUrl, settings.serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false },
  });

  return async (request: Request): Promise<Response> => {
    if (request.method !== "POST") {
      return json(405, { error: "method_not_allowed", message: "POST only" });
    }
    const bearer = request.headers.get("authorization") ?? "";
    if (!sameText(bearer, `Bearer ${settings.serviceRoleKey}`)) {
      return json(401, { error: "unauthorized", message: "bad bearer key" });
    }
    const body = await request.text();
    let payload: { type?: unknown; timestamp?: unknown; data?: unknown };
    try {
      // verify() checks the signature and the timestamp's tolerance, then parses.
      payload = webhook.verify(body, {
        "webhook-id": request.headers.get("webhook-id") ?? "",
        "webhook-timestamp": request.headers.get("webhook-timestamp") ?? "",
        "webhook-signature": request.headers.get("webhook-signature") ?? "",
      }) as typeof payload;
    } catch (error) {
      return json(401, { error: "bad_signature", message: String(error) });
    }
    if (typeof payload.type !== "string" || typeof payload.data !== "object" ||
      payload.data === null) {
      // Signed by Stockroom yet not an event: retrying would not change it.
      return json(400, { error: "bad_payload", message: "type and data are required" });
    }
    const delivery: Delivery = {
      webhookId: request.headers.get("webhook-id")!,
      type: payload.type,
      timestamp: String(payload.timestamp ?? ""),
      data: payload.data as Record<string, unknown>,
    };
    if (!receiver.types.includes(delivery.type)) {
      return json(202, { ignored: delivery.type });
    }

    const seen = await client.from(receiver.table).select("webhook_id")
      .eq("webhook_id", delivery.webhookId).limit(1);
    if (seen.error) {
      console.error(`${receiver.table}: lookup failed`, seen.error);
      return json(503, { error: "store_unavailable", message: seen.error.message });
    }
    if (seen.data.length > 0) {
      return json(200, { duplicate: delivery.webhookId });
    }
    if (receiver.beforeStore) {
      try {
        await receiver.beforeStore(client, delivery);
      } catch (error) {
        console.error(`${receiver.table}: before store failed`, error);
        return json(502, { error: "broadcast_failed", message: String(error) });
      }
    }
    // A copy delivered twice at once: the unique webhook_id keeps one, the other is ignored.
    const stored = await client.from(receiver.table)
      .upsert({ webhook_id: delivery.webhookId, event_type: delivery.type,
                occurred_at: delivery.timestamp || null, payload: delivery.data,
                ...receiver.row(delivery) },
              { onConflict: "webhook_id", ignoreDuplicates: true });
    if (stored.error) {
      console.error(`${receiver.table}: store failed`, stored.error);
      return json(503, { error: "store_failed", message: stored.error.message });
    }
    return json(200, { stored: delivery.webhookId });
  };
}

// Serves a function: `PORT=P deno run --allow-net --allow-env .../index.ts` (8000 by
// default), or as the Edge Runtime runs it once deployed.
export function serve(receiver: Receiver): void {
  const handler = makeHandler(receiver, settingsFromEnv());
  Deno.serve({ port: Number(Deno.env.get("PORT") ?? "8000") }, handler);
}

export const field = (data: Record<string, unknown>, name: string) => data[name] ?? null;
