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

/** The ticket without what an escalation changes. */
export function untouched(ticket: Ticket): Record<string, unknown> {
  return Object.fromEntries(Object.entries(ticket).filter(([key]) => !ESCALATION_FIELDS.has(key)));
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

/**
 * The ticket fields a confirm and a follow-up keep the escalation in: the case's settings name them, or
 * the app finds the ones its install created (src/zendesk/resources.ts). Null where neither gives one.
 */
export function trackingFields(state: HostState): { record: number | null; date: number | null } {
  const pick = (setting: string, identifier: string): number | null => {
    const set = Number(state.settings[setting]);
    if (Number.isSafeInteger(set) && set > 0) return set;
    return state.installedFields[identifier] ?? null;
  };
  return {
    record: pick('record_field_id', 'escalation_record'),
    date: pick('follow_up_field_id', 'follow_up_due'),
  };
}

/** A custom field's stored value; null when the ticket has no such field or it is empty. */
export function fieldValue(ticket: Ticket, id: number | null): unknown {
  return ticket.custom_fields.find((entry) => entry.id === id)?.value ?? null;
}

/** The ticket without what an escalation changes, nor the custom fields `fieldIds`. */
export function untouchedBut(ticket: Ticket, fieldIds: readonly (number | null)[]): Record<string, unknown> {
  return {
    ...untouched(ticket),
    custom_fields: ticket.custom_fields.filter((entry) => !fieldIds.includes(entry.id)),
  };
}

/** The escalation record stored on the ticket, parsed; throws when the field holds none. */
export interface StoredRecord {
  readonly v: number;
  readonly key: string;
  readonly at: string;
  readonly by: { readonly id: number; readonly name: string };
  readonly suggested: readonly string[];
  readonly chosen: readonly string[];
  readonly override: string | null;
  readonly followUp: { readonly dueAt: string; readonly hours: number; readonly sent: number };
}

/** The record in the ticket's record field. */
export function storedRecord(state: HostState): StoredRecord {
  const value = fieldValue(state.ticket, trackingFields(state).record);
  if (typeof value !== 'string') throw new Error('The ticket has no escalation record.');
  return JSON.parse(value) as StoredRecord;
}

/** The app's writes (not other agents' edits) that changed the custom field `fieldId`. */
export function writesOfField(state: HostState, fieldId: number | null): HostState['writes'] {
  return state.writes.filter(
    (write) =>
      write.origin === 'request' &&
      write.events.some((event) => event.type === 'Change' && event.field_name === String(fieldId)),
  );
}

/**
 * Opens a case as `openCase` does, then switches the hand-offs on against the host's local services (the
 * host keeps their secure settings), with `extra` settings, and waits for the suggestion again.
 */
export async function openWithHandoffs(
  stage: Stage,
  caseId: string,
  handoffSettings: Readonly<Record<string, unknown>>,
  reuse?: Page,
): Promise<OpenTicket> {
  const opened = await openCase(stage, caseId, reuse);
  const { page, app } = opened;
  const settings = JSON.parse(await page.locator('#settings-json').inputValue()) as Record<string, unknown>;
  await page.locator('#settings-json').fill(JSON.stringify({ ...settings, ...handoffSettings }));
  await page.locator('#settings-apply').click();
  await app.getByRole('heading', { name: t('suggestion.heading'), exact: true }).waitFor();
  const seeded = await hostState(page);
  expect(seeded.settings).toMatchObject(handoffSettings);
  expect(seeded.writes).toEqual([]);
  return { ...opened, seeded };
}

/** The hand-offs box once every hand-off has an outcome, as `{hand-off label: status label}`. */
export async function handoffOutcome(app: FrameLocator): Promise<Record<string, string>> {
  const box = app.locator('div', { has: app.getByText(t('handoffs.heading'), { exact: true }) }).last();
  await box.getByText(t('handoffs.running'), { exact: true }).waitFor({ state: 'detached' });
  // Each line reads "<hand-off>: <status>", then the link, the detail and any button, left out here.
  const items = await box.locator('li').evaluateAll((lis) =>
    lis.map((li) => {
      const label = li.querySelector('strong')?.textContent ?? '';
      const copy = li.cloneNode(true) as HTMLElement;
      for (const extra of copy.querySelectorAll('strong, a, div, pre, button')) extra.remove();
      return [label, copy.textContent.replace(/^\s*:\s*/u, '').trim()] as const;
    }),
  );
  return Object.fromEntries(items);
}

/** The internal notes that record hand-offs, oldest first. */
export function handoffNotes(state: HostState): string[] {
  return state.comments
    .filter((comment) => !comment.public && comment.body.includes('(Escalation Guide hand-off '))
    .map((comment) => comment.body);
}

/**
 * The stored ticket without what a confirm or a follow-up writes: the escalation fields above, and the
 * escalation record and follow-up date fields wherever the settings or the install put them.
 */
export function untouchedByEscalation(state: HostState): Record<string, unknown> {
  const fields = trackingFields(state);
  return untouchedBut(state.ticket, [fields.record, fields.date]);
}
