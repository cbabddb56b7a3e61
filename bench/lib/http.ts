/**
 * The bench's HTTP side: a small JSON client for set-up and polling, and autocannon for the load.
 */
import autocannon from 'autocannon';

export class Api {
  constructor(readonly baseUrl: string) {}

  async login(email: string, password: string): Promise<string> {
    const body = await this.json<{ accessToken: string }>('POST', '/api/auth/login', null, { email, password });
    return body.accessToken;
  }

  async json<T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 500)}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  async upload<T>(
    path: string,
    token: string,
    file: Buffer,
    filename: string,
    fields: Record<string, string>,
  ): Promise<{ status: number; body: T }> {
    const form = new FormData();
    form.append('file', new Blob([file]), filename);
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    const res = await fetch(this.baseUrl + path, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`POST ${path} → ${res.status}: ${text.slice(0, 500)}`);
    return { status: res.status, body: JSON.parse(text) as T };
  }

  /** Polls GET `path` until `done(body)`; bounded by `timeoutMs`. */
  async poll<T>(
    path: string,
    token: string,
    done: (body: T) => boolean,
    timeoutMs = 600_000,
    everyMs = 25,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const body = await this.json<T>('GET', path, token);
      if (done(body)) return body;
      if (Date.now() > deadline) throw new Error(`GET ${path} did not finish within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }
}

export interface LoadOptions {
  url: string;
  connections: number;
  /** Seconds to run, or … */
  duration?: number;
  /** … a number of requests. */
  amount?: number;
  method?: 'GET' | 'PATCH' | 'POST';
  /** Called for each request: its path, headers and body. */
  request: () => { path: string; token: string; body?: unknown };
}

export interface LoadResult {
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  perSecond: number;
  seconds: number;
}

export async function load(o: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: o.url,
    connections: o.connections,
    pipelining: 1,
    timeout: 30,
    ...(o.amount ? { amount: o.amount } : { duration: o.duration ?? 10 }),
    requests: [
      {
        method: o.method ?? 'GET',
        setupRequest: (req) => {
          const r = o.request();
          return {
            ...req,
            path: r.path,
            headers: {
              authorization: `Bearer ${r.token}`,
              ...(r.body !== undefined ? { 'content-type': 'application/json' } : {}),
            },
            body: r.body !== undefined ? JSON.stringify(r.body) : undefined,
          };
        },
      },
    ],
  });
  const seconds = (Date.parse(String(result.finish)) - Date.parse(String(result.start))) / 1000;
  const ok = result['2xx'];
  return {
    requests: ok + result.non2xx,
    ok,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    perSecond: seconds > 0 ? ok / seconds : 0,
    seconds,
  };
}
