/**
 * Follow-ups and the save guard in the local Zendesk host, with the built app and the real SDK in
 * Chromium: an overdue follow-up sent once with the record re-armed, a blocked solve let through by
 * "Solve anyway" with its note, and a warned save of a ticket the guide would escalate. The ticket is
 * asserted as the fake Zendesk stores it (`window.escalationHost`, host/page/inspect.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Comment } from '../fake/types';
import { defaultCaseFolders } from '../host/cases';
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

const HERE = path.dirname(fileURLToPath(import.meta.url));
const HOUR_MS = 3_600_000;
const ESCALATED_CASE = 'e2e/escalated-follow-up-overdue.json';
const UNESCALATED_CASE = 'shared/01-port-in-rejected-four-times.json';
const RECORD_FIELD = 27493018470002;
const DATE_FIELD = 27493018470001;

let host: RunningHost;
let browser: Browser;
const contexts: BrowserContext[] = [];

interface OpenTicket {
  readonly page: Page;
  readonly app: FrameLocator;
  readonly errors: string[];
  readonly seeded: HostState;
}

async function openCase(caseId: string): Promise<OpenTicket> {
  const context = await newContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${host.hostUrl}?case=${encodeURIComponent(caseId)}`);
  const app = page.frameLocator('#app-frame');
  await app.getByRole('heading', { name: t('suggestion.heading'), exact: true }).waitFor();
  const seeded = await hostState(page);
  expect(seeded.caseId).toBe(caseId);
  expect(seeded.writes).toEqual([]);
  return { page, app, errors, seeded };
}

function added(seeded: HostState, now: HostState): Comment[] {
  const before = new Set(seeded.comments.map((comment) => comment.id));
  return now.comments.filter((comment) => !before.has(comment.id));
}

function field(state: HostState, id: number): unknown {
  return state.ticket.custom_fields.find((entry) => entry.id === id)?.value ?? null;
}

function record(state: HostState): {
  key: string;
  followUp: { dueAt: string; hours: number; sent: number };
} {
  const value = field(state, RECORD_FIELD);
  if (typeof value !== 'string') throw new Error('The ticket has no escalation record.');
  return JSON.parse(value) as { key: string; followUp: { dueAt: string; hours: number; sent: number } };
}

/** Picks the status Zendesk's Submit menu would carry and submits; resolves with the host's outcome line. */
async function submit(page: Page, status: string): Promise<string> {
  await page.selectOption('#submit-status', status);
  await page.locator('#save-outcome').evaluate((output) => {
    output.textContent = '';
  });
  await page.click('#submit');
  await expect.poll(() => page.locator('#save-outcome').textContent()).not.toMatch(/^$|^Asking the app/u);
  return (await page.locator('#save-outcome').textContent()) ?? '';
}

beforeAll(async () => {
  assertBuilt();
  host = await startHost({
    hostPort: 0,
    appPort: 0,
    caseFolders: [
      ...defaultCaseFolders(REPO_ROOT),
      { label: 'e2e', dir: path.join(HERE, 'fixtures', 'cases') },
    ],
  });
  browser = await launchChromium();
});

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

afterAll(async () => {
  await browser.close();
  await host.close();
});

describe('follow-ups and the save guard in the local Zendesk host', () => {
  it('shows an overdue follow-up, sends it once on a double click and re-arms the record', async () => {
    const { page, app, errors, seeded } = await openCase(ESCALATED_CASE);
    const before = record(seeded);
    const panel = app.getByRole('region', { name: t('followup.heading'), exact: true });
    await panel.waitFor();
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('Carrier');
    expect(text).toContain('Priya Raman');
    // Due 72 h after an escalation 96 h 20 min before now: overdue by 24 h.
    expect(text).toMatch(/overdue by 24 h/u);
    const message = await panel.getByRole('textbox').inputValue();
    expect(message).toMatch(
      /^Hi Danielle,\n\nJust checking in on your case\.\n\nI see it's still with our carrier team\./u,
    );
    // The (re-)escalation suggestion still works below it.
    expect(await app.getByRole('button', { name: t('review.button'), exact: true }).isVisible()).toBe(true);
    await screenshotSidebar(page, 'follow-up-overdue');

    const clicked = Date.now();
    await panel.getByRole('button', { name: t('followup.send'), exact: true }).dblclick();
    await panel.getByText(/^Follow-up sent\./u).waitFor();
    const after = await hostState(page);

    // One public reply with the message, one write, the record re-armed and the date field with it.
    const comments = added(seeded, after);
    expect(comments.map((comment) => [comment.public, comment.body])).toEqual([[true, message]]);
    expect(after.writes.filter((write) => write.origin === 'request').map((write) => write.method)).toEqual([
      'PUT',
    ]);
    const now = record(after);
    expect(now.key).toBe(before.key);
    expect(now.followUp.sent).toBe(1);
    expect(now.followUp.hours).toBe(72);
    const due = Date.parse(now.followUp.dueAt);
    expect(due).toBeGreaterThanOrEqual(clicked + 72 * HOUR_MS - 1000);
    expect(due).toBeLessThanOrEqual(Date.now() + 72 * HOUR_MS);
    expect(field(after, DATE_FIELD)).toBe(now.followUp.dueAt.slice(0, 10));
    // Read again: the panel now counts one follow-up and offers no message until the next is due.
    await panel.getByText(t('followup.sent'), { exact: true }).waitFor();
    expect(await panel.getByRole('button', { name: t('followup.send') }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('blocks solving while the escalation is open, then lets it through after "Solve anyway" with a note', async () => {
    const { page, app, errors, seeded } = await openCase(ESCALATED_CASE);
    await app.getByRole('region', { name: t('followup.heading'), exact: true }).waitFor();

    const blocked = await submit(page, 'solved');
    expect(blocked).toContain(t('guard.block_message', { status: 'solved' }));
    expect((await hostState(page)).ticket.status).toBe('open');
    const alert = app.getByRole('alert').filter({ hasText: t('guard.blocked_title', { status: 'solved' }) });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('The escalation to Carrier');
    expect(await page.locator('#app-attention').textContent()).toContain('appsTray.show');
    await screenshotSidebar(page, 'save-guard-blocked');

    await alert.getByRole('button', { name: t('guard.anyway'), exact: true }).click();
    await alert
      .getByRole('textbox')
      .fill('Carrier confirmed the port went through; customer agreed to close.');
    await alert.getByRole('button', { name: t('guard.anyway_submit'), exact: true }).dblclick();
    await alert.getByText(t('guard.anyway_done', { status: 'solved' }), { exact: true }).waitFor();

    const noted = await hostState(page);
    const notes = added(seeded, noted);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.public).toBe(false);
    expect(notes[0]?.body).toContain('set to solved anyway by Priya Raman (user 21937465028113)');
    expect(notes[0]?.body).toContain(
      'Reason given: Carrier confirmed the port went through; customer agreed to close.',
    );

    const saved = await submit(page, 'solved');
    expect(saved).toContain('The app allowed the save. Saved.');
    const after = await hostState(page);
    expect(after.ticket.status).toBe('solved');
    expect(added(seeded, after)).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('warns and tags escalation_suggested when a ticket the guide would escalate is saved without it', async () => {
    const { page, app, errors, seeded } = await openCase(UNESCALATED_CASE);
    await app.getByText(t('suggestion.escalate', { teams: t('teams.carrier') }), { exact: true }).waitFor();
    await page.fill('#reply-editor', 'Checking with the porting desk now.');

    const saved = await submit(page, 'pending');
    expect(saved).toContain('The app allowed the save. Saved.');
    const after = await hostState(page);
    expect(after.ticket.status).toBe('pending');
    expect(after.ticket.tags).toEqual([...seeded.ticket.tags, 'escalation_suggested']);
    const warning = app.getByRole('alert').filter({ hasText: t('guard.warn_title') });
    await warning.waitFor();
    expect(await warning.textContent()).toContain('Port-in rejected 3+ times');
    await page
      .locator('#toasts')
      .getByText(t('guard.warn_notify', { teams: t('teams.carrier') }))
      .waitFor();
    await screenshotSidebar(page, 'save-guard-warned');
    expect(errors).toEqual([]);
  });
});
