import { describe, expect, it } from 'vitest';
import { decide, parseBundle } from '../engine';
import { CATEGORY_FIELD_ID, FIXTURE_IDS, FIXTURE_NOW, outageBundle } from '../../fake/fixtures';
import type { ZafClient } from './types';
import { loadTicket, LoadError } from './loader';
import { harness, sharedCases } from './testkit';

const NOW = new Date(FIXTURE_NOW);

function outage(similar = 0) {
  return outageBundle(similar) as ReturnType<typeof outageBundle> & { now: string; ticket: { id: number } };
}

/** The outage fixture with `count` comments, alternating customer and agent, a minute apart. */
function withComments(count: number, extraAuthorOnLast?: number) {
  const base = outage();
  const start = Date.parse('2025-08-19T00:00:00Z');
  return {
    ...base,
    comments: Array.from({ length: count }, (_, index) => ({
      id: 5_000_000 + index * 7,
      author_id:
        index === count - 1 && extraAuthorOnLast !== undefined
          ? extraAuthorOnLast
          : index % 2 === 0
            ? FIXTURE_IDS.requester
            : FIXTURE_IDS.agent,
      body: `comment number ${index}`,
      public: index % 3 !== 0,
      created_at: new Date(start + index * 60_000).toISOString(),
    })),
    users: [
      ...(base.users ?? []),
      ...(extraAuthorOnLast === undefined
        ? []
        : [{ id: extraAuthorOnLast, name: 'Third Person', role: 'agent' }]),
    ],
  };
}

describe('loadTicket against the shared cases', () => {
  for (const { file, bundle } of sharedCases()) {
    it(`decides ${file} as the case itself does`, async () => {
      const { client, settings } = harness(bundle);
      const checklist = bundle.agent_checklist as Parameters<typeof loadTicket>[2];
      const loaded = await loadTicket(client, settings, checklist, { now: new Date(bundle.now) });
      const expected = parseBundle(bundle);
      if (!expected.ok) throw new Error(expected.error);
      const fromZendesk = decide(loaded.bundle);
      const fromCase = decide(expected.bundle);
      expect(loaded.warnings).toEqual([]);
      expect(fromZendesk.escalate).toBe(fromCase.escalate);
      expect(fromZendesk.targets).toEqual(fromCase.targets);
      expect(fromZendesk.urgency).toBe(fromCase.urgency);
      expect(fromZendesk.tags).toEqual(fromCase.tags);
      expect(fromZendesk.blockers.map((b) => b.id)).toEqual(fromCase.blockers.map((b) => b.id));
      expect(loaded.bundle.comments?.map((c) => c.id)).toEqual(expected.bundle.comments?.map((c) => c.id));
    });
  }

  it('counts the other similar tickets, not this one, for the 17-ticket outage', async () => {
    const outageCase = sharedCases().find((c) => c.file.startsWith('08-'));
    if (outageCase === undefined) throw new Error('case 08 is missing');
    const { client, settings } = harness(outageCase.bundle);
    const loaded = await loadTicket(client, settings, {}, { now: new Date(outageCase.bundle.now) });
    expect(loaded.bundle.similar_recent_tickets).toBe(17);
  });
});

describe('loadTicket round trips', () => {
  it('needs two sequential round trips for a small ticket whose authors are requester and assignee', async () => {
    const { client, settings } = harness(outage(3));
    const { bundle, stats } = await loadTicket(client, settings, { info_complete: true }, { now: NOW });
    // The host get, then ticket + comments + users + requested tickets + search count all at once.
    expect(stats).toEqual({ sequentialRoundTrips: 2, requests: 5 });
    expect(client.calls.gets).toHaveLength(1);
    expect(bundle.similar_recent_tickets).toBe(3);
    expect(bundle.users?.map((u) => u.id).sort()).toEqual([FIXTURE_IDS.agent, FIXTURE_IDS.requester].sort());
    expect(bundle.agent_checklist).toEqual({ info_complete: true });
    expect(bundle.now).toBe(NOW.toISOString());
    expect(bundle.settings?.category_field_id).toBe(CATEGORY_FIELD_ID);
  });

  it('reads 1,000 comments in order over ten pages, fetching their authors as the pages arrive', async () => {
    const { client, settings } = harness(withComments(1000));
    const { bundle, stats } = await loadTicket(client, settings, {}, { now: NOW });
    expect(bundle.comments).toHaveLength(1000);
    expect(bundle.comments?.map((c) => c.id)).toEqual(
      Array.from({ length: 1000 }, (_, i) => 5_000_000 + i * 7),
    );
    expect(bundle.comments?.[999]?.body).toBe('comment number 999');
    // Host get + ten pages one after another; everything else rides alongside the first page.
    expect(stats.sequentialRoundTrips).toBe(11);
    const pages = client.calls.requests.filter((r) => r.url.includes('/comments.json'));
    expect(pages).toHaveLength(10);
    expect(pages.every((r) => r.url.includes('page%5Bsize%5D=100') || r.url.includes('page[size]=100'))).toBe(
      true,
    );
  });

  it('adds one round trip when the last page names an author not seen before', async () => {
    const third = 31337;
    const { client, settings } = harness(withComments(250, third));
    const { bundle, stats } = await loadTicket(client, settings, {}, { now: NOW });
    expect(stats.sequentialRoundTrips).toBe(1 + 3 + 1);
    expect(bundle.users?.some((u) => u.id === third)).toBe(true);
  });
});

describe('loadTicket with unsaved edits and failures', () => {
  it('counts similar tickets for the saved category, not an unsaved one in the form', async () => {
    const { client, settings } = harness(outage(4));
    await client.set(`ticket.customField:custom_field_${CATEGORY_FIELD_ID}`, 'esim');
    const { bundle, stats } = await loadTicket(client, settings, {}, { now: NOW });
    expect(bundle.similar_recent_tickets).toBe(4);
    // The count started from the form's value is read again for the saved one: one more round trip.
    expect(stats.sequentialRoundTrips).toBe(3);
    const searches = client.calls.requests.filter((r) => r.url.startsWith('/api/v2/search/count'));
    expect(searches.map((r) => decodeURIComponent(r.url))).toEqual([
      expect.stringContaining(`custom_field_${CATEGORY_FIELD_ID}:esim`),
      expect.stringContaining(`custom_field_${CATEGORY_FIELD_ID}:network`),
    ]);
  });

  it('goes on without the requester history when Zendesk refuses it, and says so', async () => {
    const { fake, client, settings } = harness(outage());
    fake.failNext({ match: /tickets\/requested/u, status: 403 });
    const { bundle, warnings } = await loadTicket(client, settings, {}, { now: NOW });
    expect(bundle.requester_tickets).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/requester's other tickets.*403/u);
  });

  it('fails with a clear error naming the field when the ticket answer is malformed', async () => {
    const { client, settings } = harness(outage());
    const broken: ZafClient = {
      ...client,
      request: async <T>(options: Parameters<ZafClient['request']>[0]): Promise<T> => {
        const answer = await client.request<Record<string, unknown>>(options);
        if (!/\/tickets\/\d+\.json$/u.test(options.url)) return answer as T;
        const complete = answer as { responseJSON: { ticket: Record<string, unknown> } };
        complete.responseJSON.ticket.created_at = 42;
        return complete as T;
      },
    };
    await expect(loadTicket(broken, settings, {}, { now: NOW })).rejects.toThrow(
      /ticket\.created_at.*Reload the app/u,
    );
  });

  it('says to open the app from a ticket when the host has no ticket', async () => {
    const { fake, settings } = harness(outage());
    const { createFakeClient } = await import('../../fake/client');
    const noTicket = createFakeClient(fake, { location: 'nav_bar' });
    const failure = loadTicket(noTicket, settings, {}, { now: NOW });
    await expect(failure).rejects.toBeInstanceOf(LoadError);
    await expect(failure).rejects.toThrow(/sidebar of a ticket/u);
  });

  it('fails with what to do when the comments cannot be read', async () => {
    const { fake, client, settings } = harness(outage());
    fake.failNext({ match: /comments/u, status: 404 });
    await expect(loadTicket(client, settings, {}, { now: NOW })).rejects.toThrow(
      new RegExp(
        `Could not load ticket ${FIXTURE_IDS.ticket}: GET /api/v2/tickets/${FIXTURE_IDS.ticket}/comments.*404.*reload the ticket`,
        'u',
      ),
    );
  });
});
