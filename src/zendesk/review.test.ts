import { describe, expect, it } from 'vitest';
import { createFakeClient } from '../../fake/client';
import { createHistoryAccount, type HistoryTicket } from '../../fake/history';
import type { Target } from '../engine';
import { escalationQuery, loadReview, suggestedQuery, type ReviewPeriod } from './review';
import { parseSettings } from './settings';

const NOW = Date.parse('2025-09-30T12:00:00Z');
const DAY = 86_400_000;
const TEAM_GROUPS: Record<Target, { id: number; name: string }> = {
  trust_safety: { id: 501, name: 'Trust & Safety' },
  l2: { id: 502, name: 'Tier 2' },
  engineering: { id: 503, name: 'Engineering' },
  carrier: { id: 504, name: 'Carrier Relations' },
  legal: { id: 505, name: 'Legal' },
};
const LAST_30: ReviewPeriod = { from: NOW - 30 * DAY, to: NOW };

function account(
  escalations: number,
  extra: { older?: number; suggested?: number; latencyMs?: number } = {},
) {
  const { fake, tickets, settings } = createHistoryAccount({
    now: NOW,
    teamGroups: TEAM_GROUPS,
    escalations,
    older: extra.older ?? 0,
    suggested: extra.suggested ?? 0,
    fake: {
      latencyMs: extra.latencyMs ?? 0,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 2))),
    },
  });
  const client = createFakeClient(fake, { settings, location: 'nav_bar' });
  return { fake, tickets, client, settings: parseSettings(settings).settings };
}

const inPeriod = (ticket: HistoryTicket, period: ReviewPeriod) =>
  ticket.escalatedAt !== null &&
  Date.parse(ticket.escalatedAt) >= period.from &&
  Date.parse(ticket.escalatedAt) < period.to;

const noWait = { sleep: () => Promise.resolve() };

// Some tests seed a thousand tickets: generous time on a busy machine.
describe('loadReview', { timeout: 30_000 }, () => {
  it('finds every escalation of the period, its routing and its bounce, as the history wrote them', async () => {
    const { tickets, client, settings, fake } = account(160, { older: 12, suggested: 14 });
    const data = await loadReview(client, settings, LAST_30, { now: NOW, ...noWait });

    const expected = tickets.filter((ticket) => ticket.kind === 'escalated' && inPeriod(ticket, LAST_30));
    expect(data.escalations.map((row) => row.ticket.id).sort()).toEqual(expected.map((t) => t.id).sort());
    const byId = new Map(data.escalations.map((row) => [row.ticket.id, row]));
    for (const truth of expected) {
      const row = byId.get(truth.id);
      expect(row?.chosen, `ticket ${truth.id}`).toEqual(truth.chosenTeams);
      expect(row?.suggested, `ticket ${truth.id}`).toEqual(truth.suggestedTeams);
      expect(row?.override, `ticket ${truth.id}`).toBe(truth.overrideReason);
      expect(row?.bounce !== null, `ticket ${truth.id} bounced`).toBe(truth.bounced);
      expect(row?.by?.name).toBe(truth.agentName);
      expect(row?.source).toBe(truth.source === 'record' ? 'record' : 'note');
    }
    // The history holds bounces, round trips and record-less escalations, or this test proves little.
    expect(expected.filter((t) => t.bounced).length).toBeGreaterThan(3);
    expect(expected.some((t) => t.roundTrip)).toBe(true);
    expect(expected.some((t) => t.source !== 'record')).toBe(true);

    const manual = tickets.filter(
      (ticket) => ticket.source === 'manual' && Date.parse(ticket.updatedAt) >= LAST_30.from,
    );
    expect(data.unreadable.map((item) => item.ticket.id).sort()).toEqual(manual.map((t) => t.id).sort());
    expect(data.unreadable.length).toBeGreaterThan(0);
    expect(
      data.suggested.map((ticket) => ticket.id).sort(),
      'open, tagged escalation_suggested, not escalated',
    ).toEqual(
      tickets
        .filter((ticket) => ticket.kind === 'suggested' && ticket.open)
        .map((ticket) => ticket.id)
        .sort(),
    );

    // Audits only where they add something: far fewer than one per escalation.
    const audited = fake.requests().filter((request) => request.url.includes('/audits'));
    expect(data.stats.auditsRead).toBe(audited.length);
    expect(audited.length).toBeLessThan(expected.length / 3);
    expect(data.stats.requests).toBe(fake.requests().length);
  });

  it('pages through search results past 100, in pages of 100', async () => {
    const { client, settings, fake } = account(250);
    const data = await loadReview(client, settings, LAST_30, { now: NOW, ...noWait });
    expect(data.escalations.length + data.unreadable.length).toBe(250);
    const pages = fake
      .requests()
      .filter((request) => request.url.startsWith('/api/v2/search'))
      .map((request) => new URL(request.url, 'https://x.invalid').searchParams)
      .filter((query) => !(query.get('query') ?? '').includes('escalation_suggested'));
    expect(pages.map((query) => query.get('page')).sort()).toEqual(['1', '2', '3']);
    expect(pages.every((query) => query.get('per_page') === '100')).toBe(true);
  });

  it('says when Zendesk capped the search at 1,000 results, and reads the 1,000 it hands out', async () => {
    const { client, settings, fake } = account(1040);
    const data = await loadReview(client, settings, LAST_30, { now: NOW, ...noWait });
    expect(data.searches.escalations).toEqual({ count: 1040, capped: true });
    expect(data.escalations.length + data.unreadable.length).toBeLessThanOrEqual(1000);
    expect(data.escalations.length + data.unreadable.length).toBeGreaterThan(950);
    // Never asks for the 11th page, which Zendesk refuses.
    expect(fake.requests().every((request) => request.status < 400)).toBe(true);
  });

  it('waits out a 429 with Retry-After and still loads everything', async () => {
    const { client, settings, fake } = account(40);
    const waits: number[] = [];
    fake.failNext({ status: 429, retryAfter: 7, match: /\/api\/v2\/search/u });
    const data = await loadReview(client, settings, LAST_30, {
      now: NOW,
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    });
    expect(waits).toEqual([7000]);
    expect(fake.requests().filter((request) => request.status === 429)).toHaveLength(1);
    expect(data.escalations.length + data.unreadable.length).toBe(40);
  });

  it('keeps at most `concurrency` requests in flight, and uses them', async () => {
    const { client, settings } = account(300, { latencyMs: 5 });
    let inFlight = 0;
    let most = 0;
    const counting = {
      ...client,
      request: async <T>(options: Parameters<typeof client.request>[0]): Promise<T> => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        try {
          return await client.request<T>(options);
        } finally {
          inFlight -= 1;
        }
      },
    };
    await loadReview(counting, settings, LAST_30, { now: NOW, concurrency: 3, ...noWait });
    // Two searches and the group list start together; each then keeps at most 3 pages or audits going.
    expect(most).toBeLessThanOrEqual(3 * 2 + 1);
    expect(most).toBeGreaterThan(1);
  });

  it('keeps to the period: an older escalation touched recently is left out', async () => {
    const { tickets, client, settings } = account(60, { older: 10 });
    const lastWeek: ReviewPeriod = { from: NOW - 7 * DAY, to: NOW };
    const data = await loadReview(client, settings, lastWeek, { now: NOW, ...noWait });
    const expected = tickets.filter((ticket) => ticket.kind === 'escalated' && inPeriod(ticket, lastWeek));
    expect(data.escalations.map((row) => row.ticket.id).sort()).toEqual(expected.map((t) => t.id).sort());
    expect(expected.length).toBeLessThan(60);
  });
});

describe('the review searches', () => {
  it('ask for any escalation tag, and for open suggested tickets without one, since the period began', () => {
    const period = { from: Date.parse('2025-09-01T00:00:00Z'), to: Date.parse('2025-09-08T00:00:00Z') };
    expect(escalationQuery(period, NOW)).toBe(
      'type:ticket tags:escalated_ts tags:escalated_l2 tags:escalated_engineering tags:escalated_carrier tags:escalated_legal updated>2025-08-31T23:59:59Z created<2025-09-08T00:00:00Z',
    );
    expect(suggestedQuery(LAST_30, NOW)).toBe(
      'type:ticket tags:escalation_suggested status<solved -tags:escalated_ts -tags:escalated_l2 -tags:escalated_engineering -tags:escalated_carrier -tags:escalated_legal updated>2025-08-31T11:59:59Z',
    );
  });
});
