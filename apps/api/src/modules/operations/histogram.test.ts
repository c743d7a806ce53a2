import client from 'prom-client';
import { describe, expect, it } from 'vitest';
import { Histogram } from './histogram.js';

describe('the histogram', () => {
  it('reads exactly as prom-client’s own for the same observations', async () => {
    const buckets = [0.005, 0.01, 0.1, 1];
    const theirs = new client.Registry();
    const ours = new client.Registry();
    const reference = new client.Histogram({ name: 'h_seconds', help: 'how long', labelNames: ['route', 'status'], buckets, registers: [theirs] });
    const histogram = new Histogram('h_seconds', 'how long', ['route', 'status'], buckets, ours);
    const observations: Array<[string, string, number]> = [
      ['/graphql', '200', 0.004],
      ['/graphql', '200', 0.01],
      ['/graphql', '200', 0.5],
      ['/graphql', '200', 7],
      ['/api/verify', '429', 0],
      ['/graphql', '500', 0.02],
    ];
    for (const [route, status, seconds] of observations) {
      reference.labels(route, status).observe(seconds);
      histogram.of({ route, status }).observe(seconds);
    }
    expect(await ours.metrics()).toBe(await theirs.metrics());
    histogram.reset();
    expect(await ours.metrics()).toBe('# HELP h_seconds how long\n# TYPE h_seconds histogram\n');
  });
});
