import { describe, expect, it } from 'vitest';
import type { LoadedEscalation, ReviewData } from '../zendesk/review';
import { buildReport, ruleStats } from './report';

const NOW = Date.parse('2025-09-30T12:00:00Z');

function escalation(over: Partial<LoadedEscalation> & { id: number }): LoadedEscalation {
  const { id, ...rest } = over;
  return {
    ticket: {
      id,
      subject: `Ticket ${id}`,
      status: 'open',
      groupId: 502,
      tags: [],
      createdAt: '2025-09-01T00:00:00Z',
      updatedAt: '2025-09-02T00:00:00Z',
    },
    source: 'record',
    recordProblem: null,
    key: `eg-${id}`,
    at: '2025-09-02T00:00:00Z',
    by: { id: 101, name: 'Priya Shah' },
    suggested: ['carrier'],
    chosen: ['carrier'],
    override: null,
    urgency: 'high',
    rules: ['port_in_rejected_3_plus'],
    followUp: { dueAt: '2025-09-05T00:00:00Z', hours: 72, sent: 0 },
    bounce: null,
    bounceKnown: true,
    ...rest,
  };
}

function data(escalations: LoadedEscalation[], over: Partial<ReviewData> = {}): ReviewData {
  return {
    period: { from: NOW - 30 * 86_400_000, to: NOW },
    escalations,
    unreadable: [],
    suggested: [],
    searches: {
      escalations: { count: escalations.length, capped: false },
      suggested: { count: 0, capped: false },
    },
    groupNames: { 100: 'Tier 1 Support', 502: 'Tier 2' },
    stats: { requests: 3, auditsRead: 0 },
    ...over,
  };
}

describe('ruleStats', () => {
  it('counts firings, acceptance of the rule’s routing and overrides with their reasons', () => {
    const stats = ruleStats([
      escalation({ id: 1 }),
      escalation({ id: 2, chosen: ['engineering'], override: 'Our provisioning, not the carrier.' }),
      escalation({ id: 3, chosen: ['carrier', 'legal'], override: 'Customer threatened to sue.' }),
      escalation({ id: 4, rules: ['legal_threat'], suggested: ['l2', 'legal'], chosen: ['l2', 'legal'] }),
    ]);
    expect(stats.find((stat) => stat.rule === 'port_in_rejected_3_plus')).toEqual({
      rule: 'port_in_rejected_3_plus',
      guideRow: expect.any(String) as string,
      fired: 3,
      routed: 3,
      accepted: 2,
      overrides: 2,
      reasons: ['Our provisioning, not the carrier.', 'Customer threatened to sue.'],
    });
    expect(stats.find((stat) => stat.rule === 'legal_threat')).toMatchObject({
      fired: 1,
      routed: 1,
      accepted: 1,
    });
  });

  it('counts a covered fallback rule and a held-back escalation as not routing', () => {
    const stats = ruleStats([
      escalation({ id: 1, rules: ['port_in_rejected_3_plus', 'persists_after_troubleshooting'] }),
      escalation({ id: 2, suggested: [], chosen: ['carrier'], override: 'Waited five days.' }),
    ]);
    expect(stats.find((stat) => stat.rule === 'persists_after_troubleshooting')).toMatchObject({
      fired: 1,
      routed: 0,
      accepted: 0,
    });
    expect(stats.find((stat) => stat.rule === 'port_in_rejected_3_plus')).toMatchObject({
      fired: 2,
      routed: 1,
      accepted: 1,
      overrides: 1,
    });
  });

  it('leaves escalations read from notes (rules unknown) out of the rule table', () => {
    expect(ruleStats([escalation({ id: 1, rules: null })])).toEqual([]);
  });
});

describe('buildReport', () => {
  it('marks overrides, bounces and overdue follow-ups, and solved tickets as done', () => {
    const report = buildReport(
      data([
        escalation({ id: 1 }),
        escalation({
          id: 2,
          bounce: { at: '2025-09-03T00:00:00Z', byId: 201, fromGroupId: 502, toGroupId: 100 },
        }),
        escalation({ id: 3, chosen: ['l2'], override: 'Partner account.' }),
        escalation({ id: 4, followUp: { dueAt: '2025-10-30T00:00:00Z', hours: 72, sent: 0 } }),
        escalation({ id: 5, ticket: { ...escalation({ id: 5 }).ticket, status: 'solved' } }),
      ]),
      NOW,
    );
    const byId = new Map(report.rows.map((row) => [row.ticketId, row]));
    expect(byId.get(2)?.bounce).toEqual({ at: '2025-09-03T00:00:00Z', toGroup: 'Tier 1 Support' });
    expect(byId.get(3)?.overridden).toBe(true);
    expect(byId.get(1)?.followUp).toBe('overdue');
    expect(byId.get(4)?.followUp).toBe('due');
    expect(byId.get(5)?.followUp).toBe('done');
    expect(report.totals).toEqual({ escalations: 5, overridden: 1, bounced: 1, overdue: 3, suggested: 0 });
    expect(report.warnings).toEqual([]);
  });

  it('says clearly when search capped the results, and how to narrow the period', () => {
    const report = buildReport(
      data([escalation({ id: 1 })], {
        searches: { escalations: { count: 1840, capped: true }, suggested: { count: 0, capped: false } },
      }),
      NOW,
    );
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toMatch(/1840 escalated tickets/u);
    expect(report.warnings[0]).toMatch(/only the first 1,000/u);
    expect(report.warnings[0]).toMatch(/shorter period/u);
  });
});
