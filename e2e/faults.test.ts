/**
 * The fault matrix of the confirm path (e2e/fault-matrix.ts), in the browser: the built app in the local
 * Zendesk host, a two-team case (L2 + Engineering: a ticket update, a public reply and a linked ticket),
 * one fault per row at one step. Every row asserts what the sidebar told the agent, and then the final
 * ticket exactly as the fake Zendesk stores it: one note, one reply, one linked ticket, the planned tags,
 * group, status and assignee, and nothing else written. One browser page serves every row.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestRecord } from '../fake/zendesk';
import type { HostState } from '../host/page/inspect';
import { startHost, type RunningHost } from '../host/server';
import {
  MATRIX,
  RESULTS,
  STEPS,
  readReadme,
  readmeMatrix,
  renderMatrix,
  stepOf,
  type MatrixRow,
  type Step,
  type StepFault,
} from './fault-matrix';
import {
  added,
  button,
  escalated,
  noteAndReply,
  openCase,
  result,
  review,
  recordAndDate,
  untouched,
  type Stage,
} from './flows';
import { assertBuilt, hostState, launchChromium, newContext, t } from './support';

const CASE = 'shared/10-vip-plan-change-bug.json';
/** The app's tags for the case's two teams, in the order the plan adds them. */
const APP_TAGS = ['escalated_l2', 'escalated_engineering'];

let host: RunningHost;
let browser: Browser;
let page: Page;
const stage = (): Stage => ({ host, browser, contexts: [] });
const passed = new Set<MatrixRow>();

beforeAll(async () => {
  assertBuilt();
  host = await startHost({ hostPort: 0, appPort: 0 });
  browser = await launchChromium();
  page = await (await newContext(browser)).newPage();
});

afterAll(async () => {
  await mkdir(path.dirname(RESULTS), { recursive: true });
  await writeFile(RESULTS, JSON.stringify([...passed].map((row) => MATRIX.indexOf(row))));
  await browser.close();
  await host.close();
});

/** What a step's request looks like, as the host page tests it. */
type InPage =
  | { readonly kind: 'fail'; readonly step: Step; readonly fault: StepFault }
  | { readonly kind: 'network'; readonly step: Step }
  | { readonly kind: 'hold'; readonly step: Step };

/**
 * Queues, in the host page, a fault or a hold on one step's request (the matcher must be built there:
 * functions do not cross into the page). A network fault hits the step and every request after it.
 */
async function inject(action: InPage): Promise<void> {
  await page.evaluate((act) => {
    const hook = window.escalationHost;
    if (hook === undefined) throw new Error('The host page has no window.escalationHost.');
    const field = (value: unknown, key: string): unknown =>
      typeof value === 'object' && value !== null && key in value
        ? (value as Record<string, unknown>)[key]
        : undefined;
    const isStep = (request: { method: string; path: string; body: unknown }): boolean => {
      const ticket = field(request.body, 'ticket');
      if (act.step === 'ticket') return request.method === 'PUT' && field(ticket, 'safe_update') === true;
      if (act.step === 'reply')
        return request.method === 'PUT' && field(field(ticket, 'comment'), 'public') === true;
      return request.method === 'POST' && request.path === '/api/v2/tickets';
    };
    if (act.kind === 'hold') {
      hook.hold(isStep);
    } else if (act.kind === 'network') {
      let down = false;
      hook.failNext({ kind: 'network', times: 1000, match: (request) => (down ||= isStep(request)) });
    } else {
      hook.failNext({ ...act.fault, match: isStep });
    }
  }, action);
}

/** Waits until no queued fault is left (a held request has been taken and is waiting). */
async function untilFaultsTaken(): Promise<void> {
  await page.waitForFunction(() => window.escalationHost?.state()?.pendingFaults.length === 0);
}

/** The request log's line for a step's request. */
function isStepRequest(step: Step, request: RequestRecord, ticketId: number): boolean {
  const ticketUrl = `/api/v2/tickets/${ticketId}.json`;
  if (step === 'handoff') return request.method === 'POST' && request.url === '/api/v2/tickets.json';
  return request.method === 'PUT' && request.url === ticketUrl;
}

/** The sidebar's list of steps ("Ticket update: done (...)"), as [step label, status label]. */
async function shownSteps(list: Locator): Promise<string[][]> {
  const items = await list.getByRole('listitem').allTextContents();
  return items.map((item) => {
    const [label = '', rest = ''] = item.split(': ', 2);
    return [label, rest.replace(/ \(.*$/su, '')];
  });
}

const STEP_KEYS: Readonly<Record<Step, string>> = {
  ticket: 'ticket_update',
  reply: 'customer_message',
  handoff: 'handoff',
};

/** The names the failure message gives each step. */
const FAILURE_NAMES: Readonly<Record<Step, string>> = {
  ticket: 'the internal note and ticket changes',
  reply: 'the customer message',
  handoff: `the linked ticket for ${t('teams.engineering')}`,
};

describe('the fault matrix of the confirm path', () => {
  it.each(MATRIX.map((row) => ({ ...row, row, at: stepOf(row) ?? 'confirm' })))(
    '$fault at $at',
    async ({ row }) => {
      const { app, errors, seeded } = await openCase(stage(), CASE, page);
      const agentId = Number(seeded.ticket.assignee_id);
      const { inject: how } = row;
      let preview = await review(app);
      expect(preview.facts[t('preview.tags')]).toBe(APP_TAGS.join(' '));
      const confirm = button(app, t('confirm.button'));

      if (how.kind === 'fault') await inject({ kind: 'fail', step: how.step, fault: how.fault });
      if (how.kind === 'network') await inject({ kind: 'network', step: how.step });
      if (how.kind === 'reload') await inject({ kind: 'hold', step: how.step });
      if (how.kind === 'doubleClick') {
        await page.locator('#latency').fill('300');
        await page.locator('#latency').dispatchEvent('change');
        await confirm.dblclick();
        await button(app, t('confirm.writing')).waitFor();
      } else {
        await confirm.click();
      }

      if (row.first === 'conflict') {
        const conflict = app.getByRole('alert').filter({ hasText: t('conflict.title') });
        await conflict.waitFor();
        // The other agent's tag changes nothing in the suggestion, and the sidebar says so.
        expect(await conflict.getByText(t('conflict.same'), { exact: true }).isVisible()).toBe(true);
        const atConflict = await hostState(page);
        expect(atConflict.writes.map((write) => write.origin)).toEqual(['concurrent-edit']);
        expect(atConflict.comments).toEqual(seeded.comments);
        preview = await review(app);
        await button(app, t('confirm.button')).click();
      }

      if (row.first === 'failed') {
        const step = stepOf(row) ?? 'ticket';
        const failed = app.getByRole('alert').filter({ hasText: t('failed.title') });
        await failed.waitFor();
        const text = (await failed.textContent()) ?? '';
        const at = STEPS.indexOf(step);
        const landed = STEPS.slice(0, at).map((each) => FAILURE_NAMES[each]);
        const notTried = STEPS.slice(at + 1).map((each) => FAILURE_NAMES[each]);
        expect(text).toContain(
          landed.length === 0 ? 'Nothing was written.' : `Landed: ${landed.join('; ')}.`,
        );
        expect(text).toContain(`Did not land: ${FAILURE_NAMES[step]} (`);
        expect(text).toContain('no answer from Zendesk');
        if (notTried.length > 0) expect(text).toContain(`Not attempted: ${notTried.join('; ')}.`);
        expect(await shownSteps(failed)).toEqual(
          STEPS.map((each, index) => [
            t(`steps.${STEP_KEYS[each]}`),
            t(`steps.status.${index < at ? 'done' : index === at ? 'failed' : 'skipped'}`),
          ]),
        );
        // Nothing of the failed step or after it reached Zendesk.
        const atFailure = await hostState(page);
        expect(atFailure.writes).toHaveLength(at);
        // The network comes back; the agent retries.
        await page.evaluate(() => {
          window.escalationHost?.clearFaults();
        });
        await button(app, t('failed.retry')).click();
      }

      if (row.first === 'reloaded') {
        const step = stepOf(row) ?? 'reply';
        await untilFaultsTaken();
        const beforeReload = await hostState(page);
        expect(beforeReload.writes).toHaveLength(STEPS.indexOf(step));
        await page.evaluate(() => window.escalationHost?.reloadApp());
        // The held request dies with the old page: it never reaches Zendesk.
        await page.evaluate(() => {
          window.escalationHost?.release('drop');
        });
        await button(app, t('review.button')).waitFor();
        const again = await review(app);
        const warnings = app.getByRole('note').filter({ hasText: t('preview.warnings') });
        const key = /Escalation key: (eg-\d+-[0-9a-f]{8})$/u.exec(preview.note)?.[1] ?? 'no key';
        expect(await warnings.textContent()).toContain(key);
        // The note stays the one written before the reload; the reply is the one sent before it, or,
        // when it was not, the message as reviewed now.
        if (step === 'reply') preview = { ...preview, message: again.message };
        await button(app, t('confirm.button')).click();
      }

      const shown = app.getByRole('status').filter({ hasText: t('result.steps') });
      await result(app);
      expect(await shownSteps(shown)).toEqual(
        STEPS.map((step) => [t(`steps.${STEP_KEYS[step]}`), t(`steps.status.${row.ends[step]}`)]),
      );

      const after = await hostState(page);
      assertFinal(row, seeded, after, agentId, preview);
      if (row.checksRetryAfter === true) assertRetryAfterHonoured(row, after);
      expect(errors).toEqual([]);
      passed.add(row);
    },
  );

  it('is the README table', () => {
    expect(readmeMatrix(readReadme())).toBe(renderMatrix(MATRIX, (row) => passed.has(row)));
  });
});

/** The final ticket: one note, one reply, one linked ticket, the planned fields, nothing else. */
function assertFinal(
  row: MatrixRow,
  seeded: HostState,
  after: HostState,
  agentId: number,
  preview: { note: string; message: string },
): void {
  const written = noteAndReply(added(seeded, after), agentId);
  expect(written.note).toBe(preview.note);
  expect(written.reply).toBe(preview.message);
  const key = /Escalation key: (eg-\d+-[0-9a-f]{8})$/u.exec(written.note)?.[1];
  expect(key).toBeDefined();

  const otherTags = row.otherTags ?? [];
  expect([...after.ticket.tags].sort()).toEqual([...seeded.ticket.tags, ...otherTags, ...APP_TAGS].sort());
  expect(after.ticket).toMatchObject(escalated(after, 'l2_group_id'));
  expect(untouched(after.ticket, after)).toEqual(untouched(seeded.ticket, after));
  expect(recordAndDate(after).chosen).toEqual(['l2', 'engineering']);

  expect(
    after.createdTickets.map(({ ticket, comments }) => [
      ticket.group_id,
      ticket.external_id,
      ticket.tags,
      comments.length,
    ]),
  ).toEqual([
    [Number(after.settings.engineering_group_id), `${String(key)}:engineering`, ['escalation_handoff'], 1],
  ]);

  // Written once each: the app's three writes, and another agent's edit when the row has one.
  const ticketUrl = `/api/v2/tickets/${after.ticketId}.json`;
  expect(
    after.writes.filter((write) => write.origin === 'request').map((write) => [write.method, write.url]),
  ).toEqual([
    ['PUT', ticketUrl],
    ['PUT', ticketUrl],
    ['POST', '/api/v2/tickets.json'],
  ]);
  expect(after.writes.filter((write) => write.origin === 'concurrent-edit')).toHaveLength(
    otherTags.length > 0 ? 1 : 0,
  );
  expect(after.pendingFaults).toEqual([]);
}

/** The 429's retry came at least `Retry-After` later, by the times the fake recorded. */
function assertRetryAfterHonoured(row: MatrixRow, after: HostState): void {
  const step = stepOf(row);
  const { inject: how } = row;
  if (step === null || how.kind !== 'fault' || !('status' in how.fault)) throw new Error('Not a 429 row.');
  const seconds = how.fault.retryAfter ?? 1;
  const onStep = after.requests.filter((request) => isStepRequest(step, request, after.ticketId));
  const limited = onStep.findIndex((request) => request.status === 429);
  const limitedAt = onStep[limited];
  const retry = onStep[limited + 1];
  expect(limitedAt?.fault).toBe('status');
  expect(retry?.status).toBe(step === 'handoff' ? 201 : 200);
  expect(Date.parse(retry?.at ?? '') - Date.parse(limitedAt?.at ?? '')).toBeGreaterThanOrEqual(
    seconds * 1000,
  );
  expect(after.requests.filter((request) => request.status === 429)).toHaveLength(1);
}
