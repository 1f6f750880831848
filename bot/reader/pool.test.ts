import { describe, expect, it } from 'vitest';
import { createFetchPool, createHostGate } from './pool';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('createFetchPool', () => {
  it('never runs more than `concurrency` tasks at once', async () => {
    const pool = createFetchPool({ concurrency: 3, perHostGapMs: 0 });
    let running = 0;
    let peak = 0;
    const task = async (): Promise<void> => {
      running++;
      peak = Math.max(peak, running);
      await sleep(20);
      running--;
    };
    await Promise.all(Array.from({ length: 12 }, (_, i) => pool.run(`https://host${i}.example/feed`, task)));
    expect(peak).toBe(3);
  });

  it('runs one request per host at a time, spaced by perHostGapMs', async () => {
    const pool = createFetchPool({ concurrency: 8, perHostGapMs: 60 });
    const spans: Array<[number, number]> = [];
    const task = async (): Promise<void> => {
      const start = Date.now();
      await sleep(10);
      spans.push([start, Date.now()]);
    };
    await Promise.all([1, 2, 3].map((i) => pool.run(`https://example.rs/feed/${i}`, task)));
    spans.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i++) expect(spans[i][0] - spans[i - 1][1]).toBeGreaterThanOrEqual(55);
  });

  it('does not make other hosts wait for a slow one', async () => {
    const pool = createFetchPool({ concurrency: 4, perHostGapMs: 1000 });
    const order: string[] = [];
    const slow = pool.run('https://slow.example/a', async () => {
      await sleep(50);
      order.push('slow-a');
    });
    const slowAgain = pool.run('https://slow.example/b', async () => {
      order.push('slow-b');
    });
    await pool.run('https://fast.example/a', async () => {
      order.push('fast');
    });
    expect(order).toEqual(['fast']);
    await slow;
    expect(pool.queued).toBe(1); // slow-b waits for its host's gap
    expect(order).toEqual(['fast', 'slow-a']);
    void slowAgain;
  });

  it('passes results and errors through and keeps going after a failure', async () => {
    const pool = createFetchPool({ perHostGapMs: 0 });
    await expect(pool.run('https://a.example/', async () => 42)).resolves.toBe(42);
    await expect(pool.run('https://a.example/', async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    await expect(pool.run('https://a.example/', () => { throw new Error('sync'); })).rejects.toThrow('sync');
    await expect(pool.run('https://a.example/', async () => 'after')).resolves.toBe('after');
    await pool.onIdle();
    expect(pool.active).toBe(0);
  });

  it('pools on one host gate (feeds and article pages) never hit a host at the same time', async () => {
    const hosts = createHostGate();
    const feeds = createFetchPool({ concurrency: 4, perHostGapMs: 0, hosts });
    const pages = createFetchPool({ concurrency: 4, perHostGapMs: 0, hosts });
    let onHost = 0;
    let peak = 0;
    const order: string[] = [];
    const task = (name: string) => async (): Promise<void> => {
      onHost++;
      peak = Math.max(peak, onHost);
      order.push(`start ${name}`);
      await sleep(15);
      order.push(`end ${name}`);
      onHost--;
    };
    await Promise.all([
      feeds.run('https://n1.example/feed', task('feed')),
      pages.run('https://n1.example/a/1', task('page 1')),
      pages.run('https://n1.example/a/2', task('page 2')),
      feeds.run('https://other.example/feed', async () => undefined),
    ]);
    expect(peak).toBe(1);
    expect(order).toEqual(['start feed', 'end feed', 'start page 1', 'end page 1', 'start page 2', 'end page 2']);
    expect(hosts.waiting.size).toBe(0);
  });
});
