/**
 * The supervisors' review (the nav_bar page) in the local host's nav bar mode: the built package, the
 * real SDK, Chromium, and a generated escalation history. Each test compares what the page shows with
 * the history's own truth (`window.escalationReviewHost`, host/page/navbar.ts).
 */
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryTicket } from '../fake/history';
import type { RequestRecord } from '../fake/zendesk';
import { startHost, type RunningHost } from '../host/server';
import { assertBuilt, launchChromium, newContext, screenshotPage, watchErrors } from './support';

let host: RunningHost;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  assertBuilt();
  host = await startHost({ hostPort: 0, appPort: 0 });
  browser = await launchChromium();
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

afterAll(async () => {
  await browser.close();
  await host.close();
});

async function openReview(query: string): Promise<{ page: Page; app: FrameLocator; errors: string[] }> {
  const context = await newContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${host.hostUrl}?location=nav_bar&${query}`);
  return { page, app: page.frameLocator('#app-frame'), errors };
}

const truth = (page: Page): Promise<readonly HistoryTicket[]> =>
  page.evaluate(() => window.escalationReviewHost?.tickets ?? []);
const requests = (page: Page): Promise<readonly RequestRecord[]> =>
  page.evaluate(() => window.escalationReviewHost?.requests() ?? []);

describe('the supervisors’ review in the local host', () => {
  it('shows a supervisor the overrides and the bounces the history holds', async () => {
    const { page, app, errors } = await openReview('user=supervisor');
    await app.getByRole('heading', { name: 'Escalations' }).waitFor();
    const tickets = await truth(page);
    const from = Date.now() - 30 * 86_400_000;
    const shown = tickets.filter(
      (t) => t.kind === 'escalated' && t.escalatedAt !== null && Date.parse(t.escalatedAt) >= from,
    );
    const bounced = shown.filter((t) => t.bounced);
    expect(bounced.length).toBeGreaterThan(0);
    for (const ticket of bounced) {
      const lastCell = app.locator(`tr[data-ticket="${ticket.id}"] td`).last();
      expect(await lastCell.innerText()).toMatch(/^yes\s+to Tier 1 Support/u);
    }
    const overridden = shown.filter((t) => t.overrideReason !== null);
    expect(overridden.length).toBeGreaterThan(0);
    for (const ticket of overridden) {
      expect(await app.locator(`tr[data-ticket="${ticket.id}"]`).innerText()).toContain(
        ticket.overrideReason,
      );
    }
    // A round trip (sent back, then taken back) is not a bounce.
    const roundTrip = shown.find((t) => t.roundTrip);
    if (roundTrip !== undefined) {
      expect(await app.locator(`tr[data-ticket="${roundTrip.id}"] td`).last().innerText()).toBe('no');
    }
    // No admin typed the record field's id: the page found the installed field through ZAF's
    // requirement:escalation_record get (no request of its own), so the records were read, and only the
    // escalations the history left without a readable record fall back to their notes.
    const settings = await page.evaluate(() => window.escalationReviewHost?.settings ?? {});
    expect(settings).not.toHaveProperty('record_field_id');
    expect(await app.getByText('ticket field was not found', { exact: false }).count()).toBe(0);
    const lookups = (await requests(page)).filter((r) => /requirements|ticket_fields/u.test(r.url));
    expect(lookups).toEqual([]);
    const fromNotes = await app.getByText('read from the note', { exact: false }).count();
    expect(fromNotes).toBeLessThan(shown.length / 2);
    // Ticket text is text: the subject with an <img> tag shows as written, and no image was made.
    expect(await app.getByText('<img src=x onerror=alert(1)>', { exact: false }).count()).toBeGreaterThan(0);
    expect(await app.locator('img').count()).toBe(0);
    await screenshotPage(page, 'review-supervisor');
    expect(errors).toEqual([]);
  });

  it('exports the rows and the rule table as CSV, with formulas neutralised', async () => {
    const { page, app } = await openReview('user=admin');
    await app.getByRole('heading', { name: 'Escalations' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      app.getByRole('button', { name: 'Export as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^escalation-review-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/u,
    );
    const csv = await readFile(await download.path(), 'utf8');
    const ids = await app
      .locator('tr[data-ticket]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-ticket') ?? ''));
    expect(ids.length).toBeGreaterThan(100);
    for (const id of ids) expect(csv).toContain(`\r\n${id},`);
    expect(csv).toContain(
      '\r\nRules\r\nrule,guide,fired,routed,accepted,accepted of routed,overrides,override reasons\r\n',
    );
    const risky = (await truth(page)).filter(
      (t) => ids.includes(String(t.id)) && t.overrideReason !== null && /^[=+\-@]/u.test(t.overrideReason),
    );
    expect(risky.length).toBeGreaterThan(0);
    for (const ticket of risky) {
      const start = (ticket.overrideReason ?? '').slice(0, 8);
      expect(csv).toContain(`'${start}`);
      // Never a cell that starts with the formula itself.
      expect(csv).not.toContain(`,${start}`);
      expect(csv).not.toContain(`,"${start}`);
    }
  });

  it('refuses an agent who is not a supervisor, and reads no ticket', async () => {
    const { page, app } = await openReview('user=agent');
    const alert = app.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('The escalation review is for supervisors');
    expect(await app.locator('table').count()).toBe(0);
    expect(await requests(page)).toEqual([]);
    await screenshotPage(page, 'review-refused');
  });
});
