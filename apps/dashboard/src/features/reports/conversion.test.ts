import { describe, expect, it } from 'vitest';
import { i18n } from '../../shared/i18n';
import { conversions, formatPercent, ratio, totalsOf, type StageCounts } from './conversion';

const row = (values: number[]): StageCounts => {
  const [issued, activated, shippedToDistributor, receivedByDistributor, shippedByDistributor, receivedByPharmacy, dispensed] = values as [number, number, number, number, number, number, number];
  return { issued, activated, shippedToDistributor, receivedByDistributor, shippedByDistributor, receivedByPharmacy, dispensed };
};

describe('conversion between realisation stages', () => {
  it('is the share of each stage that reached the next; none when the earlier stage had none', () => {
    const steps = conversions(row([10, 8, 8, 6, 3, 3, 1]));
    expect(steps.map((step) => [step.from, step.to, step.ratio])).toEqual([
      ['issued', 'activated', 0.8],
      ['activated', 'shippedToDistributor', 1],
      ['shippedToDistributor', 'receivedByDistributor', 0.75],
      ['receivedByDistributor', 'shippedByDistributor', 0.5],
      ['shippedByDistributor', 'receivedByPharmacy', 1],
      ['receivedByPharmacy', 'dispensed', 1 / 3],
    ]);
    expect(conversions(row([0, 0, 0, 0, 0, 0, 0])).every((step) => step.ratio === null)).toBe(true);
    expect(ratio(1, 0)).toBeNull();
  });

  it('sums rows before taking shares', () => {
    expect(totalsOf([row([5, 5, 5, 5, 3, 3, 1]), row([5, 1, 0, 0, 0, 0, 0])])).toEqual(row([10, 6, 5, 5, 3, 3, 1]));
  });

  it('writes percentages in the page’s language, with a decimal only under 10 %', async () => {
    expect(formatPercent(1 / 3)).toBe('33%');
    expect(formatPercent(0.054)).toBe('5,4%');
    expect(formatPercent(null)).toBe('–');
    await i18n.changeLanguage('en');
    expect(formatPercent(0.054)).toBe('5.4%');
  });
});
