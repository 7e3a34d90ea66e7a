// A local double of the parts of Supabase the functions call, as Supabase documents them:
// PostgREST's select / insert (`on_conflict`, `Prefer: resolution=ignore-duplicates`) and
// Realtime's REST broadcast. It records every request, keeps rows per table (unique on
// webhook_id) and fails on demand. Used by the Deno tests and, run as a program, by
// Stockroom's end-to-end test (`deno run --allow-net postgrest_double.ts PORT`), which
// reads the record at GET /_record and arranges failures with POST /_fail.
export interface Recorded {
  method: string;
  path: string;
  search: string;
  authorization: string | null;
  apikey: string | null;
  prefer: string | null;
  body: unknown;
  status: number;
}

export class SupabaseDouble {
  rows = new Map<string, Record<string, unknown>[]>();
  requests: Recorded[] = [];
  broadcasts: { topic: string; event: string; payload: unknown }[] = [];
  // Table name -> how many more writes to that table fail with a 500.
  failures = new Map<string, number>();
  #server: Deno.HttpServer<Deno.NetAddr> | null = null;

  start(port = 0): string {
    this.#server = Deno.serve({ port, hostname: "127.0.0.1", onListen: () => {} },
      (request) => this.handle(request));
    return `http://127.0.0.1:${this.#server.addr.port}`;
  }

  async stop(): Promise<void> {
    await this.#server?.shutdown();
  }

  table(name: string): Record<string, unknown>[] {
    if (!this.rows.has(name)) this.rows.set(name, []);
    return this.rows.get(name)!;
  }

  async handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const text = await request.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
    const response = this.#answer(request, url, body);
    if (!url.pathname.startsWith("/_")) {
      this.requests.push({
        method: request.method, path: url.pathname, search: url.search,
        authorization: request.headers.get("authorization"),
        apikey: request.headers.get("apikey"), prefer: request.headers.get("prefer"),
        body, status: response.status,
      });
    }
    return response;
  }

  #answer(request: Request, url: URL, body: unknown): Response {
    const reply = (status: number, value?: unknown) =>
      new Response(value === undefined ? null : JSON.stringify(value),
        { status, headers: { "Content-Type": "application/json" } });
    if (url.pathname === "/_record") {
      return reply(200, { requests: this.requests, rows: Object.fromEntries(this.rows),
                          broadcasts: this.broadcasts });
    }
    if (url.pathname === "/_fail") {
      const { table, times } = body as { table: string; times: number };
      this.failures.set(table, times);
      return reply(204);
    }
    const broadcast = url.pathname.match(/^\/realtime\/v1\/api\/broadcast\/(.+)\/events\/(.+)$/);
    if (broadcast && request.method === "POST") {
      this.broadcasts.push({ topic: decodeURIComponent(broadcast[1]),
                             event: decodeURIComponent(broadcast[2]), payload: body });
      return reply(202);
    }
    const rest = url.pathname.match(/^\/rest\/v1\/([a-z_]+)$/);
    if (!rest) return reply(404, { message: "not found" });
    const rows = this.table(rest[1]);
    if (request.method === "GET") {
      const wanted = url.searchParams.get("webhook_id")?.replace(/^eq\./, "");
      const found = rows.filter((row) => wanted === undefined || row.webhook_id === wanted);
      return reply(200, found.map((row) => ({ webhook_id: row.webhook_id })));
    }
    if (request.method === "POST") {
      const left = this.failures.get(rest[1]) ?? 0;
      if (left > 0) {
        this.failures.set(rest[1], left - 1);
        return reply(500, { code: "XX000", message: "the double was told to fail",
                            details: null, hint: null });
      }
      const ignore = (request.headers.get("prefer") ?? "").includes("ignore-duplicates");
      for (const row of (Array.isArray(body) ? body : [body]) as Record<string, unknown>[]) {
        if (rows.some((kept) => kept.webhook_id === row.webhook_id)) {
          if (ignore) continue;
          return reply(409, { code: "23505", message: "duplicate key value violates " +
            `unique constraint "${rest[1]}_webhook_id_key"`, details: null, hint: null });
        }
        rows.push(row);
      }
      return reply(201);
    }
    return reply(405, { message: "method not allowed" });
  }
}

if (import.meta.main) {
  const double = new SupabaseDouble();
  const url = double.start(Number(Deno.args[0] ?? "0"));
  console.log(`supabase double listening on ${url}`);
}
