// Helpers for the functions' tests: deliveries signed as Stockroom signs them.
import { Webhook } from "standardwebhooks";
import { makeHandler, type Receiver } from "./receiver.ts";
import { SupabaseDouble } from "./postgrest_double.ts";

export const SERVICE_ROLE_KEY = "service-role-key-for-tests";
// The format Stockroom's SUPABASE_WEBHOOK_SECRET has: whsec_ and base64.
export const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

export interface DeliveryOptions {
  id?: string;
  at?: Date;
  bearer?: string;
  secret?: string;
}

export function delivery(type: string, data: Record<string, unknown>,
                         options: DeliveryOptions = {}): Request {
  const id = options.id ?? `msg_${crypto.randomUUID()}`;
  const at = options.at ?? new Date();
  const body = JSON.stringify({ type, timestamp: at.toISOString(), data });
  const signature = new Webhook(options.secret ?? SECRET).sign(id, at, body);
  return new Request("http://function.local/", {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/json",
      Authorization: `Bearer ${options.bearer ?? SERVICE_ROLE_KEY}`,
      "webhook-id": id,
      "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
      "webhook-signature": signature,
    },
  });
}

// Runs `body` with a handler for `receiver` whose Supabase is a fresh local double.
export async function withFunction(
  receiver: Receiver,
  body: (handle: (request: Request) => Promise<Response>, double: SupabaseDouble) =>
    Promise<void>,
): Promise<void> {
  const double = new SupabaseDouble();
  const url = double.start();
  try {
    const handle = makeHandler(receiver, {
      supabaseUrl: url, serviceRoleKey: SERVICE_ROLE_KEY, webhookSecret: SECRET,
    });
    await body(handle, double);
  } finally {
    await double.stop();
  }
}
