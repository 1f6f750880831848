/**
 * Feed parsing off the main event loop: one worker thread parses feeds one at a time, so the
 * API, the delivery worker and the chat bots stay responsive whatever a feed makes the parser
 * do. The worker is also a budget: a parse that takes longer than `timeoutMs` or needs more
 * heap than `maxHeapMb` ends the worker (the feed fails with a clear error; a new worker
 * takes the next feed), so no feed can stall or bloat the monitor itself.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { FeedParseError, type ParseOptions } from './parser';
import type { ParseReply, ParseRequest } from './parse-worker';
import type { ReaderFeed } from './types';

export interface ParsePoolOptions {
  /** Time one parse may take. Default 20 s. */
  timeoutMs?: number;
  /** Old-generation heap of the worker. Default 256 MB. */
  maxHeapMb?: number;
  limits?: ParseOptions['limits'];
}

export interface ParsePool {
  parse(text: string, options: { url?: string | null; headers?: Record<string, string> | null }): Promise<ReaderFeed>;
  close(): Promise<void>;
}

interface Job {
  req: ParseRequest;
  resolve: (feed: ReaderFeed) => void;
  reject: (err: Error) => void;
}

// The worker runs the TypeScript sources, as `npm start` does, through tsx's loader; a small
// bootstrap registers it first (`--import` loaders do not apply to a worker's entry file on Node 20).
const tsxApi = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
const workerUrl = new URL('./parse-worker.ts', import.meta.url).href;
const bootstrap = `import(${JSON.stringify(tsxApi)}).then((api) => { api.register(); return import(${JSON.stringify(workerUrl)}); })`;

export function createParsePool(options: ParsePoolOptions = {}): ParsePool {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const maxHeapMb = options.maxHeapMb ?? 256;
  const queue: Job[] = [];
  let worker: Worker | null = null;
  let current: { job: Job; timer: NodeJS.Timeout } | null = null;
  let nextId = 1;
  let closed = false;

  function finish(): void {
    if (current) clearTimeout(current.timer);
    current = null;
    pump();
  }

  function fail(message: string): void {
    const job = current?.job;
    const w = worker;
    worker = null; // the next job gets a fresh worker
    void w?.terminate();
    if (job) job.reject(new FeedParseError(message, job.req.url ?? undefined));
    finish();
  }

  function spawn(): Worker {
    const w = new Worker(bootstrap, {
      eval: true,
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
      stdout: false,
      stderr: false,
    });
    w.unref(); // an idle worker never keeps the process alive
    w.on('message', (reply: ParseReply) => {
      if (w !== worker || !current || reply.id !== current.job.req.id) return;
      const { job } = current;
      if (reply.ok) job.resolve(reply.feed);
      else job.reject(new FeedParseError(reply.message.replace(/ \([^)]*\)$/, ''), job.req.url ?? undefined));
      finish();
    });
    w.on('error', (err) => {
      if (w !== worker) return;
      const oom = /heap|memory/i.test(err.message);
      fail(oom ? `feed refused: parsing it needed more than ${maxHeapMb} MB` : `parser crashed: ${err.message}`);
    });
    w.on('exit', () => {
      if (w === worker) fail('parser stopped unexpectedly');
    });
    return w;
  }

  function pump(): void {
    if (current || closed) return;
    const job = queue.shift();
    if (!job) return;
    worker ??= spawn();
    worker.ref(); // keep the process alive while a parse is under way
    const timer = setTimeout(() => fail(`feed refused: parsing it took longer than ${timeoutMs} ms`), timeoutMs);
    current = { job, timer };
    worker.postMessage(job.req);
    const w = worker;
    // Unref again once this job is done, whichever way.
    const unref = () => (w === worker ? w.unref() : undefined);
    const { resolve, reject } = job;
    job.resolve = (f) => (unref(), resolve(f));
    job.reject = (e) => (unref(), reject(e));
  }

  return {
    parse(text, opts) {
      if (closed) return Promise.reject(new FeedParseError('parser closed', opts.url ?? undefined));
      return new Promise<ReaderFeed>((resolve, reject) => {
        queue.push({ req: { id: nextId++, text, url: opts.url ?? null, headers: opts.headers ?? null, limits: options.limits }, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new FeedParseError('parser closed', job.req.url ?? undefined));
      if (current) fail('parser closed');
      const w = worker;
      worker = null;
      await w?.terminate();
    },
  };
}
