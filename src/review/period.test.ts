import { describe, expect, it } from 'vitest';
import { periodOf } from './period';

const NOW = Date.parse('2025-09-30T12:00:00Z');
const DAY = 86_400_000;

describe('periodOf', () => {
  it('gives the last 7, 30 or 90 days up to now', () => {
    expect(periodOf({ kind: 'last', days: 7 }, NOW)).toEqual({ from: NOW - 7 * DAY, to: NOW });
    expect(periodOf({ kind: 'last', days: 90 }, NOW)).toEqual({ from: NOW - 90 * DAY, to: NOW });
  });

  it('takes two dates as whole local days, both included', () => {
    const period = periodOf({ kind: 'dates', from: '2025-09-01', to: '2025-09-07' }, NOW);
    expect(period).toEqual({
      from: new Date(2025, 8, 1).getTime(),
      to: new Date(2025, 8, 8).getTime(),
    });
  });

  it('ends a period that runs into today at now', () => {
    const period = periodOf({ kind: 'dates', from: '2025-09-20', to: '2025-12-31' }, NOW);
    expect(period).toMatchObject({ to: NOW });
  });

  it('names what is wrong with the dates', () => {
    expect(periodOf({ kind: 'dates', from: '2025-02-30', to: '2025-03-01' }, NOW)).toEqual({
      problem: 'The start date "2025-02-30" is not a date; use YYYY-MM-DD.',
    });
    expect(periodOf({ kind: 'dates', from: '2025-09-10', to: '2025-09-01' }, NOW)).toEqual({
      problem: 'The end date is before the start date; swap them.',
    });
    expect(periodOf({ kind: 'dates', from: '2026-01-01', to: '2026-01-02' }, NOW)).toMatchObject({
      problem: expect.stringMatching(/future/u) as string,
    });
  });
});
