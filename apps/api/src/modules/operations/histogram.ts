import type client from 'prom-client';

/** One series of a histogram: counts per bucket, their sum and how many. */
export class Series {
  private readonly counts: Float64Array;
  sum = 0;
  count = 0;

  constructor(
    readonly labels: Readonly<Record<string, string>>,
    private readonly buckets: readonly number[],
  ) {
    this.counts = new Float64Array(buckets.length);
  }

  observe(value: number) {
    const i = this.buckets.findIndex((bound) => value <= bound);
    if (i >= 0) this.counts[i]!++;
    this.sum += value;
    this.count++;
  }

  /** How many observations were at most each bucket's bound. */
  cumulative(): number[] {
    let total = 0;
    return Array.from(this.counts, (count) => (total += count));
  }
}

/**
 * A Prometheus histogram whose series are found once and then observed with a few additions.
 * prom-client's own checks and hashes the label values at every observation, which every
 * request paid for. It sits in a prom-client registry beside the others and reads the same.
 */
export class Histogram<Label extends string> {
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  private readonly series = new Map<string, Series>();

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly labelNames: readonly Label[],
    private readonly buckets: readonly number[],
    registry: client.Registry,
  ) {
    registry.registerMetric(this as unknown as client.Metric);
  }

  /** The series of these label values; keep it, and observe into it. */
  of(labels: Readonly<Record<Label, string>>): Series {
    const key = this.labelNames.map((name) => labels[name]).join('\u0000');
    let series = this.series.get(key);
    if (!series) this.series.set(key, (series = new Series(labels, this.buckets)));
    return series;
  }

  /** The samples, as prom-client's registry reads a metric. */
  get() {
    const bucket = `${this.name}_bucket`;
    const values = [...this.series.values()].flatMap((series) => [
      ...series.cumulative().map((value, i) => ({ metricName: bucket, labels: { le: this.buckets[i]!, ...series.labels }, value })),
      { metricName: bucket, labels: { le: '+Inf', ...series.labels }, value: series.count },
      { metricName: `${this.name}_sum`, labels: series.labels, value: series.sum },
      { metricName: `${this.name}_count`, labels: series.labels, value: series.count },
    ]);
    return { name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator };
  }

  reset() {
    this.series.clear();
  }
}
