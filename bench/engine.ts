/**
 * `npm run bench` (engine part): decisions per second over the shared cases, and the median time to decide
 * tickets of 20, 200 and 2,000 comments built from those cases' real comments.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { decide, parseBundle, type Bundle } from '../src/engine';

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  budget: string;
  pass: boolean;
}

export function loadCases(dir: string): Bundle[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const parsed = parseBundle(JSON.parse(readFileSync(join(dir, f), 'utf8')));
      if (!parsed.ok) throw new Error(`${f}: ${parsed.error}`);
      return parsed.bundle;
    });
}

/** A long ticket: the shared cases' comments, cycled, with fresh ids and times, oldest first. */
export function longTicket(cases: readonly Bundle[], count: number): Bundle {
  const base = cases[0];
  if (!base) throw new Error('no cases');
  const pool = cases.flatMap((c) => c.comments ?? []);
  const start = Date.parse('2025-01-01T00:00:00Z');
  const comments = Array.from({ length: count }, (_, i) => {
    const c = pool[i % pool.length] ?? {};
    return { ...c, id: 90_000_000 + i, created_at: new Date(start + i * 60_000).toISOString() };
  });
  return {
    ...base,
    comments,
    users: cases.flatMap((c) => c.users ?? []),
    now: new Date(start + count * 60_000).toISOString(),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export function benchEngine(casesDir: string): BenchRow[] {
  const cases = loadCases(casesDir);
  // Warm up until the JIT has compiled the engine and its patterns: the figure is the steady state
  // of a sidebar that stays open, not the first ticket after a page load.
  for (let i = 0; i < 3000; i++) decide(cases[i % cases.length] as Bundle);
  // Five rounds, the median: one round on a shared 2-core machine swings by 15% with its neighbours.
  const rates: number[] = [];
  for (let round = 0; round < 5; round++) {
    const rounds = 1500;
    const t0 = performance.now();
    for (let i = 0; i < rounds; i++) decide(cases[i % cases.length] as Bundle);
    rates.push(rounds / ((performance.now() - t0) / 1000));
  }
  const perSecond = median(rates);

  const rows: BenchRow[] = [
    {
      name: 'engine: ordinary tickets decided per second (shared cases)',
      value: Math.round(perSecond),
      unit: '/s',
      budget: '>= 2000',
      pass: perSecond >= 2000,
    },
  ];
  for (const size of [20, 200, 2000]) {
    const ticket = longTicket(cases, size);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) decide(ticket); // warm up
    for (let i = 0; i < (size > 1000 ? 25 : 60); i++) {
      const s = performance.now();
      decide(ticket);
      times.push(performance.now() - s);
    }
    const ms = median(times);
    rows.push({
      name: `engine: median time to decide a ${size}-comment ticket`,
      value: Number(ms.toFixed(2)),
      unit: 'ms',
      budget: size === 2000 ? '< 20 ms' : '—',
      pass: size === 2000 ? ms < 20 : true,
    });
  }
  return rows;
}

export function printRows(rows: readonly BenchRow[]): void {
  const width = Math.max(...rows.map((r) => r.name.length));
  for (const r of rows) {
    process.stdout.write(
      `${r.name.padEnd(width)}  ${String(r.value).padStart(9)} ${r.unit.padEnd(3)}  budget ${r.budget.padEnd(8)}  ${r.pass ? 'PASS' : 'FAIL'}\n`,
    );
  }
}
