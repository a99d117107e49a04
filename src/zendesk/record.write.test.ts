/**
 * What a confirm writes for the follow-up: the escalation record and the follow-up date in the one safe
 * update (when their fields are set), the follow-up in the note always, and `slo_at_risk` on every path.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decide, parseBundle, type Bundle, type Target } from '../engine';
import { buildPlan, type PlanChoice } from './plan';
import { parseRecord } from './record';
import { DEFAULT_SETTINGS } from './settings';
import { CASES_DIR, harness } from './testkit';
import type { AppSettings } from './types';
import { applyPlan } from './writer';
import { loadTicket } from './loader';

const AGENT = { id: 21937465350021, name: 'Tomasz Nowak' };
const NOW = '2026-03-10T12:00:00.000Z';
const RECORD_FIELD = 27493018470002;
const DATE_FIELD = 27493018470001;
const TRACKED: AppSettings = {
  ...DEFAULT_SETTINGS,
  groups: { l2: 9001, carrier: 9004, trust_safety: 9003 },
  recordFieldId: RECORD_FIELD,
  followUpFieldId: DATE_FIELD,
};

function caseFile(name: string) {
  return JSON.parse(readFileSync(`${CASES_DIR}${name}`, 'utf8')) as {
    bundle: { now: string; ticket: { id: number }; settings?: unknown };
  };
}
function bundleOf(name: string, dir = CASES_DIR): Bundle {
  const parsed = parseBundle(JSON.parse(readFileSync(`${dir}${name}`, 'utf8')));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.bundle;
}
const OWN_CASES = new URL('../../cases/', import.meta.url).pathname;

function plan(bundle: Bundle, targets?: Target[], settings = TRACKED, overrideReason: string | null = null) {
  const decision = decide(bundle);
  const choice: PlanChoice = {
    targets: targets ?? decision.targets,
    overrideReason,
    note: 'Note.',
    message: '',
  };
  return buildPlan({ bundle, decision, choice, settings, agent: AGENT, now: NOW });
}

describe('the record in the write plan', () => {
  it('records suggested and chosen teams, urgency, rules, who and when, and the follow-up', () => {
    const p = plan(bundleOf('01-port-in-rejected-four-times.json'));
    expect(p.record).toEqual({
      fieldId: RECORD_FIELD,
      value: {
        v: 1,
        key: p.escalationKey,
        at: NOW,
        by: AGENT,
        suggested: ['carrier'],
        chosen: ['carrier'],
        override: null,
        urgency: 'medium',
        rules: ['port_in_rejected_3_plus'],
        followUp: { dueAt: '2026-03-13T12:00:00.000Z', hours: 72, sent: 0 },
      },
    });
    expect(p.followUpDate).toEqual({ fieldId: DATE_FIELD, value: '2026-03-13' });
    expect(p.followUpDueAt).toBe('2026-03-13T12:00:00.000Z');
    expect(p.trackingOff).toBeNull();
    expect(p.internalNote).toContain('Follow up with Carrier by 2026-03-13 12:00 UTC (72 h).');
  });

  it('records an override with its reason, and the shortest interval of several teams', () => {
    const p = plan(bundleOf('01-port-in-rejected-four-times.json'), ['l2', 'carrier'], TRACKED, 'VIP');
    expect(p.record?.value).toMatchObject({
      suggested: ['carrier'],
      chosen: ['l2', 'carrier'],
      override: 'VIP',
      followUp: { hours: 24, dueAt: '2026-03-11T12:00:00.000Z', sent: 0 },
    });
    expect(p.followUpHours).toBe(24);
  });

  it('records a non-escalation as nothing suggested', () => {
    const p = plan(bundleOf('23-stuck_over_72h-near-miss.json', OWN_CASES), ['l2'], TRACKED, 'Asked twice.');
    expect(p.record?.value).toMatchObject({ suggested: [], chosen: ['l2'], override: 'Asked twice.' });
  });

  it('without the fields still escalates, keeps the follow-up in the note and says which setting to set', () => {
    const bundle = bundleOf('01-port-in-rejected-four-times.json');
    const off = plan(bundle, undefined, { ...TRACKED, recordFieldId: null, followUpFieldId: null });
    expect(off.record).toBeNull();
    expect(off.followUpDate).toBeNull();
    expect(off.internalNote).toContain('Follow up with Carrier by 2026-03-13 12:00 UTC (72 h).');
    expect(off.trackingOff).toMatch(
      /only in the internal note\. Set record_field_id \(and follow_up_field_id/u,
    );
    expect(off.warnings).toEqual([]);
    const dateOnly = plan(bundle, undefined, { ...TRACKED, followUpFieldId: null });
    expect(dateOnly.record).not.toBeNull();
    expect(dateOnly.trackingOff).toMatch(/^Set follow_up_field_id /u);
  });
});

describe('slo_at_risk on every path', () => {
  const slo = (tags: readonly string[]) => tags.includes('slo_at_risk');

  it('is added when the customer has waited more than slo_risk_hours, whatever the agent chose', () => {
    const stuck = bundleOf('03-suspension-appeal-60h.json'); // 60 h, Trust & Safety suggested
    expect(decide(stuck).tags).toContain('slo_at_risk');
    expect(slo(plan(stuck).additionalTags)).toBe(true);
    expect(slo(plan(stuck, ['l2'], TRACKED, 'Billing, not an appeal.').additionalTags)).toBe(true);
    const notEscalated = bundleOf('23-stuck_over_72h-near-miss.json', OWN_CASES); // 60 h, no rule
    expect(decide(notEscalated).escalate).toBe(false);
    expect(slo(plan(notEscalated, ['l2'], TRACKED, 'Asked twice.').additionalTags)).toBe(true);
  });

  it('is not added at or under the threshold, and follows a changed threshold', () => {
    const fresh = bundleOf('01-port-in-rejected-four-times.json'); // 38.5 h
    expect(slo(plan(fresh).additionalTags)).toBe(false);
    expect(slo(plan(fresh, ['l2'], TRACKED, 'x').additionalTags)).toBe(false);
    const stricter = { ...fresh, settings: { ...fresh.settings, slo_risk_hours: 24 } };
    expect(slo(plan(stricter).additionalTags)).toBe(true);
    expect(slo(plan(stricter, ['l2'], TRACKED, 'x').additionalTags)).toBe(true);
  });
});

describe('the record on the ticket', () => {
  it('lands with the note in the one safe update, once, and the loader reads it back', async () => {
    const file = caseFile('01-port-in-rejected-four-times.json');
    const settings = {
      carrier_group_id: '9004',
      record_field_id: String(RECORD_FIELD),
      follow_up_field_id: String(DATE_FIELD),
    };
    const h = harness(file.bundle, { settings, fake: { groups: [{ id: 9004, name: 'Carrier' }] } });
    const first = await loadTicket(h.client, h.settings, {}, { now: new Date(file.bundle.now) });
    expect(first.record).toBeNull();
    const p = buildPlan({
      bundle: first.bundle,
      decision: decide(first.bundle),
      choice: { targets: ['carrier'], overrideReason: null, note: 'N', message: '' },
      settings: h.settings,
      agent: AGENT,
      now: file.bundle.now,
    });
    h.fake.failNext({ kind: 'timeoutAfterApply', match: (r) => r.method === 'PUT' });
    const outcome = await applyPlan(h.client, p);
    expect(outcome.kind).toBe('done');
    expect(outcome.steps[0]?.detail).toContain('escalation record, follow-up date');
    const puts = h.fake.writes().filter((w) => w.method === 'PUT');
    expect(puts).toHaveLength(1);
    const stored = h.fake.ticket(h.ticketId)?.custom_fields ?? [];
    const recordText = stored.find((f) => f.id === RECORD_FIELD)?.value;
    expect(parseRecord(recordText)).toEqual({ record: p.record?.value });
    expect(stored.find((f) => f.id === DATE_FIELD)?.value).toBe(p.followUpDate?.value);

    const again = await loadTicket(h.client, h.settings, {}, { now: new Date(file.bundle.now) });
    expect(again.record).toEqual({ record: p.record?.value });
  });

  it('says nothing about follow-ups without a record field, and names a broken record', async () => {
    const file = caseFile('01-port-in-rejected-four-times.json');
    const bare = harness(file.bundle, {});
    expect((await loadTicket(bare.client, bare.settings, {})).record).toBeNull();
    const broken = harness(file.bundle, { settings: { record_field_id: String(RECORD_FIELD) } });
    broken.fake.simulateConcurrentEdit(broken.ticketId, {
      custom_fields: [{ id: RECORD_FIELD, value: '{"v":1,"key":' }],
    });
    expect((await loadTicket(broken.client, broken.settings, {})).record).toEqual({
      problem: 'the escalation record is not valid JSON',
    });
  });
});
