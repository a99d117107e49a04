/**
 * `npm run bench` (review part): the supervisors' review page, built, in the local host's nav bar mode
 * with Chromium and the real SDK, over a generated history of 100 and 1,000 escalated tickets, with
 * 100 ms added to every REST call: the time from the page's start to the tables on screen, and how many
 * requests the load made.
 */
import type { Page } from 'playwright-core';
import { launchChromium } from '../e2e/support';
import { startHost } from '../host/server';
import { REVIEW_SHOWN } from '../src/ui/review/marks';
import type { BenchRow } from './engine';

const LATENCY_MS = 100;
const BUDGET_MS = 5000;

interface Shown {
  ms: number;
  requests: number;
  escalations: number;
}

/** Opens the review and reads its shown mark from the app's frame. */
async function openOnce(page: Page, url: string): Promise<Shown> {
  await page.goto(url);
  const frame = await (await page.locator('#app-frame').elementHandle()).contentFrame();
  if (frame === null) throw new Error('The host page has no app frame.');
  const handle = await frame.waitForFunction(
    (name) => {
      const mark = performance.getEntriesByName(name)[0] as PerformanceMark | undefined;
      return mark
        ? { ms: mark.startTime, detail: mark.detail as { requests: number; escalations: number } }
        : null;
    },
    REVIEW_SHOWN,
    { timeout: 120_000 },
  );
  const { ms, detail } = (await handle.jsonValue()) as {
    ms: number;
    detail: { requests: number; escalations: number };
  };
  return { ms, requests: detail.requests, escalations: detail.escalations };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** The review's figures. */
export async function benchReview(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const host = await startHost({ hostPort: 0, appPort: 0 });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    for (const size of [100, 1000]) {
      const url = `${host.hostUrl}?location=nav_bar&user=supervisor&tickets=${size}&latency=${LATENCY_MS}`;
      await openOnce(page, url); // warm the browser's cache of the app and the host page
      const runs: Shown[] = [];
      for (let i = 0; i < (size > 100 ? 3 : 5); i++) runs.push(await openOnce(page, url));
      const ms = median(runs.map((run) => run.ms));
      rows.push({
        name: `review: page start to tables, ${size} escalated tickets, ${LATENCY_MS} ms per REST call`,
        value: Math.round(ms),
        unit: 'ms',
        budget: size === 1000 ? `< ${BUDGET_MS} ms` : '—',
        pass: size === 1000 ? ms < BUDGET_MS : true,
      });
      rows.push({
        name: `review: requests to load ${size} escalated tickets (escalations in the period)`,
        value: runs[0]?.requests ?? 0,
        unit: `(${runs[0]?.escalations ?? 0})`,
        budget: '—',
        pass: true,
      });
    }
  } finally {
    await browser.close();
    await host.close();
  }
  return rows;
}
