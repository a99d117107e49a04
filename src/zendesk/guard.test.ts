import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decide, parseBundle, type Decision } from '../engine';
import {
  escalationOpen,
  guardSaves,
  judgeSave,
  recordSolveAnyway,
  SUGGESTED_TAG,
  type GuardContext,
  type SaveFacts,
  type SaveVerdict,
} from './guard';
import type { EscalationRecord } from './record';
import { DEFAULT_SETTINGS } from './settings';
import { CASES_DIR, harness } from './testkit';
import type { AppSettings, ZafClient } from './types';

const SETTINGS: AppSettings = { ...DEFAULT_SETTINGS, groups: { carrier: 9004, l2: 9001 } };
const RECORD: EscalationRecord = {
  v: 1,
  key: 'eg-1-abcdef01',
  at: '2026-03-10T12:00:00.000Z',
  by: { id: 7, name: 'Sam Lee' },
  suggested: ['carrier'],
  chosen: ['carrier'],
  override: null,
  urgency: 'medium',
  rules: ['port_in_rejected_3_plus'],
  followUp: { dueAt: '2026-03-13T12:00:00.000Z', hours: 72, sent: 0 },
};
const WITH_CARRIER: SaveFacts = { status: 'solved', groupId: 9004, tags: ['port_in', 'escalated_carrier'] };

function decisionOf(file: string): Decision {
  const parsed = parseBundle(JSON.parse(readFileSync(`${CASES_DIR}${file}`, 'utf8')));
  if (!parsed.ok) throw new Error(parsed.error);
  return decide(parsed.bundle);
}
const CRITICAL_TS = decisionOf('11-abusive-ex-account-takeover.json');
const CARRIER = decisionOf('01-port-in-rejected-four-times.json');
const NOTHING = decisionOf('14-wants-manager-over-40-charge.json');

const context = (over: Partial<GuardContext> = {}): GuardContext => ({
  record: null,
  decision: null,
  settings: SETTINGS,
  allowed: new Set(),
  ...over,
});

describe('escalationOpen', () => {
  it('is open while the ticket has the team tag and sits in its group', () => {
    expect(escalationOpen(RECORD, WITH_CARRIER, SETTINGS)).toBe(true);
  });
  it('is handed back when the group changed or the tag was removed', () => {
    expect(escalationOpen(RECORD, { ...WITH_CARRIER, groupId: 1234 }, SETTINGS)).toBe(false);
    expect(escalationOpen(RECORD, { ...WITH_CARRIER, tags: ['port_in'] }, SETTINGS)).toBe(false);
  });
  it('goes by the tag alone when no group is set for the team', () => {
    const noGroups = { ...SETTINGS, groups: {} };
    expect(escalationOpen(RECORD, { ...WITH_CARRIER, groupId: null }, noGroups)).toBe(true);
    expect(escalationOpen(RECORD, { ...WITH_CARRIER, tags: [] }, noGroups)).toBe(false);
  });
  it('is never open without a record', () => {
    expect(escalationOpen(null, WITH_CARRIER, SETTINGS)).toBe(false);
  });
});

describe('judgeSave', () => {
  it('blocks solving and closing an open escalation, and nothing else', () => {
    const verdict = judgeSave(WITH_CARRIER, context({ record: RECORD, decision: CARRIER }));
    expect(verdict).toEqual({
      kind: 'block',
      status: 'solved',
      reasons: [{ kind: 'open_escalation', record: RECORD, team: 'carrier' }],
    });
    expect(judgeSave({ ...WITH_CARRIER, status: 'closed' }, context({ record: RECORD }))).toMatchObject({
      kind: 'block',
      status: 'closed',
    });
    for (const status of ['open', 'pending', 'hold', null])
      expect(judgeSave({ ...WITH_CARRIER, status }, context({ record: RECORD }))).toEqual({ kind: 'allow' });
    expect(judgeSave({ ...WITH_CARRIER, groupId: 55 }, context({ record: RECORD }))).toEqual({
      kind: 'allow',
    });
  });

  it('blocks solving a critical Trust & Safety case, with the guide rows', () => {
    expect(CRITICAL_TS.urgency).toBe('critical');
    const verdict = judgeSave(
      { status: 'solved', groupId: null, tags: [] },
      context({ decision: CRITICAL_TS }),
    );
    expect(verdict.kind).toBe('block');
    if (verdict.kind !== 'block') return;
    expect(verdict.reasons).toHaveLength(1);
    expect(verdict.reasons[0]?.kind).toBe('critical_trust_safety');
    expect(verdict.reasons[0]).toMatchObject({
      rows: expect.arrayContaining([expect.any(String)]) as unknown,
    });
  });

  it('lets the save through once the agent chose to solve anyway', () => {
    const allowed = new Set(['solved']);
    expect(judgeSave(WITH_CARRIER, context({ record: RECORD, allowed }))).toEqual({ kind: 'allow' });
    expect(judgeSave({ ...WITH_CARRIER, status: 'closed' }, context({ record: RECORD, allowed })).kind).toBe(
      'block',
    );
  });

  it('warns when the guide says escalate and the ticket is saved without escalating', () => {
    const verdict = judgeSave(
      { status: 'pending', groupId: null, tags: ['port_in'] },
      context({ decision: CARRIER }),
    );
    expect(verdict).toEqual({
      kind: 'warn',
      teams: ['carrier'],
      rows: CARRIER.reasons.map((r) => r.guide_row),
    });
    // Escalated already (a record, or a team's tag): no warning.
    expect(judgeSave({ ...WITH_CARRIER, status: 'open' }, context({ decision: CARRIER })).kind).toBe('allow');
    expect(
      judgeSave({ status: 'open', groupId: null, tags: [] }, context({ decision: CARRIER, record: RECORD }))
        .kind,
    ).toBe('allow');
    // The guide says no escalation: nothing to warn about.
    expect(judgeSave({ status: 'solved', groupId: null, tags: [] }, context({ decision: NOTHING }))).toEqual({
      kind: 'allow',
    });
  });
});

/** The case in the fake with the `ticket.save` handler the guard registered, callable as Zendesk calls it. */
function guarded(ctx: GuardContext | null) {
  const file = JSON.parse(readFileSync(`${CASES_DIR}01-port-in-rejected-four-times.json`, 'utf8')) as {
    bundle: { now: string; ticket: { id: number } };
  };
  const h = harness(file.bundle, {});
  let hook: (() => unknown) | null = null;
  const client: ZafClient = {
    ...h.client,
    on: (event, handler) => {
      if (event === 'ticket.save') hook = handler;
      h.client.on(event, handler);
    },
  };
  const verdicts: SaveVerdict[] = [];
  const stop = guardSaves(client, {
    context: () => ctx,
    blockMessage: () => 'Blocked: see the app.',
    warnMessage: () => 'Escalation suggested.',
    onVerdict: (verdict) => verdicts.push(verdict),
  });
  const save = (): Promise<unknown> => {
    if (hook === null) return Promise.reject(new Error('no ticket.save handler'));
    return Promise.resolve(hook());
  };
  return { ...h, save, verdicts, stop };
}

describe('guardSaves', () => {
  it('rejects a blocked save with the short message and brings the app forward', async () => {
    const g = guarded(context({ decision: CRITICAL_TS }));
    await g.client.set('ticket.status', 'solved');
    await expect(g.save()).rejects.toThrow('Blocked: see the app.');
    expect(g.verdicts.map((v) => v.kind)).toEqual(['block']);
    expect(g.client.calls.invokes.map((i) => i.name)).toEqual(
      expect.arrayContaining(['appsTray.show', 'notify']),
    );
  });

  it('lets a warned save go ahead with the escalation_suggested tag added to the form first', async () => {
    const g = guarded(context({ decision: CARRIER }));
    await expect(g.save()).resolves.toBe(true);
    const tags = (await g.client.get('ticket.tags'))['ticket.tags'];
    expect(tags).toContain(SUGGESTED_TAG);
    expect(g.client.calls.invokes.filter((i) => i.name === 'notify').map((i) => i.args)).toEqual([
      ['Escalation suggested.', 'alert'],
    ]);
    // Nothing written by REST: the tag goes with the agent's own save.
    expect(g.fake.writes()).toEqual([]);
  });

  it('allows every save while the ticket is loading, and stops listening when asked', async () => {
    const g = guarded(null);
    await expect(g.save()).resolves.toBe(true);
    expect(g.verdicts).toEqual([]);
    expect(g.client.listenerCount('ticket.save')).toBe(1);
    g.stop();
    expect(g.client.listenerCount('ticket.save')).toBe(0);
  });
});

describe('recordSolveAnyway', () => {
  const input = (ticketId: number) => ({
    ticketId,
    agent: { id: 7, name: 'Sam Lee' },
    status: 'solved',
    reason: 'Customer confirmed Carrier fixed it by phone.',
    blockedBecause: ['The escalation to Carrier is still open.'],
  });

  it('adds one internal note with who and why, even on a double click and a lost answer', async () => {
    const g = guarded(null);
    g.fake.failNext({ kind: 'timeoutAfterApply', match: (r) => r.method === 'PUT' });
    const [a, b] = await Promise.all([
      recordSolveAnyway(g.client, input(g.ticketId)),
      recordSolveAnyway(g.client, input(g.ticketId)),
    ]);
    expect(a).toBe(b);
    expect(a.kind).toBe('done');
    const notes = g.fake
      .comments(g.ticketId)
      .filter((c) => !c.public && c.body.includes('set to solved anyway'));
    expect(notes).toHaveLength(1);
    expect(notes[0]?.body).toContain('by Sam Lee (user 7)');
    expect(notes[0]?.body).toContain('Reason given: Customer confirmed Carrier fixed it by phone.');
    expect(notes[0]?.body).toMatch(/Escalation key: eg-\d+-solve-[0-9a-f]{8}$/u);
    const again = await recordSolveAnyway(g.client, input(g.ticketId));
    expect(again).toMatchObject({ kind: 'done', step: { status: 'already_done' } });
    expect(g.fake.writes().filter((w) => w.origin === 'request')).toHaveLength(1);
  });

  it('refuses an empty reason and writes nothing', async () => {
    const g = guarded(null);
    const outcome = await recordSolveAnyway(g.client, { ...input(g.ticketId), reason: '   ' });
    expect(outcome).toMatchObject({
      kind: 'failed',
      error: expect.stringMatching(/^Give the reason/u) as unknown,
    });
    expect(g.fake.writes()).toEqual([]);
  });
});
