import { describe, expect, it } from 'vitest';
import { decide, parseBundle } from '../engine';
import { buildPlan } from './plan';
import { escalationNote, firstBounce, parseFooter, type ReviewAudit } from './reviewHistory';
import { DEFAULT_SETTINGS } from './settings';
import { sharedCases } from './testkit';

/** A real confirm's note, from the plan the sidebar builds. */
function realNote(targets: ('l2' | 'legal' | 'carrier' | 'engineering')[], reason: string | null) {
  const { bundle } = sharedCases()[0] ?? { bundle: null };
  const parsed = parseBundle(bundle);
  if (!parsed.ok) throw new Error('the first shared case does not parse');
  const decision = decide(parsed.bundle);
  const plan = buildPlan({
    bundle: parsed.bundle,
    decision,
    choice: { targets, overrideReason: reason, note: 'Customer tried everything.', message: '' },
    settings: DEFAULT_SETTINGS,
    agent: { id: 77, name: 'Priya Shah' },
  });
  return {
    note: plan.internalNote,
    key: plan.escalationKey,
    suggested: decision.escalate ? decision.targets : [],
  };
}

describe('parseFooter', () => {
  it('reads what the sidebar writes: suggested, chosen, reason, who and the key', () => {
    const { note, key, suggested } = realNote(['legal', 'l2'], 'Legal asked for these; see the thread.');
    expect(parseFooter(note)).toEqual({
      suggested,
      chosen: ['legal', 'l2'],
      override: 'Legal asked for these; see the thread.',
      by: { id: 77, name: 'Priya Shah' },
      key,
    });
  });

  it('reads an agreed escalation without a reason line as no override', () => {
    const { suggested } = realNote(['carrier'], null);
    const { note } = realNote(suggested as ('l2' | 'legal' | 'carrier' | 'engineering')[], null);
    expect(parseFooter(note)?.override).toBeNull();
  });

  it('reads "no escalation" as nothing suggested', () => {
    const text = [
      '---',
      'Escalation Guide: suggested no escalation (held back: needs_more_info), would go to Carrier; chosen Carrier.',
      'Override reason: Waited five days already.',
      'Confirmed by Tom Becker (user 102).',
      'Escalation key: eg-1-abcdef01',
    ].join('\n');
    expect(parseFooter(text)).toMatchObject({
      suggested: [],
      chosen: ['carrier'],
      override: 'Waited five days already.',
    });
  });

  it('gives null for text without a complete footer or with a team it does not know', () => {
    expect(parseFooter('Escalating to L2, thanks')).toBeNull();
    expect(parseFooter('Escalation Guide: suggested L2 (Senior CS); chosen L2 (Senior CS).')).toBeNull();
    expect(
      parseFooter('Escalation Guide: suggested Billing; chosen L2 (Senior CS).\nEscalation key: eg-1-0'),
    ).toBeNull();
  });
});

const audit = (id: number, at: string, events: ReviewAudit['events'], author = 5): ReviewAudit => ({
  id,
  created_at: at,
  author_id: author,
  events,
});
const groupChange = (from: number | string | null, to: number | string | null) => ({
  type: 'Change',
  field_name: 'group_id',
  previous_value: from,
  value: to,
});

describe('firstBounce', () => {
  const teams = new Set([502]);
  it('finds the change from a team group to another group after the escalation', () => {
    const audits = [
      audit(1, '2025-09-01T10:00:00Z', [groupChange(100, 502)]),
      audit(2, '2025-09-02T10:00:00Z', [groupChange('502', '100')], 201),
    ];
    expect(firstBounce(audits, '2025-09-01T10:00:00Z', teams)).toEqual({
      at: '2025-09-02T10:00:00Z',
      byId: 201,
      fromGroupId: 502,
      toGroupId: 100,
    });
  });

  it('ignores the escalation itself, moves between chosen teams and anything before the escalation', () => {
    const audits = [
      audit(1, '2025-08-01T10:00:00Z', [groupChange(502, 100)]),
      audit(2, '2025-09-01T10:00:00Z', [groupChange(100, 502)]),
      audit(3, '2025-09-02T10:00:00Z', [groupChange(502, 505)]),
    ];
    expect(firstBounce(audits, '2025-09-01T10:00:00Z', new Set([502, 505]))).toBeNull();
  });

  it('counts clearing the group as sending it back', () => {
    const audits = [audit(2, '2025-09-02T10:00:00Z', [groupChange(502, null)])];
    expect(firstBounce(audits, '2025-09-01T10:00:00Z', teams)?.toGroupId).toBeNull();
  });
});

describe('escalationNote', () => {
  it('takes the newest note with a footer, with its time and author', () => {
    const { note } = realNote(['carrier'], 'Port confirmed by carrier.');
    const audits = [
      audit(1, '2025-09-01T10:00:00Z', [{ type: 'Comment', body: 'Hello' }]),
      audit(2, '2025-09-03T10:00:00Z', [{ type: 'Comment', body: note }], 77),
      audit(3, '2025-09-04T10:00:00Z', [{ type: 'Comment', body: 'Thanks, looking.' }], 201),
    ];
    expect(escalationNote(audits)).toMatchObject({ at: '2025-09-03T10:00:00Z', authorId: 77 });
    expect(escalationNote(audits.slice(0, 1))).toBeNull();
  });
});
