import { describe, expect, it } from 'vitest';
import { decide, parseBundle, type Bundle, type Decision } from '../engine';
import { outageBundle } from '../../fake/fixtures';
import { buildPlan, makeEscalationKey, type PlanChoice } from './plan';
import { DEFAULT_SETTINGS } from './settings';
import type { AppSettings } from './types';

const AGENT = { id: 21937465350021, name: 'Tomasz Nowak' };
const SETTINGS: AppSettings = { ...DEFAULT_SETTINGS, groups: { l2: 9001, engineering: 9002, legal: 9005 } };

function fixture(): { bundle: Bundle; decision: Decision } {
  const parsed = parseBundle(outageBundle(17));
  if (!parsed.ok) throw new Error(parsed.error);
  // 17 others plus this customer: the widespread outage, which the guide sends to Engineering.
  const bundle = { ...parsed.bundle, similar_recent_tickets: 17 };
  return { bundle, decision: decide(bundle) };
}

function choice(overrides: Partial<PlanChoice> = {}): PlanChoice {
  return {
    targets: ['engineering'],
    overrideReason: null,
    note: 'Outage note.',
    message: 'Hello Brenda.',
    ...overrides,
  };
}

describe('buildPlan', () => {
  it('follows the suggestion: group of the first team, unassign, status open, note with footer and key', () => {
    const { bundle, decision } = fixture();
    expect(decision.escalate).toBe(true);
    const plan = buildPlan({
      bundle,
      decision,
      choice: choice({ targets: decision.targets }),
      settings: SETTINGS,
      agent: AGENT,
    });
    expect(plan.ticketId).toBe(433871);
    expect(plan.updatedStamp).toBe('2025-08-20T22:49:00Z');
    expect(plan.groupId).toBe(SETTINGS.groups[decision.targets[0] ?? 'l2']);
    expect(plan.assigneeId).toBeNull();
    expect(plan.status).toBe('open');
    expect(plan.customStatusId).toBeNull();
    expect(plan.escalationKey).toMatch(/^eg-433871-[0-9a-f]{8}$/u);
    expect(plan.internalNote.startsWith('Outage note.\n\n---\n')).toBe(true);
    expect(plan.internalNote).toContain(`Escalation key: ${plan.escalationKey}`);
    expect(plan.internalNote).toContain('Confirmed by Tomasz Nowak');
    expect(plan.internalNote).not.toContain('Override reason');
    expect(plan.customerMessage).toBe('Hello Brenda.');
    expect(plan.messageDelivery).toBe('post');
  });

  it('adds tags without repeating the ticket’s own, recomputed for the chosen teams', () => {
    const { bundle, decision } = fixture();
    const tagged = {
      ...bundle,
      ticket: { ...bundle.ticket, tags: [...(bundle.ticket.tags ?? []), 'escalated_legal'] },
    };
    const plan = buildPlan({
      bundle: tagged,
      decision,
      choice: choice({ targets: ['l2', 'legal'], overrideReason: 'Customer mentions a lawyer.' }),
      settings: SETTINGS,
      agent: AGENT,
    });
    expect(plan.additionalTags).toContain('escalated_l2');
    expect(plan.additionalTags).not.toContain('escalated_legal'); // already on the ticket
    expect(plan.additionalTags).not.toContain('escalated_engineering'); // suggested but not chosen
    expect(plan.additionalTags).not.toContain('no_service'); // existing tags are never re-sent
    if (decision.urgency === 'critical') expect(plan.additionalTags).toContain('priority_high');
  });

  it('records an override: what was suggested, what was chosen and why', () => {
    const { bundle, decision } = fixture();
    const plan = buildPlan({
      bundle,
      decision,
      choice: choice({ targets: ['l2', 'legal'], overrideReason: 'Customer mentions a lawyer.' }),
      settings: SETTINGS,
      agent: AGENT,
    });
    expect(decision.targets).toEqual(['engineering', 'carrier']);
    expect(plan.internalNote).toContain('suggested Engineering, Carrier; chosen L2 (Senior CS), Legal.');
    expect(plan.internalNote).toContain('Override reason: Customer mentions a lawyer.');
    expect(plan.warnings).toEqual([]);
  });

  it('warns when an override has no reason, and when a chosen team has no group', () => {
    const { bundle, decision } = fixture();
    const plan = buildPlan({
      bundle,
      decision,
      choice: choice({ targets: ['carrier', 'trust_safety'] }),
      settings: SETTINGS,
      agent: AGENT,
    });
    expect(plan.groupId).toBeNull();
    expect(plan.internalNote).toContain('Override reason: (none given)');
    expect(plan.warnings).toHaveLength(3);
    expect(plan.warnings?.[1]).toMatch(/No group is set for Carrier \(setting carrier_group_id\)/u);
    expect(plan.warnings?.[2]).toMatch(/Trust & Safety.*no linked ticket/u);
    expect(plan.handoffs[0]?.groupId).toBeNull();
  });

  it('keeps the assignee and uses the custom Escalated status when configured', () => {
    const { bundle, decision } = fixture();
    const plan = buildPlan({
      bundle,
      decision,
      choice: choice(),
      settings: { ...SETTINGS, keepAssignee: true, escalatedStatusId: 360000123, messageDelivery: 'editor' },
      agent: AGENT,
    });
    expect(plan.assigneeId).toBe('keep');
    expect(plan.customStatusId).toBe(360000123);
    expect(plan.messageDelivery).toBe('editor');
  });

  it('hands each further team a linked ticket in its group that names the original ticket', () => {
    const { bundle, decision } = fixture();
    const plan = buildPlan({
      bundle,
      decision,
      choice: choice({ targets: ['l2', 'legal', 'engineering'], overrideReason: 'both' }),
      settings: SETTINGS,
      agent: AGENT,
    });
    expect(plan.handoffs.map((h) => [h.target, h.groupId])).toEqual([
      ['legal', 9005],
      ['engineering', 9002],
    ]);
    expect(plan.handoffs[0]?.body).toContain('#433871');
    expect(plan.handoffs[0]?.body).toContain(plan.escalationKey);
    expect(plan.handoffs[0]?.subject).toMatch(/^Escalation handoff to Legal: ticket #433871/u);
    expect(plan.followUpHours).toBe(24); // L2 and Legal 24 h, Engineering 48 h: the shortest
  });

  it('derives the key from ticket, stamp and teams only', () => {
    expect(makeEscalationKey(1, '2025-01-01T00:00:00Z', ['l2'])).toBe(
      makeEscalationKey(1, '2025-01-01T00:00:00.000Z', ['l2']),
    );
    expect(makeEscalationKey(1, '2025-01-01T00:00:00Z', ['l2'])).not.toBe(
      makeEscalationKey(1, '2025-01-01T00:00:01Z', ['l2']),
    );
    expect(makeEscalationKey(1, '2025-01-01T00:00:00Z', ['l2'])).not.toBe(
      makeEscalationKey(1, '2025-01-01T00:00:00Z', ['legal']),
    );
  });

  it('refuses a plan without a team', () => {
    const { bundle, decision } = fixture();
    expect(() =>
      buildPlan({ bundle, decision, choice: choice({ targets: [] }), settings: SETTINGS, agent: AGENT }),
    ).toThrow(/at least one team/u);
  });
});
