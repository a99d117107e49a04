/**
 * The hand-offs beyond Zendesk, end to end: the built app in the local host, whose proxy substitutes
 * the installation's secure settings and routes to local Slack, PagerDuty, Jira and carrier stand-ins
 * (fake/services). Each test switches the hand-offs on through the host's settings, confirms in the
 * sidebar as an agent would, and asserts what each service received and what the ticket records. The
 * security test checks that no secret value is in the built package or in any request the app's frame
 * sent.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_HANDOFF_SETTINGS } from '../fake/services/local';
import type { HostState } from '../host/page/inspect';
import { REPO_ROOT, startHost, type RunningHost } from '../host/server';
import {
  assertBuilt,
  hostState,
  launchChromium,
  newContext,
  screenshotSidebar,
  t,
  watchErrors,
} from './support';

const OUTAGE_CASE = 'shared/08-columbus-outage-17-tickets.json';
const CARRIER_CASE = 'shared/01-port-in-rejected-four-times.json';
const MEDIA_CASE = 'shared/12-reporter-press-inquiry.json';
/** The local account's schedules (host/page/proxy.ts). */
const ALWAYS_OPEN = '31000000002';
const ALWAYS_CLOSED = '31000000003';

let host: RunningHost;
let browser: Browser;
const contexts: BrowserContext[] = [];

interface OpenTicket {
  readonly page: Page;
  readonly app: FrameLocator;
  readonly errors: string[];
  readonly seeded: HostState;
}

/** Opens a case with the hand-offs switched on (plus `extra` settings) and waits for the suggestion. */
async function openWithHandoffs(caseId: string, extra: Record<string, unknown> = {}): Promise<OpenTicket> {
  const context = await newContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${host.hostUrl}?case=${encodeURIComponent(caseId)}`);
  const app = page.frameLocator('#app-frame');
  const suggestion = app.getByRole('heading', { name: t('suggestion.heading'), exact: true });
  await suggestion.waitFor();
  const caseSettings = JSON.parse(await page.locator('#settings-json').inputValue()) as Record<
    string,
    unknown
  >;
  await page
    .locator('#settings-json')
    .fill(JSON.stringify({ ...caseSettings, ...LOCAL_HANDOFF_SETTINGS, ...extra }));
  await page.locator('#settings-apply').click();
  await suggestion.waitFor();
  const seeded = await hostState(page);
  expect(seeded.settings).toMatchObject(LOCAL_HANDOFF_SETTINGS);
  expect(seeded.writes).toEqual([]);
  return { page, app, errors, seeded };
}

function button(app: FrameLocator, name: string) {
  return app.getByRole('button', { name, exact: true });
}

/** Reviews and confirms; returns the hand-offs the preview announced. */
async function confirm(app: FrameLocator): Promise<string[]> {
  await button(app, t('review.button')).click();
  await button(app, t('confirm.button')).waitFor();
  const announced = app
    .getByRole('heading', { name: t('handoffs.preview'), exact: true })
    .locator('xpath=following-sibling::ul[1]/li');
  const lines = await announced.allTextContents();
  await button(app, t('confirm.button')).click();
  await app
    .getByRole('status')
    .filter({ hasText: t('result.steps') })
    .waitFor();
  return lines;
}

/** The hand-offs box once every hand-off has an outcome: `{kind label: status}`. */
async function handoffOutcome(app: FrameLocator): Promise<Record<string, string>> {
  const box = app.locator('div', { has: app.getByText(t('handoffs.heading'), { exact: true }) }).last();
  await box.getByText(t('handoffs.running'), { exact: true }).waitFor({ state: 'detached' });
  // Each line reads "<hand-off>: <status>", then the link and the detail, which are left out here.
  const items = await box.locator('li').evaluateAll((lis) =>
    lis.map((li) => {
      const label = li.querySelector('strong')?.textContent ?? '';
      const copy = li.cloneNode(true) as HTMLElement;
      for (const extra of copy.querySelectorAll('strong, a, div')) extra.remove();
      return [label, copy.textContent.replace(/^\s*:\s*/u, '').trim()] as const;
    }),
  );
  return Object.fromEntries(items);
}

/** The comments that record hand-offs. */
function handoffNotes(state: HostState): string[] {
  return state.comments.filter((c) => c.body.includes('(Escalation Guide hand-off ')).map((c) => c.body);
}

beforeAll(async () => {
  assertBuilt();
  host = await startHost({ hostPort: 0, appPort: 0 });
  browser = await launchChromium();
});

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

afterAll(async () => {
  await browser.close();
  await host.close();
});

describe('hand-offs beyond Zendesk, in the local host', () => {
  it('hands an urgent outage to Slack, on-call, Jira and the carrier team once each, and keeps every secret out of the app', async () => {
    const { page, app, errors, seeded } = await openWithHandoffs(OUTAGE_CASE, {
      business_hours_schedule_id: ALWAYS_OPEN,
    });
    const announced = await confirm(app);
    expect(announced).toEqual([
      t('handoffs.plan.slack'),
      t('handoffs.plan.pagerduty_always'),
      t('handoffs.plan.jira', { project: 'ENG', type: 'Bug' }),
      t('handoffs.plan.carrier'),
    ]);
    const outcome = await handoffOutcome(app);
    expect(outcome).toEqual({
      [t('handoffs.kind.slack')]: t('handoffs.status.sent'),
      [t('handoffs.kind.pagerduty')]: t('handoffs.status.sent'),
      [t('handoffs.kind.jira')]: t('handoffs.status.sent'),
      [t('handoffs.kind.carrier')]: t('handoffs.status.sent'),
    });
    const issueLink = app.getByRole('link', { name: t('handoffs.open_issue', { key: 'ENG-1' }) });
    expect(await issueLink.getAttribute('href')).toBe('https://meowmobile.atlassian.net/browse/ENG-1');
    await screenshotSidebar(page, 'handoffs-sent');

    const after = await hostState(page);
    const { slack, pagerduty, jira, carrier, received } = after.handoffs;
    expect(slack).toHaveLength(1);
    expect(slack[0]?.mentionsChannel).toBe(true);
    expect(slack[0]?.text).toContain(
      `/agent/tickets/${String(seeded.ticketId)}|Zendesk ticket #${String(seeded.ticketId)}>`,
    );
    expect(pagerduty).toHaveLength(1);
    expect(pagerduty[0]).toMatchObject({ severity: 'critical', repeats: 0 });
    expect(jira.map((issue) => issue.key)).toEqual(['ENG-1']);
    expect(carrier).toHaveLength(1);
    // Every request reached its service: none refused by the proxy.
    expect(received.filter((r) => r.service === null)).toEqual([]);
    expect(received.map((r) => r.service)).toEqual(['slack', 'pagerduty', 'jira', 'jira', 'carrier']);

    // The ticket records each hand-off, and the Jira issue by tag.
    const notes = handoffNotes(after);
    expect(notes).toHaveLength(4);
    expect(
      notes.some((note) =>
        note.includes('Jira issue ENG-1 created: https://meowmobile.atlassian.net/browse/ENG-1'),
      ),
    ).toBe(true);
    expect(after.ticket.tags).toContain('jira_eng-1');

    // Secrets: never in metadata().settings, never in what the app's frame sent, never in the package.
    const secrets = Object.entries(await page.evaluate(() => window.escalationHost?.secureSettings() ?? {}));
    expect(secrets.map(([name]) => name).sort()).toEqual([
      'carrier_webhook_url',
      'jira_credentials',
      'pagerduty_routing_key',
      'slack_webhook_url',
    ]);
    for (const [name] of secrets) expect(after.settings).not.toHaveProperty(name);
    const sent = JSON.stringify(after.appRequests);
    for (const [name, value] of secrets) {
      expect(sent, `the app's frame sent the value of ${name}`).not.toContain(value);
    }
    const thirdParty = after.appRequests.filter(
      (request): request is { url: string; secure?: boolean } =>
        typeof request === 'object' &&
        request !== null &&
        'url' in request &&
        !String(request.url).startsWith('/'),
    );
    expect(thirdParty).toHaveLength(5);
    for (const request of thirdParty) expect(request.secure).toBe(true);
    expect(sent).toContain('{{setting.slack_webhook_url}}');
    expect(sent).toContain('{{setting.pagerduty_routing_key}}');
    expect(sent).toContain('Basic {{setting.jira_credentials}}');
    expect(sent).toContain('{{setting.carrier_webhook_url}}');
    for (const file of await packageFiles(path.join(REPO_ROOT, 'dist'))) {
      const text = await readFile(file, 'latin1');
      for (const [name, value] of secrets) expect(text.includes(value), `${name} in ${file}`).toBe(false);
    }
    expect(errors).toEqual([]);
  });

  it('reports a failed hand-off beside a finished escalation, and its retry sends only that one, once', async () => {
    const { page, app, errors } = await openWithHandoffs(CARRIER_CASE);
    await page.evaluate(() =>
      window.escalationHost?.failNextHandoff('carrier', { kind: 'status', status: 500 }),
    );
    expect(await confirm(app)).toEqual([t('handoffs.plan.carrier')]);
    const failed = await handoffOutcome(app);
    expect(failed).toEqual({ [t('handoffs.kind.carrier')]: t('handoffs.status.failed') });
    await app.getByText(/The carrier team's webhook had a problem \(500\)/u).waitFor();
    // The escalation itself is done: its result stays, with the ticket written.
    expect(await app.getByText(t('result.heading'), { exact: true }).isVisible()).toBe(true);
    const before = await hostState(page);
    expect(before.handoffs.carrier).toEqual([]);
    expect(handoffNotes(before)).toEqual([]);
    await screenshotSidebar(page, 'handoffs-failed');

    // A double click on retry still sends once.
    await button(app, t('handoffs.retry')).dblclick();
    await app.getByText(t('handoffs.retry'), { exact: true }).waitFor({ state: 'detached' });
    expect(await handoffOutcome(app)).toEqual({
      [t('handoffs.kind.carrier')]: t('handoffs.status.sent'),
    });
    const after = await hostState(page);
    expect(after.handoffs.carrier).toHaveLength(1);
    expect(after.handoffs.carrier[0]).toMatchObject({ repeats: 0, issue: 'Port-In Stuck' });
    expect(after.handoffs.received.filter((r) => r.service === 'carrier')).toHaveLength(2);
    expect(handoffNotes(after)).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('pages on-call for an urgent case outside business hours only', async () => {
    const inHours = await openWithHandoffs(MEDIA_CASE, { business_hours_schedule_id: ALWAYS_OPEN });
    expect(await confirm(inHours.app)).toEqual([
      t('handoffs.plan.slack'),
      t('handoffs.plan.pagerduty_hours'),
    ]);
    expect(await handoffOutcome(inHours.app)).toEqual({
      [t('handoffs.kind.slack')]: t('handoffs.status.sent'),
      [t('handoffs.kind.pagerduty')]: t('handoffs.status.not_needed'),
    });
    // The host signs in an agent: the schedule is shown by its id, and its holidays, which only admins
    // may list, go unchecked, as the detail says.
    await inHours.app
      .getByText(/within the business hours of "Always open" .*; holidays not checked: only admins may list/u)
      .waitFor();
    expect((await hostState(inHours.page)).handoffs.pagerduty).toEqual([]);

    const afterHours = await openWithHandoffs(MEDIA_CASE, { business_hours_schedule_id: ALWAYS_CLOSED });
    await confirm(afterHours.app);
    expect(await handoffOutcome(afterHours.app)).toEqual({
      [t('handoffs.kind.slack')]: t('handoffs.status.sent'),
      [t('handoffs.kind.pagerduty')]: t('handoffs.status.sent'),
    });
    const paged = (await hostState(afterHours.page)).handoffs.pagerduty;
    expect(paged).toHaveLength(1);
    expect(paged[0]?.summary).toMatch(/urgent escalation, outside business hours/u);
    expect([...inHours.errors, ...afterHours.errors]).toEqual([]);
  });
});

/** Every file of the built package. */
async function packageFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory()
        ? packageFiles(path.join(dir, entry.name))
        : Promise.resolve([path.join(dir, entry.name)]),
    ),
  );
  return nested.flat();
}
