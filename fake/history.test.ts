import { describe, expect, it } from 'vitest';
import { createHistoryAccount, REVIEW_ACCOUNT } from './history';

const NOW = Date.parse('2025-09-30T12:00:00Z');
const TEAM_GROUPS = {
  trust_safety: { id: 501, name: 'Trust & Safety' },
  l2: { id: 502, name: 'Tier 2' },
  engineering: { id: 503, name: 'Engineering' },
  carrier: { id: 504, name: 'Carrier Relations' },
  legal: { id: 505, name: 'Legal' },
};

describe('the escalation history', () => {
  it('is the same for the same seed and clock', () => {
    const a = createHistoryAccount({ now: NOW, teamGroups: TEAM_GROUPS, escalations: 40, suggested: 5 });
    const b = createHistoryAccount({ now: NOW, teamGroups: TEAM_GROUPS, escalations: 40, suggested: 5 });
    expect(a.tickets).toEqual(b.tickets);
    const id = a.tickets[7]?.id ?? 0;
    expect(a.fake.audits(id)).toEqual(b.fake.audits(id));
  });

  it('writes an escalation as a confirm does: one audit with group, tags, record and note', () => {
    const { fake, tickets } = createHistoryAccount({ now: NOW, teamGroups: TEAM_GROUPS, escalations: 30 });
    const truth = tickets.find(
      (ticket) => ticket.source === 'record' && !ticket.bounced && !ticket.roundTrip,
    );
    if (truth === undefined) throw new Error('no plain escalation generated');
    const audits = fake.audits(truth.id);
    const confirm = audits.find((audit) => audit.created_at === truth.escalatedAt);
    const fields = confirm?.events.map((event) => (event.type === 'Change' ? event.field_name : event.type));
    expect(fields).toEqual(
      expect.arrayContaining(['Comment', 'group_id', 'tags', String(REVIEW_ACCOUNT.recordFieldId)]),
    );
    const ticket = fake.ticket(truth.id);
    const primary = truth.chosenTeams[0] ?? 'l2';
    expect(ticket?.group_id).toBe(TEAM_GROUPS[primary].id);
    expect(ticket?.tags).toContain(`escalated_${primary === 'trust_safety' ? 'ts' : primary}`);
  });

  it('sends bounced tickets back to the first line, after the escalation', () => {
    const { fake, tickets } = createHistoryAccount({ now: NOW, teamGroups: TEAM_GROUPS, escalations: 80 });
    const bounced = tickets.filter((ticket) => ticket.bounced);
    expect(bounced.length).toBeGreaterThan(0);
    for (const truth of bounced) {
      expect(fake.ticket(truth.id)?.group_id).toBe(REVIEW_ACCOUNT.frontlineGroup.id);
      const back = fake
        .audits(truth.id)
        .find((audit) =>
          audit.events.some(
            (event) =>
              event.type === 'Change' &&
              event.field_name === 'group_id' &&
              event.value === REVIEW_ACCOUNT.frontlineGroup.id,
          ),
        );
      expect(Date.parse(back?.created_at ?? '')).toBeGreaterThan(Date.parse(truth.escalatedAt ?? ''));
    }
  });

  it('leaves nothing in the write or request logs, and happens before the clock', () => {
    const { fake, tickets } = createHistoryAccount({
      now: NOW,
      teamGroups: TEAM_GROUPS,
      escalations: 20,
      older: 3,
      suggested: 4,
    });
    expect(fake.writes()).toEqual([]);
    expect(fake.requests()).toEqual([]);
    for (const ticket of tickets) expect(Date.parse(ticket.updatedAt)).toBeLessThan(NOW);
  });
});

describe('seedUpdate', () => {
  it('refuses history out of order and updates that change nothing', () => {
    const { fake, tickets } = createHistoryAccount({ now: NOW, teamGroups: TEAM_GROUPS, escalations: 1 });
    const id = tickets[0]?.id ?? 0;
    expect(() =>
      fake.seedUpdate(id, { status: 'pending' }, { at: '2020-01-01T00:00:00Z', authorId: 101 }),
    ).toThrow(/in order/u);
    const ticket = fake.ticket(id);
    expect(() =>
      fake.seedUpdate(id, { subject: ticket?.subject }, { at: new Date(NOW).toISOString(), authorId: 101 }),
    ).toThrow(/changes nothing/u);
    expect(() =>
      fake.seedUpdate(99, { status: 'open' }, { at: new Date(NOW).toISOString(), authorId: 1 }),
    ).toThrow(/not seeded/u);
  });
});
