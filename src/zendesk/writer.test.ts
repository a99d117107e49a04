import { afterEach, describe, expect, it, vi } from 'vitest';
import { decide, type Target } from '../engine';
import { FIXTURE_IDS, outageBundle } from '../../fake/fixtures';
import { DEFAULT_CUSTOM_STATUSES } from '../../fake/zendesk';
import { loadTicket } from './loader';
import { buildPlan, makeEscalationKey } from './plan';
import { harness } from './testkit';
import { createFakeClient, type FakeClient } from '../../fake/client';
import type { FakeRequest } from '../../fake/http';
import type { AppSettings, WritePlan } from './types';
import { applyPlan } from './writer';

const TICKET = FIXTURE_IDS.ticket;
const GROUPS = { l2_group_id: '9001', engineering_group_id: '9002', legal_group_id: '9005' };
const ESCALATED = 2001;

/** What the sidebar would plan on `client`'s ticket as it reads now, for a confirm to `targets`. */
async function planFor(
  client: FakeClient,
  settings: AppSettings,
  targets: Target[],
  now: string,
  message = 'Hi Brenda, we are on it.',
) {
  const { bundle: loaded } = await loadTicket(
    client,
    settings,
    { info_complete: true, troubleshooting_done: true },
    { now: new Date(now) },
  );
  return buildPlan({
    bundle: loaded,
    decision: decide(loaded),
    choice: {
      targets,
      overrideReason: 'testing',
      note: 'Escalating: no service since 5pm.',
      message,
    },
    settings,
    agent: { id: 1, name: 'Fake Agent' },
  });
}

/** A fake seeded with the outage fixture, its client, and the plan for a confirm to `targets`. */
async function ready(targets: Target[] = ['l2'], settings: Record<string, unknown> = {}) {
  const bundle = outageBundle() as ReturnType<typeof outageBundle> & { now: string; ticket: { id: number } };
  const h = harness(bundle, {
    settings: { ...GROUPS, ...settings },
    fake: {
      groups: [
        { id: 9001, name: 'L2' },
        { id: 9002, name: 'Engineering' },
        { id: 9005, name: 'Legal' },
      ],
      customStatuses: [
        ...DEFAULT_CUSTOM_STATUSES,
        {
          ...DEFAULT_CUSTOM_STATUSES[1],
          id: ESCALATED,
          agent_label: 'Escalated',
          default: false,
        } as (typeof DEFAULT_CUSTOM_STATUSES)[number],
      ],
    },
  });
  const plan = await planFor(h.client, h.settings, targets, bundle.now);
  return { ...h, plan, now: bundle.now };
}

const notesWithKey = (comments: { body: string; public: boolean }[], plan: WritePlan) =>
  comments.filter((c) => !c.public && c.body.includes(plan.escalationKey));
const replies = (comments: { body: string; public: boolean }[], plan: WritePlan) =>
  comments.filter((c) => c.public && c.body === plan.customerMessage);

afterEach(() => {
  vi.useRealTimers();
});

describe('applyPlan', () => {
  it('writes one note and one reply, and sets tags, status, group and assignee', async () => {
    const { fake, client, plan } = await ready(['l2'], { escalated_status_id: String(ESCALATED) });
    const outcome = await applyPlan(client, plan);
    expect(outcome.kind).toBe('done');
    expect(outcome.steps.map((s) => [s.step, s.status])).toEqual([
      ['ticket_update', 'done'],
      ['customer_message', 'done'],
    ]);
    const ticket = fake.ticket(TICKET);
    // Added to the ticket's own tags, never replacing them (the outage is critical: priority_high).
    expect(plan.additionalTags).toEqual(['escalated_l2', 'priority_high']);
    expect(ticket?.tags).toEqual(['no_service', 'outage', 'escalated_l2', 'priority_high']);
    expect(ticket?.custom_status_id).toBe(ESCALATED);
    expect(ticket?.status).toBe('open');
    expect(ticket?.group_id).toBe(9001);
    expect(ticket?.assignee_id).toBeNull();
    const comments = fake.comments(TICKET);
    expect(notesWithKey(comments, plan)).toHaveLength(1);
    expect(replies(comments, plan)).toHaveLength(1);
    expect(comments).toHaveLength(4);
    expect(fake.writes()).toHaveLength(2);
  });

  it('keeps the assignee and sets status open when so configured', async () => {
    const { fake, client, plan } = await ready(['l2'], { keep_assignee: 'true' });
    await applyPlan(client, plan);
    expect(fake.ticket(TICKET)?.assignee_id).toBe(FIXTURE_IDS.agent);
    expect(fake.ticket(TICKET)?.custom_status_id).toBe(1002);
  });

  it('reports a conflict and writes nothing when someone changed the ticket since it was read', async () => {
    const { fake, client, plan } = await ready();
    fake.failNext({ kind: 'stale' });
    const outcome = await applyPlan(client, plan);
    expect(outcome.kind).toBe('conflict');
    expect(outcome.steps[0]?.detail).toMatch(/409/u);
    expect(outcome.steps[1]?.status).toBe('skipped');
    expect(fake.writes().map((w) => w.origin)).toEqual(['concurrent-edit']);
    expect(notesWithKey(fake.comments(TICKET), plan)).toHaveLength(0);
  });

  it('waits out a 429 for the Retry-After seconds, then writes', async () => {
    vi.useFakeTimers();
    const { fake, client, plan } = await ready();
    fake.failNext({ match: (r) => r.method === 'PUT', status: 429, retryAfter: 2 });
    const outcome = applyPlan(client, plan);
    await vi.advanceTimersByTimeAsync(1999);
    expect(fake.writes()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect((await outcome).kind).toBe('done');
    expect(notesWithKey(fake.comments(TICKET), plan)).toHaveLength(1);
    expect(
      fake
        .requests()
        .filter((r) => r.method === 'PUT')
        .map((r) => r.status),
    ).toEqual([429, 200, 200]);
  });

  it('does not duplicate the note when the answer to the update was lost after it was applied', async () => {
    const { fake, client, plan } = await ready();
    fake.failNext({ kind: 'timeoutAfterApply', match: (r) => r.method === 'PUT' });
    const outcome = await applyPlan(client, plan);
    expect(outcome.kind).toBe('done');
    expect(outcome.steps[0]?.status).toBe('already_done');
    expect(notesWithKey(fake.comments(TICKET), plan)).toHaveLength(1);
    expect(replies(fake.comments(TICKET), plan)).toHaveLength(1);
    // It looked for its note instead of sending the update again: the lost PUT, then only the reply.
    expect(
      fake
        .requests()
        .filter((r) => r.method === 'PUT')
        .map((r) => r.status),
    ).toEqual([0, 200]);
  });

  it('says what landed when the reply fails, and a second confirm finishes without repeating the note', async () => {
    const { fake, client, plan } = await ready();
    let puts = 0;
    fake.failNext({
      match: (r) => r.method === 'PUT' && ++puts > 1,
      status: 422,
      description: 'Comment: body is invalid',
    });
    const first = await applyPlan(client, plan);
    expect(first.kind).toBe('failed');
    if (first.kind !== 'failed') return;
    expect(first.error).toMatch(
      /^Landed: the internal note and ticket changes\. Did not land: the customer message \(.*422/u,
    );
    expect(first.steps.map((s) => s.status)).toEqual(['done', 'failed']);

    const second = await applyPlan(client, plan);
    expect(second.kind).toBe('done');
    expect(second.steps.map((s) => s.status)).toEqual(['already_done', 'done']);
    expect(notesWithKey(fake.comments(TICKET), plan)).toHaveLength(1);
    expect(replies(fake.comments(TICKET), plan)).toHaveLength(1);
  });

  it('writes once when confirm is pressed twice while the first is still running', async () => {
    const { fake, client, plan } = await ready();
    fake.setLatency(5);
    const first = applyPlan(client, plan);
    const second = applyPlan(client, plan);
    expect(second).toBe(first);
    await Promise.all([first, second]);
    expect(fake.writes()).toHaveLength(2);
    expect(notesWithKey(fake.comments(TICKET), plan)).toHaveLength(1);
    // A third press after it finished checks what is there and writes nothing.
    const third = await applyPlan(client, plan);
    expect(third.steps.map((s) => s.status)).toEqual(['already_done', 'already_done']);
    expect(fake.writes()).toHaveLength(2);
  });

  it('hands Legal one linked ticket in its group when escalating to L2 and Legal', async () => {
    const { fake, client, plan } = await ready(['l2', 'legal']);
    const outcome = await applyPlan(client, plan);
    expect(outcome.kind).toBe('done');
    const created = fake.writes().filter((w) => w.method === 'POST');
    expect(created).toHaveLength(1);
    const linked = fake.ticket(created[0]?.ticketId ?? 0);
    expect(linked?.group_id).toBe(9005);
    expect(linked?.external_id).toBe(`${plan.escalationKey}:legal`);
    expect(linked?.description).toContain(`#${TICKET}`);
    expect(outcome.steps[2]).toMatchObject({ step: 'handoff', target: 'legal', status: 'done' });
    expect(fake.ticket(TICKET)?.group_id).toBe(9001);
  });

  it('does not create the linked ticket twice when the answer to its creation was lost', async () => {
    const { fake, client, plan } = await ready(['l2', 'legal']);
    fake.failNext({ kind: 'timeoutAfterApply', match: (r) => r.method === 'POST' });
    const outcome = await applyPlan(client, plan);
    expect(outcome.kind).toBe('done');
    expect(outcome.steps[2]?.status).toBe('already_done');
    expect(fake.writes().filter((w) => w.method === 'POST')).toHaveLength(1);
  });

  it('puts the message in the reply editor for delivery "editor", once', async () => {
    const { fake, client, plan } = await ready(['l2'], { message_delivery: 'editor' });
    expect((await applyPlan(client, plan)).kind).toBe('done');
    expect(client.editor).toEqual({ text: plan.customerMessage, type: 'publicReply' });
    expect(replies(fake.comments(TICKET), plan)).toHaveLength(0);
    const again = await applyPlan(client, plan);
    expect(again.steps[1]?.status).toBe('already_done');
    expect(client.editor.text).toBe(plan.customerMessage);
  });

  it('sends the reply again after a 409 from a concurrent request: nothing was applied, so once', async () => {
    const { fake, client, plan } = await ready(['l2', 'legal']);
    fake.failNext({ match: isReply, status: 409 });
    const pauses: number[] = [];
    const outcome = await applyPlan(client, plan, { sleep: (ms) => (pauses.push(ms), Promise.resolve()) });
    expect(outcome.kind).toBe('done');
    expect(outcome.steps.map((s) => s.status)).toEqual(['done', 'done', 'done']);
    expect(pauses).toEqual([1000]);
    expect(notesWithKey(fake.comments(TICKET), plan)).toHaveLength(1);
    expect(replies(fake.comments(TICKET), plan)).toHaveLength(1);
    expect(writeStatuses(fake)).toEqual([200, 409, 200, 201]);
  });

  it('creates the linked ticket again after a 409 on its POST, once', async () => {
    const { fake, client, plan } = await ready(['l2', 'legal']);
    fake.failNext({ match: (r) => r.method === 'POST', status: 409 });
    const outcome = await applyPlan(client, plan, { sleep: () => Promise.resolve() });
    expect(outcome.kind).toBe('done');
    expect(fake.writes().filter((w) => w.method === 'POST')).toHaveLength(1);
    expect(writeStatuses(fake)).toEqual([200, 200, 409, 201]);
  });

  it('stops after three 409s on the reply, says nothing was applied, and a retry finishes', async () => {
    const { fake, client, plan } = await ready(['l2', 'legal']);
    fake.failNext({ match: isReply, status: 409, times: 3 });
    const instant = { sleep: () => Promise.resolve() };
    const first = await applyPlan(client, plan, instant);
    expect(first.kind).toBe('failed');
    if (first.kind !== 'failed') return;
    expect(first.error).toContain('did not land after 3 attempts');
    expect(first.error).toContain('refused for another change to the ticket (409');
    expect(first.error).toContain('nothing was applied');
    expect(first.error).not.toContain('since it was read');
    expect(replies(fake.comments(TICKET), plan)).toHaveLength(0);
    const second = await applyPlan(client, plan, instant);
    expect(second.steps.map((s) => s.status)).toEqual(['already_done', 'done', 'done']);
    expect(notesWithKey(fake.comments(TICKET), plan)).toHaveLength(1);
    expect(replies(fake.comments(TICKET), plan)).toHaveLength(1);
  });

  it('continues, after the sidebar reloaded, an escalation stopped after its note: no second note', async () => {
    const { fake, client, plan, settings, now } = await ready(['l2', 'legal']);
    // The network goes down as the reply is sent; the sidebar is then reloaded with a fresh client.
    let down = false;
    fake.failNext({ kind: 'network', times: 100, match: (r) => (down ||= isReply(r)) });
    const instant = { sleep: () => Promise.resolve() };
    expect((await applyPlan(client, plan, instant)).kind).toBe('failed');
    fake.clearFaults();
    const reloaded = createFakeClient(fake, { ticketId: TICKET, settings: { ...GROUPS } });

    const again = await planFor(reloaded, settings, ['l2', 'legal'], now);
    const stamp = fake.ticket(TICKET)?.updated_at ?? '';
    // Planned afresh, the key would differ (the ticket's updated_at moved): the plan continues instead.
    expect(makeEscalationKey(TICKET, stamp, ['l2', 'legal'])).not.toBe(plan.escalationKey);
    expect(again.escalationKey).toBe(plan.escalationKey);
    expect(again.resumes).toBe(true);
    expect(again.warnings?.some((w) => w.includes(plan.escalationKey))).toBe(true);

    const outcome = await applyPlan(reloaded, again, instant);
    expect(outcome.steps.map((s) => s.status)).toEqual(['already_done', 'done', 'done']);
    expect(notesWithKey(fake.comments(TICKET), plan)).toHaveLength(1);
    expect(replies(fake.comments(TICKET), plan)).toHaveLength(1);
    expect(fake.writes().filter((w) => w.method === 'POST')).toHaveLength(1);
  });
});

describe('applyPlan after the sidebar reloaded', () => {
  it('does not send the reply again when the message, composed anew, reads differently', async () => {
    const { fake, client, plan, settings, now } = await ready(['l2', 'legal']);
    // Note and reply land; the network goes down as the linked ticket is created; the sidebar reloads.
    let down = false;
    fake.failNext({ kind: 'network', times: 100, match: (r) => (down ||= r.method === 'POST') });
    const instant = { sleep: () => Promise.resolve() };
    expect((await applyPlan(client, plan, instant)).kind).toBe('failed');
    fake.clearFaults();
    const reloaded = createFakeClient(fake, { ticketId: TICKET, settings: { ...GROUPS } });
    // Composed from the ticket as it is now, the message is signed differently.
    const again = await planFor(
      reloaded,
      settings,
      ['l2', 'legal'],
      now,
      'Hi Brenda, we are on it. [Agent Name]',
    );
    expect(again.resumes).toBe(true);
    const outcome = await applyPlan(reloaded, again, instant);
    expect(outcome.steps.map((s) => s.status)).toEqual(['already_done', 'already_done', 'done']);
    expect(fake.comments(TICKET).filter((c) => c.public && c.body.startsWith('Hi Brenda'))).toHaveLength(1);
    expect(fake.writes().filter((w) => w.method === 'POST')).toHaveLength(1);
  });
});

/** The reply step's request: a ticket PUT carrying a public comment. */
function isReply(request: FakeRequest): boolean {
  return request.method === 'PUT' && JSON.stringify(request.body).includes('"public":true');
}

/** The statuses of every write request, in order. */
function writeStatuses(fake: { requests(): readonly { method: string; status: number }[] }): number[] {
  return fake
    .requests()
    .filter((r) => r.method !== 'GET')
    .map((r) => r.status);
}
