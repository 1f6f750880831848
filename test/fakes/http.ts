import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the fakes record it. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
  /** By the fake's clock. */
  at: number;
  /**
   * Which client sent it, when its base URL carried a leading `/~<name>` segment (stripped
   * from `path`): several processes sharing one fake can then be told apart. Else null.
   */
  client: string | null;
}

/** A canned answer the test queues for the next matching request. */
export interface CannedResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Drop the connection without answering (a network error). */
  destroy?: boolean;
}

export interface JsonServer {
  server: Server;
  base: string;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return null;
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json')) return JSON.parse(text) as unknown;
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  return text;
}

export function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  if (body === undefined || status === 204) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/**
 * A JSON HTTP server on 127.0.0.1 and a free port, for the fake Discord and Telegram APIs.
 * `handle` gets the parsed request and answers through `res`.
 */
export async function startJsonServer(
  handle: (req: RecordedRequest, res: ServerResponse) => void | Promise<void>,
  now: () => number,
): Promise<JsonServer> {
  const server = createServer((req, res) => {
    void (async () => {
      try {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const tagged = /^\/~([\w-]+)(\/.*)$/.exec(url.pathname);
        const body = await readBody(req);
        await handle(
          { method: req.method ?? 'GET', path: tagged ? tagged[2] : url.pathname, query: url.searchParams, headers: req.headers, body, at: now(), client: tagged ? tagged[1] : null },
          res,
        );
      } catch (err) {
        if (!res.headersSent) send(res, 500, { message: String(err) });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Queued canned responses, matched by a predicate, first in first out. */
export class CannedQueue<M> {
  private readonly items: Array<{ match: M; response: CannedResponse }> = [];

  push(match: M, responses: CannedResponse[]): void {
    for (const response of responses) this.items.push({ match, response });
  }

  clear(): void {
    this.items.length = 0;
  }

  take(test: (match: M) => boolean): CannedResponse | null {
    const i = this.items.findIndex((x) => test(x.match));
    if (i === -1) return null;
    return this.items.splice(i, 1)[0].response;
  }
}
