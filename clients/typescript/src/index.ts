/**
 * The official TypeScript client of the Stockroom API.
 *
 * `paths` and `components` are generated from the OpenAPI document (`make clients`); the
 * client is openapi-fetch, typed by them, with three things a storefront would otherwise
 * write by hand:
 *
 * - the bearer: `signIn(tokens)` keeps the access and refresh tokens and sends the access
 *   token on every request; `signOut()` forgets them;
 * - the guest cart: the `X-Cart-Token` a cart answer carries is kept and sent back, so a
 *   guest's cart survives from request to request and merges on sign-in;
 * - idempotency: `checkout` and `refundOrder` send an `Idempotency-Key` (a new one unless
 *   given) and, when the network or the payment provider fails, retry once with the same
 *   key, so that a retried checkout is never a second order.
 */
import createClient, { type Client, type Middleware } from "openapi-fetch";

import type { components, operations, paths } from "./schema.js";

export type { components, operations, paths };
export type Schemas = components["schemas"];

export interface Tokens {
  access_token: string;
  refresh_token: string;
}

export interface Session {
  accessToken?: string;
  refreshToken?: string;
  cartToken?: string;
}

export interface StockroomOptions {
  /** The API's origin, e.g. `http://127.0.0.1:5000`. */
  baseUrl: string;
  /** A session to resume (tokens kept by the storefront). */
  session?: Session;
  fetch?: typeof globalThis.fetch;
}

export interface IdempotentOptions {
  /** The key to send; a new one (a UUID) when absent. Reuse it to retry by hand. */
  idempotencyKey?: string;
}

export type CheckoutBody = Schemas["Checkout"];
export type RefundBody = Schemas["RefundRequest"];

export interface StockroomClient {
  /** Every operation of the document, typed: `api.GET("/api/v1/products", ...)`. */
  readonly api: Client<paths>;
  readonly session: Session;
  signIn(tokens: Tokens): void;
  signOut(): void;
  checkout(body: CheckoutBody, options?: IdempotentOptions): ReturnType<typeof checkoutRequest>;
  refundOrder(
    orderId: number,
    body: RefundBody,
    options?: IdempotentOptions,
  ): ReturnType<typeof refundRequest>;
}

function checkoutRequest(api: Client<paths>, key: string, body: CheckoutBody) {
  return api.POST("/api/v1/checkout", { params: { header: { "Idempotency-Key": key } }, body });
}

function refundRequest(api: Client<paths>, orderId: number, key: string, body: RefundBody) {
  return api.POST("/api/v1/admin/orders/{order_id}/refund", {
    params: { path: { order_id: orderId }, header: { "Idempotency-Key": key } },
    body,
  });
}

/** Retry once, with the same key, when the request did not reach a decision. */
async function once<T extends { response: Response }>(call: () => Promise<T>): Promise<T> {
  try {
    const result = await call();
    return result.response.status === 503 ? await call() : result;
  } catch (error) {
    if (error instanceof TypeError) {
      return await call(); // fetch's network failure
    }
    throw error;
  }
}

export function createStockroomClient(options: StockroomOptions): StockroomClient {
  const session: Session = { ...options.session };
  const api = createClient<paths>(
    options.fetch === undefined
      ? { baseUrl: options.baseUrl }
      : { baseUrl: options.baseUrl, fetch: options.fetch },
  );
  const credentials: Middleware = {
    onRequest({ request }) {
      if (session.accessToken !== undefined && !request.headers.has("Authorization")) {
        request.headers.set("Authorization", `Bearer ${session.accessToken}`);
      }
      if (session.cartToken !== undefined && !request.headers.has("X-Cart-Token")) {
        request.headers.set("X-Cart-Token", session.cartToken);
      }
      return request;
    },
    onResponse({ response }) {
      const cartToken = response.headers.get("X-Cart-Token");
      if (cartToken !== null) {
        session.cartToken = cartToken;
      }
      return response;
    },
  };
  api.use(credentials);

  return {
    api,
    session,
    signIn(tokens) {
      session.accessToken = tokens.access_token;
      session.refreshToken = tokens.refresh_token;
      // The guest cart merged into the account's on sign-in; the account's cart follows
      // the bearer from now on.
      delete session.cartToken;
    },
    signOut() {
      delete session.accessToken;
      delete session.refreshToken;
    },
    checkout(body, { idempotencyKey = crypto.randomUUID() } = {}) {
      return once(() => checkoutRequest(api, idempotencyKey, body));
    },
    refundOrder(orderId, body, { idempotencyKey = crypto.randomUUID() } = {}) {
      return once(() => refundRequest(api, orderId, idempotencyKey, body));
    },
  };
}
