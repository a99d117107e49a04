/**
 * The sidebar's flows as an agent goes through them, shared by the browser tests: open a case in the
 * local host, review, confirm, read the result; and what a confirm must leave on the ticket (exactly one
 * note and one reply, the escalation fields, nothing else touched), read from the host's test hook.
 */
import type { Browser, BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Comment, Ticket } from '../fake/types';
import type { HostState } from '../host/page/inspect';
import type { RunningHost } from '../host/server';
import { hostState, newContext, t, watchErrors } from './support';

/** What a test file shares between its tests: the host, one browser, and the contexts to close. */
export interface Stage {
  readonly host: RunningHost;
  readonly browser: Browser;
  readonly contexts: BrowserContext[];
}

/** A case open in the host with the sidebar showing its suggestion. */
export interface OpenTicket {
  readonly page: Page;
  readonly app: FrameLocator;
  /** Uncaught errors and console errors since the case was opened. */
  readonly errors: string[];
  /** The ticket as seeded, read once the sidebar showed its first state. */
  readonly seeded: HostState;
}

const pageErrors = new WeakMap<Page, string[]>();

/**
 * Opens a case in the host and waits for the sidebar's suggestion: in a browser context of its own, or
 * in `reuse` (a page of an earlier case: the host page loads afresh, with a fresh fake Zendesk). Checks
 * the app registered and wrote nothing on its way there.
 */
export async function openCase(stage: Stage, caseId: string, reuse?: Page): Promise<OpenTicket> {
  let page = reuse;
  if (page === undefined) {
    const context = await newContext(stage.browser);
    stage.contexts.push(context);
    page = await context.newPage();
  }
  let errors = pageErrors.get(page);
  if (errors === undefined) {
    errors = watchErrors(page);
    pageErrors.set(page, errors);
  }
  errors.length = 0;
  await page.goto(`${stage.host.hostUrl}?case=${encodeURIComponent(caseId)}`);
  const app = page.frameLocator('#app-frame');
  await app.getByRole('heading', { name: t('suggestion.heading'), exact: true }).waitFor();
  const seeded = await hostState(page);
  expect(seeded.caseId).toBe(caseId);
  expect(seeded.appRegistered).toBe(true);
  expect(seeded.writes).toEqual([]);
  return { page, app, errors, seeded };
}

/** A sidebar section (a `<section>` labelled by its heading). */
export function region(app: FrameLocator, heading: string): Locator {
  return app.getByRole('region', { name: heading, exact: true });
}

/** A sidebar button by its exact name. */
export function button(app: FrameLocator, name: string): Locator {
  return app.getByRole('button', { name, exact: true });
}

/** A term/description list as `{term: description}`; a description of tags reads "tag1 tag2". */
export function facts(list: Locator): Promise<Record<string, string>> {
  return list.evaluate((dl) => {
    const out: Record<string, string> = {};
    for (const dt of dl.querySelectorAll(':scope > dt')) {
      const dd = dt.nextElementSibling;
      if (dd === null) continue;
      const tags = [...dd.querySelectorAll('span')].map((span) => span.textContent);
      out[dt.textContent] = tags.length > 0 ? tags.join(' ') : dd.textContent;
    }
    return out;
  });
}

/** The text block right after a preview sub-heading (the note or the customer message), exactly. */
export async function blockAfter(section: Locator, heading: string): Promise<string> {
  const block = section
    .getByRole('heading', { name: heading, exact: true })
    .locator('xpath=following-sibling::*[1]');
  return (await block.textContent()) ?? '';
}

/** Reviews the suggestion: clicks "Review the escalation" and reads the preview. */
export async function review(app: FrameLocator): Promise<{
  facts: Record<string, string>;
  note: string;
  message: string;
}> {
  await button(app, t('review.button')).click();
  const preview = region(app, t('preview.heading'));
  await button(app, t('confirm.button')).waitFor();
  return {
    facts: await facts(preview.locator('dl').first()),
    note: await blockAfter(preview, t('preview.note')),
    message: await blockAfter(preview, `${t('preview.message')}: ${t('preview.delivery_post')}`),
  };
}

/** The result after a confirm, once every step is done. */
export async function result(app: FrameLocator): Promise<Record<string, string>> {
  const done = app.getByRole('status').filter({ hasText: t('result.steps') });
  await done.waitFor();
  expect(await done.getByText(t('result.heading'), { exact: true }).isVisible()).toBe(true);
  return facts(done.locator('dl'));
}

/** The comments a test run added: those the ticket did not have when it was seeded. */
export function added(seeded: HostState, now: HostState): Comment[] {
  const before = new Set(seeded.comments.map((comment) => comment.id));
  return now.comments.filter((comment) => !before.has(comment.id));
}

/** Exactly one internal note and one public reply, in that order, both by the signed-in agent. */
export function noteAndReply(comments: readonly Comment[], agentId: number): { note: string; reply: string } {
  expect(comments.map((comment) => [comment.public, comment.author_id])).toEqual([
    [false, agentId],
    [true, agentId],
  ]);
  const [note, reply] = comments;
  if (note === undefined || reply === undefined) throw new Error('unreachable: two comments checked above');
  return { note: note.body, reply: reply.body };
}

/** What an escalation changes on the ticket; everything else must stay as it was. */
const ESCALATION_FIELDS = new Set([
  'tags',
  'group_id',
  'assignee_id',
  'status',
  'custom_status_id',
  'updated_at',
]);

/** The fields a confirm writes besides the note: the escalation record and the follow-up date. */
const WRITTEN_FIELDS = ['escalation_record', 'follow_up_due'];

/**
 * The ticket without what an escalation changes: the escalation fields, and the record and follow-up
 * date fields the install created (`state.installedFields`; `recordAndDate` checks those).
 */
export function untouched(ticket: Ticket, state: HostState): Record<string, unknown> {
  const written = new Set(WRITTEN_FIELDS.map((name) => state.installedFields[name]));
  return Object.fromEntries(
    Object.entries(ticket)
      .filter(([key]) => !ESCALATION_FIELDS.has(key))
      .map(([key, value]) =>
        key === 'custom_fields' && Array.isArray(value)
          ? [key, (value as { id: number }[]).filter((field) => !written.has(field.id))]
          : [key, value],
      ),
  );
}

/**
 * The escalation record and follow-up date a confirm wrote, read back from the stored ticket: the record
 * names the chosen teams and the date is the record's due date, as Zendesk's date fields hold it.
 */
export function recordAndDate(state: HostState): { chosen: string[]; dueDate: string | null } {
  const field = (name: string): unknown => {
    const id = state.installedFields[name];
    return state.ticket.custom_fields.find((entry) => entry.id === id)?.value ?? null;
  };
  const raw = field('escalation_record');
  const record =
    typeof raw === 'string' ? (JSON.parse(raw) as { chosen: string[]; followUp: { dueAt: string } }) : null;
  const date = field('follow_up_due');
  expect(date).toBe(record === null ? null : record.followUp.dueAt.slice(0, 10));
  return { chosen: record?.chosen ?? [], dueDate: typeof date === 'string' ? date : null };
}

/** The escalation fields the settings say a confirm to `groupSetting`'s team writes. */
export function escalated(state: HostState, groupSetting: string): Partial<Ticket> {
  return {
    status: 'open',
    custom_status_id: Number(state.settings.escalated_status_id),
    group_id: Number(state.settings[groupSetting]),
    assignee_id: null,
  };
}
