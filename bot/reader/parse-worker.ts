/**
 * The body of the parse worker (see parse-pool.ts): parses one feed text per message, off the
 * monitor's event loop. Runs in a worker thread only.
 */
import { parentPort } from 'node:worker_threads';
import { parseFeed, type ParseOptions } from './parser';

export interface ParseRequest {
  id: number;
  text: string;
  url: string | null;
  headers: Record<string, string> | null;
  limits: ParseOptions['limits'];
}

export type ParseReply =
  | { id: number; ok: true; feed: Awaited<ReturnType<typeof parseFeed>> }
  | { id: number; ok: false; name: string; message: string };

parentPort?.on('message', (req: ParseRequest) => {
  parseFeed(req.text, { url: req.url, headers: req.headers, limits: req.limits }).then(
    (feed) => parentPort!.postMessage({ id: req.id, ok: true, feed } satisfies ParseReply),
    (err: Error) => parentPort!.postMessage({ id: req.id, ok: false, name: err?.name ?? 'Error', message: err?.message ?? String(err) } satisfies ParseReply),
  );
});
