/**
 * The fault matrix (e2e/fault-matrix.ts), in the browser: the built app in the local Zendesk host, one
 * fault per row, in one shared page (a fresh fake Zendesk per row).
 *
 * - The confirm path on a two-team case (L2 + Engineering: a ticket update, a public reply and a linked
 *   ticket), a fault at one step: what the sidebar told the agent, then the final ticket exactly as the
 *   fake Zendesk stores it: one note, one reply, one linked ticket, the planned tags, group, status,
 *   assignee, escalation record and follow-up date, and nothing else written.
 * - The hand-offs of an outage escalated to Engineering + Carrier (Slack, PagerDuty, Jira, the carrier
 *   webhook, behind the host's proxy), a fault at one service: the escalation stays done and is written
 *   once, the sidebar names the failed hand-off, its retry sends it once, and each service ends holding
 *   exactly one of what it was sent.
 * - Sending an overdue follow-up, a fault on its one safe update: one reply, the record re-armed once.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestRecord } from '../fake/zendesk';
import type { HostState } from '../host/page/inspect';
import { startHost, type RunningHost } from '../host/server';
import { fileURLToPath } from 'node:url';
import { LOCAL_HANDOFF_SETTINGS } from '../fake/services/local';
import { defaultCaseFolders } from '../host/cases';
import { REPO_ROOT } from '../host/server';
import {
  FOLLOWUP_MATRIX,
  HANDOFF_MATRIX,
  MATRIX,
  PLAIN_RECEIVED,
  RESULTS,
  SERVICE_WORDS,
  SERVICES,
  STEPS,
  TABLES,
  readReadme,
  readmeTable,
  recordedKinds,
  renderTables,
  stepOf,
  type FollowUpRow,
  type HandoffRow,
  type MatrixRow,
  type Results,
  type Step,
  type StepFault,
  type Table,
} from './fault-matrix';
import {
  added,
  button,
  escalated,
  fieldValue,
  handoffNotes,
  handoffOutcome,
  noteAndReply,
  openCase,
  openWithHandoffs,
  result,
  review,
  storedRecord,
  trackingFields,
  untouchedBut,
  writesOfField,
  type Stage,
} from './flows';
import { assertBuilt, hostState, launchChromium, newContext, t } from './support';

const CASE = 'shared/10-vip-plan-change-bug.json';
/** The app's tags for the case's two teams, in the order the plan adds them. */
const APP_TAGS = ['escalated_l2', 'escalated_engineering'];
/** An outage: Engineering + Carrier, urgent, so all four hand-offs apply. */
const OUTAGE_CASE = 'shared/08-columbus-outage-17-tickets.json';
/** The local account's always-open schedule (host/page/proxy.ts). */
const ALWAYS_OPEN = '31000000002';
/** An escalated ticket whose follow-up is 24 h overdue (e2e/fixtures/cases). */
const FOLLOWUP_CASE = 'e2e/escalated-follow-up-overdue.json';
const HOUR_MS = 3_600_000;
const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'cases');

let host: RunningHost;
let browser: Browser;
let page: Page;
const stage = (): Stage => ({ host, browser, contexts: [] });
type AnyRow = MatrixRow | HandoffRow | FollowUpRow;
const passed = new Set<AnyRow>();

/** Which rows passed, by table, for the README. */
function results(): Results {
  const positions = (rows: readonly AnyRow[]): number[] =>
    rows.flatMap((row, index) => (passed.has(row) ? [index] : []));
  return {
    confirm: positions(MATRIX),
    handoffs: positions(HANDOFF_MATRIX),
    followup: positions(FOLLOWUP_MATRIX),
  };
}

beforeAll(async () => {
  assertBuilt();
  host = await startHost({
    hostPort: 0,
    appPort: 0,
    caseFolders: [...defaultCaseFolders(REPO_ROOT), { label: 'e2e', dir: FIXTURES }],
  });
  browser = await launchChromium();
  page = await (await newContext(browser)).newPage();
});

afterAll(async () => {
  await mkdir(path.dirname(RESULTS), { recursive: true });
  await writeFile(RESULTS, JSON.stringify(results()));
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
  for (const row of MATRIX) {
    it(`${row.fault} at ${stepOf(row) ?? 'confirm'}`, async () => {
      const since = Date.now();
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
      assertTracked(seeded, after, {
        agentId,
        teams: ['l2', 'engineering'],
        note: preview.note,
        since,
        until: Date.now(),
      });
      if (row.checksRetryAfter === true) {
        const step = stepOf(row);
        if (step === null || how.kind !== 'fault' || !('status' in how.fault))
          throw new Error('Not a 429 row.');
        assertRetryAfterHonoured(after, how.fault.retryAfter ?? 1, (request) =>
          isStepRequest(step, request, after.ticketId),
        );
      }
      expect(errors).toEqual([]);
      passed.add(row);
    });
  }
});

/** The names the hand-offs' failures give each service. */
const SERVICE_NAMES: Readonly<Record<HandoffRow['service'], string>> = {
  slack: 'Slack',
  pagerduty: 'PagerDuty',
  jira: 'Jira',
  carrier: "The carrier team's webhook",
};

/** Every hand-off with one status, but `service` with another, as the sidebar lists them. */
function outcomes(service: HandoffRow['service'], status: string): Record<string, string> {
  return Object.fromEntries(
    SERVICES.map((each) => [
      t(`handoffs.kind.${each}`),
      t(`handoffs.status.${each === service ? status : 'sent'}`),
    ]),
  );
}

describe('the fault matrix of the hand-offs', () => {
  for (const row of HANDOFF_MATRIX) {
    it(`${SERVICE_WORDS[row.service]}: ${row.fault}`, async () => {
      const since = Date.now();
      const { app, errors, seeded } = await openWithHandoffs(
        stage(),
        OUTAGE_CASE,
        { ...LOCAL_HANDOFF_SETTINGS, business_hours_schedule_id: ALWAYS_OPEN },
        page,
      );
      const agentId = Number(seeded.ticket.assignee_id);
      const preview = await review(app);
      const appTags = (preview.facts[t('preview.tags')] ?? '').split(' ');
      expect(appTags).toEqual(['escalated_engineering', 'escalated_carrier', 'priority_high']);
      await page.evaluate(
        ({ service, fault }) => {
          window.escalationHost?.failNextHandoff(service, fault);
        },
        { service: row.service, fault: row.inject },
      );
      await button(app, t('confirm.button')).click();
      const steps = app.getByRole('status').filter({ hasText: t('result.steps') });
      await result(app);
      expect(await shownSteps(steps)).toEqual(
        STEPS.map((step) => [t(`steps.${STEP_KEYS[step]}`), t('steps.status.done')]),
      );

      // The hand-offs ran after the escalation; the sidebar names the one that did not go through.
      expect(await handoffOutcome(app)).toEqual(outcomes(row.service, row.first));
      const box = app.locator('div', { has: app.getByText(t('handoffs.heading'), { exact: true }) }).last();
      const said = (await box.textContent()) ?? '';
      const name = SERVICE_NAMES[row.service];
      if (row.first !== 'sent') {
        expect(said).toContain(
          row.inject.kind === 'lost'
            ? `${name} did not answer in time`
            : `${name} had a problem (${String(row.inject.status)})`,
        );
      }
      // The escalation itself stays done, and its result with it.
      expect(await app.getByText(t('result.heading'), { exact: true }).isVisible()).toBe(true);
      const retry = button(app, t('handoffs.retry'));
      const sendAgain = button(app, t('handoffs.send_again'));
      expect(await sendAgain.count()).toBe(row.first === 'unconfirmed' ? 1 : 0);
      if (row.first === 'failed') {
        // Before the retry, the service holds what the fault let through, and no more.
        const before = await hostState(page);
        expect(held(before, row.service)).toBe(row.heldBeforeRetry);
        await retry.dblclick();
        await retry.waitFor({ state: 'detached' });
        expect(await handoffOutcome(app)).toEqual(outcomes(row.service, 'sent'));
      } else {
        expect(await retry.count()).toBe(0);
      }

      const after = await hostState(page);
      assertHandoffFinal(row, seeded, after, agentId, preview, appTags);
      assertTracked(seeded, after, {
        agentId,
        teams: ['engineering', 'carrier'],
        note: preview.note,
        since,
        until: Date.now(),
      });
      expect(errors).toEqual([]);
      passed.add(row);
    });
  }
});

/** How many of what it was sent a service holds (messages, incidents, issues, requests). */
function held(state: HostState, service: HandoffRow['service']): number {
  return state.handoffs[service].length;
}

/**
 * The final state of a hand-off row: the escalation written once and never touched again but by the
 * hand-off notes (and the Jira issue's tag); one note per hand-off that went through, once; each service
 * holding exactly one of what it was sent, from the requests the row expects.
 */
function assertHandoffFinal(
  row: HandoffRow,
  seeded: HostState,
  after: HostState,
  agentId: number,
  preview: { note: string; message: string },
  appTags: readonly string[],
): void {
  const notes = handoffNotes(after);
  const ours = new Set(notes);
  const escalation = added(seeded, after).filter((comment) => !ours.has(comment.body));
  const written = noteAndReply(escalation, agentId);
  expect(written.note).toBe(preview.note);
  expect(written.reply).toBe(preview.message);
  const key = /Escalation key: (eg-\d+-[0-9a-f]{8})$/u.exec(written.note)?.[1] ?? 'no key';

  // One note per hand-off that went through, in the order they landed: the failed one after its retry.
  const kinds = recordedKinds(row);
  const order =
    row.first === 'failed' ? [...kinds.filter((kind) => kind !== row.service), row.service] : kinds;
  expect(notes.map((note) => /\(Escalation Guide hand-off (\S+)\/([a-z]+)\)$/u.exec(note)?.slice(1))).toEqual(
    order.map((kind) => [key, kind]),
  );
  expect(
    after.comments.filter((comment) => ours.has(comment.body)).every((c) => c.author_id === agentId),
  ).toBe(true);

  expect([...after.ticket.tags].sort()).toEqual([...seeded.ticket.tags, ...appTags, 'jira_eng-1'].sort());
  expect(after.ticket).toMatchObject(escalated(after, 'engineering_group_id'));
  const fields = trackingFields(after);
  expect(untouchedBut(after.ticket, [fields.record, fields.date])).toEqual(
    untouchedBut(seeded.ticket, [fields.record, fields.date]),
  );
  expect(
    after.createdTickets.map(({ ticket, comments }) => [
      ticket.group_id,
      ticket.external_id,
      comments.length,
    ]),
  ).toEqual([[Number(after.settings.carrier_group_id), `${key}:carrier`, 1]]);

  // The escalation's three writes once; after them only hand-off notes (and the Jira tag).
  const ticketUrl = `/api/v2/tickets/${String(after.ticketId)}.json`;
  const appWrites = after.writes.filter((write) => write.origin === 'request');
  expect(appWrites.map((write) => [write.method, write.url])).toEqual([
    ['PUT', ticketUrl],
    ['PUT', ticketUrl],
    ['POST', '/api/v2/tickets.json'],
    ...order.map(() => ['PUT', ticketUrl]),
  ]);
  for (const write of appWrites.slice(3)) {
    expect(
      write.events.map((event) =>
        event.type === 'Comment' ? ['Comment', event.public] : [event.type, event.field_name],
      ),
    ).toEqual(
      write.events.some((event) => event.type === 'Change')
        ? [
            ['Comment', false],
            ['Change', 'tags'],
          ]
        : [['Comment', false]],
    );
  }
  expect(after.writes.filter((write) => write.origin !== 'request')).toEqual([]);

  // Each service holds one, and received what the row expects.
  const { slack, pagerduty, jira, carrier, received } = after.handoffs;
  const repeats = (service: HandoffRow['service']): number => (row.service === service ? row.repeats : 0);
  expect(slack.map((message) => message.mentionsChannel)).toEqual([true]);
  expect(pagerduty.map((incident) => [incident.dedupKey, incident.repeats])).toEqual([
    [`zendesk-${key}`, repeats('pagerduty')],
  ]);
  expect(jira.map((issue) => [issue.key, issue.labels.includes(key)])).toEqual([['ENG-1', true]]);
  expect(carrier.map((request) => [request.escalationKey, request.repeats])).toEqual([
    [key, repeats('carrier')],
  ]);
  expect(received.filter((entry) => entry.service === null)).toEqual([]);
  expect(
    Object.fromEntries(
      SERVICES.map((service) => [service, received.filter((entry) => entry.service === service).length]),
    ),
  ).toEqual({ ...PLAIN_RECEIVED, [row.service]: row.received });
  expect(received.filter((entry) => entry.fault !== null)).toHaveLength(1);
}

describe('the fault matrix of sending a follow-up', () => {
  for (const row of FOLLOWUP_MATRIX) {
    it(row.fault, async () => {
      const { app, errors, seeded } = await openCase(stage(), FOLLOWUP_CASE, page);
      const agentId = Number(seeded.ticket.assignee_id);
      const before = storedRecord(seeded);
      expect(before.followUp.sent).toBe(0);
      const panel = app.getByRole('region', { name: t('followup.heading'), exact: true });
      const send = panel.getByRole('button', { name: t('followup.send'), exact: true });
      await send.waitFor();
      let message = await panel.getByRole('textbox').inputValue();
      expect(message).toMatch(/^Hi Danielle,/u);

      const { inject: how } = row;
      let sentAt = Date.now();
      if (how.kind === 'fault') {
        await inject({ kind: 'fail', step: 'ticket', fault: how.fault });
        await send.click();
      } else {
        await page.locator('#latency').fill('300');
        await page.locator('#latency').dispatchEvent('change');
        await send.dblclick();
      }

      if (row.first === 'conflict') {
        const conflict = app.getByRole('alert').filter({ hasText: t('conflict.title') });
        await conflict.waitFor();
        const atConflict = await hostState(page);
        expect(atConflict.writes.map((write) => write.origin)).toEqual(['concurrent-edit']);
        expect(atConflict.comments).toEqual(seeded.comments);
        expect(storedRecord(atConflict)).toEqual(before);
        // Still due, still offered: the agent sends again.
        await send.waitFor();
        message = await panel.getByRole('textbox').inputValue();
        sentAt = Date.now();
        await send.click();
      }

      const done = panel.getByRole('status').filter({ hasText: /^Follow-up sent\./u });
      await done.waitFor();
      expect(await shownSteps(done)).toEqual([[t('steps.follow_up'), t(`steps.status.${row.ends}`)]]);

      const after = await hostState(page);
      // One public reply, the message as sent, by the agent.
      expect(
        added(seeded, after).map((comment) => [comment.public, comment.author_id, comment.body]),
      ).toEqual([[true, agentId, message]]);
      // The record re-armed once: the same escalation, one follow-up more, due its hours after the Send.
      const fields = trackingFields(after);
      const now = storedRecord(after);
      expect({ ...now, followUp: null }).toEqual({ ...before, followUp: null });
      expect(now.followUp).toMatchObject({ sent: 1, hours: before.followUp.hours });
      const due = Date.parse(now.followUp.dueAt);
      expect(due).toBeGreaterThanOrEqual(sentAt - 1000 + now.followUp.hours * HOUR_MS);
      expect(due).toBeLessThanOrEqual(Date.now() + now.followUp.hours * HOUR_MS);
      expect(fieldValue(after.ticket, fields.date)).toBe(now.followUp.dueAt.slice(0, 10));
      // In one write: the reply, the record and the date together.
      const appWrites = after.writes.filter((write) => write.origin === 'request');
      expect(appWrites.map((write) => write.method)).toEqual(['PUT']);
      expect(writesOfField(after, fields.record)).toEqual(appWrites);
      expect(writesOfField(after, fields.date)).toEqual(appWrites);
      const otherTags = row.otherTags ?? [];
      expect(after.writes.filter((write) => write.origin === 'concurrent-edit')).toHaveLength(
        otherTags.length > 0 ? 1 : 0,
      );
      // Nothing else moved: status, group, assignee, the other fields; tags only by the other agent.
      expect([...after.ticket.tags].sort()).toEqual([...seeded.ticket.tags, ...otherTags].sort());
      const { status, group_id, assignee_id } = seeded.ticket;
      expect(after.ticket).toMatchObject({ status, group_id, assignee_id });
      expect(untouchedBut(after.ticket, [fields.record, fields.date])).toEqual(
        untouchedBut(seeded.ticket, [fields.record, fields.date]),
      );
      // What the app did after an unknown outcome: read the ticket before sending again, or not at all.
      const ticketUrl = `/api/v2/tickets/${String(after.ticketId)}.json`;
      const onTicket = after.requests
        .filter((request) => request.url === ticketUrl)
        .map((request) => `${request.method} ${String(request.status)}`);
      const firstPut = onTicket.findIndex((line) => line.startsWith('PUT'));
      if (how.kind === 'fault' && 'status' in how.fault && how.fault.status === 500) {
        expect(onTicket.slice(firstPut, firstPut + 3)).toEqual(['PUT 500', 'GET 200', 'PUT 200']);
      }
      if (how.kind === 'fault' && how.fault.kind === 'timeoutAfterApply') {
        expect(onTicket.slice(firstPut, firstPut + 2)).toEqual(['PUT 0', 'GET 200']);
        expect(onTicket.filter((line) => line.startsWith('PUT'))).toHaveLength(1);
      }
      if (row.checksRetryAfter === true) {
        if (how.kind !== 'fault' || !('status' in how.fault)) throw new Error('Not a 429 row.');
        assertRetryAfterHonoured(
          after,
          how.fault.retryAfter ?? 1,
          (request) =>
            request.method === 'PUT' && request.url === `/api/v2/tickets/${String(after.ticketId)}.json`,
        );
      }
      expect(after.pendingFaults).toEqual([]);
      expect(errors).toEqual([]);
      passed.add(row);
    });
  }
});

describe('the README', () => {
  it.each(Object.keys(TABLES) as Table[])('has the %s table as the rows and this run give it', (table) => {
    expect(readmeTable(readReadme(), table)).toBe(renderTables(results())[table]);
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
  const fields = trackingFields(after);
  expect(untouchedBut(after.ticket, [fields.record, fields.date])).toEqual(
    untouchedBut(seeded.ticket, [fields.record, fields.date]),
  );

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
function assertRetryAfterHonoured(
  after: HostState,
  seconds: number,
  isRequest: (request: RequestRecord) => boolean,
): void {
  const onStep = after.requests.filter(isRequest);
  const limited = onStep.findIndex((request) => request.status === 429);
  const limitedAt = onStep[limited];
  const retry = onStep[limited + 1];
  expect(limitedAt?.fault).toBe('status');
  expect([200, 201]).toContain(retry?.status);
  expect(Date.parse(retry?.at ?? '') - Date.parse(limitedAt?.at ?? '')).toBeGreaterThanOrEqual(
    seconds * 1000,
  );
  expect(after.requests.filter((request) => request.status === 429)).toHaveLength(1);
}

/** What a confirm must have kept on the ticket besides its comments, for `assertTracked`. */
interface Confirmed {
  readonly agentId: number;
  /** The chosen teams, primary first (the suggestion's, in these rows). */
  readonly teams: readonly string[];
  /** The escalation note as written; its footer names the follow-up time. */
  readonly note: string;
  /** Bounds of the confirm's moment (ms since the epoch). */
  readonly since: number;
  readonly until: number;
}

/**
 * The escalation record and the follow-up date, as the install's fields (or the case's settings) hold
 * them: the record of this escalation (its key, teams, agent, follow-up due the team's hours after the
 * confirm, as the note says), the date field with it, both written once, in the write with the note.
 */
function assertTracked(seeded: HostState, after: HostState, confirmed: Confirmed): void {
  const fields = trackingFields(after);
  expect(fields.record).not.toBeNull();
  expect(fields.date).not.toBeNull();
  expect(fieldValue(seeded.ticket, fields.record)).toBeNull();
  const key = /Escalation key: (eg-\d+-[0-9a-f]{8})$/u.exec(confirmed.note)?.[1];
  const footer = / by (\d{4}-\d\d-\d\d \d\d:\d\d) UTC \((\d+) h\)\.$/mu.exec(confirmed.note);
  expect(footer).not.toBeNull();
  const hours = Number(footer?.[2]);
  const record = storedRecord(after);
  expect(record).toMatchObject({
    v: 1,
    key,
    by: { id: confirmed.agentId },
    suggested: confirmed.teams,
    chosen: confirmed.teams,
    override: null,
    followUp: { hours, sent: 0 },
  });
  const at = Date.parse(record.at);
  expect(at).toBeGreaterThanOrEqual(confirmed.since - 1000);
  expect(at).toBeLessThanOrEqual(confirmed.until);
  expect(Date.parse(record.followUp.dueAt) - at).toBe(hours * HOUR_MS);
  expect(record.followUp.dueAt.slice(0, 16).replace('T', ' ')).toBe(footer?.[1]);
  expect(fieldValue(after.ticket, fields.date)).toBe(record.followUp.dueAt.slice(0, 10));
  // Written once each, in the safe update that carried the note.
  const withNote = after.writes.find(
    (write) =>
      write.origin === 'request' &&
      write.events.some(
        (event) => event.type === 'Comment' && !event.public && event.body === confirmed.note,
      ),
  );
  expect(writesOfField(after, fields.record).map((write) => write.sequence)).toEqual([withNote?.sequence]);
  expect(writesOfField(after, fields.date).map((write) => write.sequence)).toEqual([withNote?.sequence]);
}
