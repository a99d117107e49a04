/**
 * `npm run bench` (sidebar part), measured on the built package in the local host with Debian's Chromium
 * and the real SDK: the gzipped JavaScript the sidebar loads, and the time from the iframe's start to the
 * first suggestion on screen with 100 ms added to every REST call, with the load's sequential round trips.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { pageScriptSize } from '../build/page-size';
import { appFrame, launchChromium } from '../e2e/support';
import { startHost } from '../host/server';
import { SUGGESTION_SHOWN } from '../src/ui/marks';
import { loadCases, longTicket, type BenchRow } from './engine';

const ROOT = join(import.meta.dirname, '..');
const LATENCY_MS = 100;
/** Ticket lengths: the budget's 20 comments, and how the load grows with length. */
const SIZES = [20, 200, 1000, 2000];

/**
 * Gzipped KB of every script the sidebar page (assets/index.html) can load, statically or dynamically,
 * read from Vite's build manifest; other pages in the package do not count.
 */
export function sidebarScriptKb(dist = join(ROOT, 'dist')): number {
  return pageScriptSize(join(dist, 'assets'), 'index.html').bytes / 1024;
}

interface Shown {
  ms: number;
  sequentialRoundTrips: number;
  requests: number;
}

/** Opens the case in the host and reads the app's suggestion-shown mark. */
async function openOnce(page: Page, url: string): Promise<Shown> {
  await page.goto(url);
  const frame = await appFrame(page);
  const handle = await frame.waitForFunction(
    (name) => {
      const mark = performance.getEntriesByName(name)[0] as PerformanceMark | undefined;
      return mark
        ? { ms: mark.startTime, detail: mark.detail as { sequentialRoundTrips: number; requests: number } }
        : null;
    },
    SUGGESTION_SHOWN,
    { timeout: 60_000 },
  );
  const { ms, detail } = (await handle.jsonValue()) as {
    ms: number;
    detail: { sequentialRoundTrips: number; requests: number };
  };
  return { ms, sequentialRoundTrips: detail.sequentialRoundTrips, requests: detail.requests };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export async function benchSidebar(casesDir: string): Promise<BenchRow[]> {
  const kb = sidebarScriptKb();
  const rows: BenchRow[] = [
    {
      name: 'sidebar: gzipped JavaScript loaded (SDK included)',
      value: Number(kb.toFixed(1)),
      unit: 'KB',
      budget: '<= 100 KB',
      pass: kb <= 100,
    },
  ];

  const dir = mkdtempSync(join(tmpdir(), 'eg-bench-'));
  const cases = loadCases(casesDir);
  for (const size of SIZES) {
    writeFileSync(
      join(dir, `long-${size}.json`),
      JSON.stringify({ name: `${size} comments`, bundle: longTicket(cases, size) }),
    );
  }
  const host = await startHost({ hostPort: 0, appPort: 0, caseFolders: [{ label: 'bench', dir }] });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    for (const size of SIZES) {
      const url = `${host.hostUrl}?case=bench/long-${size}.json&latency=${LATENCY_MS}`;
      await openOnce(page, url); // warm the browser's cache of the app and the host page
      const runs: Shown[] = [];
      for (let i = 0; i < (size > 100 ? 5 : 9); i++) runs.push(await openOnce(page, url));
      const ms = median(runs.map((r) => r.ms));
      const trips = runs[0]?.sequentialRoundTrips ?? 0;
      rows.push({
        name: `sidebar: iframe start to suggestion, ${size} comments, ${LATENCY_MS} ms per REST call`,
        value: Math.round(ms),
        unit: 'ms',
        budget: size === 20 ? '< 600 ms' : '—',
        pass: size === 20 ? ms < 600 : true,
      });
      rows.push({
        name: `sidebar: sequential round trips to load ${size} comments (requests)`,
        value: trips,
        unit: `(${runs[0]?.requests ?? 0})`,
        budget: '—',
        pass: true,
      });
    }
  } finally {
    await browser.close();
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
