import { describe, expect, it } from 'vitest';
import { CATEGORY_FIELD_ID, errorIn, FIXTURE_IDS, FIXTURE_NOW, get, outageBundle } from './fixtures';
import type { Ticket } from './types';
import { createFakeZendesk } from './zendesk';

const now = Date.parse(FIXTURE_NOW);

function countUrl(query: string): string {
  return `/api/v2/search/count.json?query=${encodeURIComponent(query)}`;
}

async function count(fake: ReturnType<typeof createFakeZendesk>, query: string): Promise<number> {
  const response = await get(fake, countUrl(query));
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return (response.body as { count: number }).count;
}

interface SearchPage {
  results: (Ticket & { result_type: string })[];
  next_page: string | null;
  previous_page: string | null;
  count: number;
}

const SIMILAR = `type:ticket custom_field_${CATEGORY_FIELD_ID}:network created>24hours`;

describe('search count of similar recent tickets', () => {
  it('counts the seeded similar tickets plus this ticket, in its category only', async () => {
    const fake = createFakeZendesk({ now: () => now });
    const report = fake.seed(outageBundle(17));
    expect(report.similarTicketIds).toHaveLength(17);
    expect(await count(fake, SIMILAR)).toBe(18);
    expect(await count(fake, `type:ticket custom_field_${CATEGORY_FIELD_ID}:port_in created>24hours`)).toBe(
      0,
    );
    // The same count with an absolute date, as an app that computes "24 h before now" would send it.
    expect(
      await count(fake, `type:ticket custom_field_${CATEGORY_FIELD_ID}:network created>2025-08-19T23:10:00Z`),
    ).toBe(18);
  });

  it('counts tickets already stored towards similar_recent_tickets instead of adding more', async () => {
    const fake = createFakeZendesk({ now: () => now });
    const recentSameIssue = {
      id: 433000,
      created_at: '2025-08-20T10:00:00Z',
      custom_fields: [{ id: CATEGORY_FIELD_ID, value: 'network' }],
    };
    const report = fake.seed({ ...outageBundle(5), requester_tickets: [recentSameIssue] });
    expect(report.similarTicketIds).toHaveLength(4);
    expect(await count(fake, SIMILAR)).toBe(6);
  });

  it('drops tickets out of the count as the clock passes 24 hours', async () => {
    const clock = { now };
    const fake = createFakeZendesk({ now: () => clock.now });
    fake.seed(outageBundle(10));
    clock.now += 12 * 3_600_000;
    const halfDayLater = await count(fake, SIMILAR);
    expect(halfDayLater).toBeGreaterThan(1);
    expect(halfDayLater).toBeLessThan(11);
    clock.now += 13 * 3_600_000;
    expect(await count(fake, SIMILAR)).toBe(0);
  });

  it('says why it could not seed similar tickets without a category field', () => {
    const fake = createFakeZendesk({ now: () => now });
    const report = fake.seed({ ...outageBundle(3), settings: {} });
    expect(report.similarTicketIds).toEqual([]);
    expect(report.notes[0]).toMatch(/category_field_id/u);
  });
});

describe('search query syntax', () => {
  function seededForQueries() {
    const fake = createFakeZendesk({ now: () => now, groups: [{ id: 9001, name: 'Tier 2' }] });
    fake.seed(outageBundle());
    const extra = [
      { id: 1, status: 'solved' as const, tags: ['vip'], created_at: '2025-08-20T20:00:00Z', group_id: 9001 },
      { id: 2, status: 'pending' as const, tags: ['vip', 'port_in'], created_at: '2025-08-18T20:00:00Z' },
      {
        id: 3,
        status: 'new' as const,
        tags: [],
        subject: 'Desktop app crashes',
        created_at: '2025-08-20T21:00:00Z',
      },
    ];
    for (const ticket of extra) fake.seed({ ticket });
    return fake;
  }

  it('compares statuses by their order: status<solved is unsolved', async () => {
    const fake = seededForQueries();
    expect(await count(fake, 'type:ticket status<solved')).toBe(3);
    expect(await count(fake, 'status>=solved')).toBe(1);
  });

  it('ORs one property given twice, ANDs different ones and negates with -', async () => {
    const fake = seededForQueries();
    expect(await count(fake, 'status:pending status:new')).toBe(2);
    expect(await count(fake, 'tags:vip status:pending')).toBe(1);
    expect(await count(fake, 'tags:vip -tags:port_in')).toBe(1);
    expect(await count(fake, 'group:"Tier 2"')).toBe(1);
  });

  it('reads dates as whole UTC days and relative times from the clock', async () => {
    const fake = seededForQueries();
    expect(await count(fake, 'created:2025-08-20')).toBe(3);
    expect(await count(fake, 'created<2025-08-20')).toBe(1);
    expect(await count(fake, 'created>2hours')).toBe(1);
    expect(await count(fake, 'created>3hours')).toBe(2);
  });

  it('matches free text at the start of words, as Zendesk does', async () => {
    const fake = seededForQueries();
    expect(await count(fake, 'desk')).toBe(1);
    expect(await count(fake, 'top')).toBe(0);
  });

  it('refuses what it cannot answer faithfully, saying what it supports', async () => {
    const fake = seededForQueries();
    const response = await get(fake, countUrl('type:ticket brand:acme'));
    expect(response.status).toBe(400);
    expect(errorIn(response).description).toContain('does not support the search property "brand"');
    expect((await get(fake, countUrl('type:user email:a@b.c'))).status).toBe(400);
    expect((await get(fake, '/api/v2/search/count.json')).status).toBe(400);
  });
});

describe('search results with offset pagination', () => {
  it('pages 100 at a time up to the 1,000-result cap while count stays the true total', async () => {
    const fake = createFakeZendesk({ now: () => now });
    fake.seed(outageBundle(1049));
    const ids: number[] = [];
    let url: string | null =
      `/api/v2/search.json?query=${encodeURIComponent(SIMILAR)}&sort_by=created_at&sort_order=asc`;
    let pages = 0;
    let lastPage: SearchPage | undefined;
    while (url !== null) {
      const response = await get(fake, url);
      expect(response.status).toBe(200);
      lastPage = response.body as SearchPage;
      ids.push(...lastPage.results.map((result) => result.id));
      pages += 1;
      url = lastPage.next_page;
    }
    expect(pages).toBe(10);
    expect(ids).toHaveLength(1000);
    expect(new Set(ids).size).toBe(1000);
    expect(lastPage?.count).toBe(1050);
    expect(lastPage?.results[0]?.result_type).toBe('ticket');
    const created = ids.map((id) => Date.parse(fake.ticket(id)?.created_at ?? ''));
    expect(created).toEqual([...created].sort((left, right) => left - right));
  });

  it('answers 422 past the cap and lowers per_page above 100 to 100', async () => {
    const fake = createFakeZendesk({ now: () => now });
    fake.seed(outageBundle(1049));
    const query = encodeURIComponent(SIMILAR);
    const past = await get(fake, `/api/v2/search.json?query=${query}&page=11`);
    expect(past.status).toBe(422);
    expect(errorIn(past).description).toMatch(/Search Response Limits/u);
    const wide = (await get(fake, `/api/v2/search.json?query=${query}&per_page=500`)).body as SearchPage;
    expect(wide.results).toHaveLength(100);
    expect(wide.previous_page).toBeNull();
  });

  it('with a page size that does not divide 1,000, serves the remainder below the cap and stops', async () => {
    const fake = createFakeZendesk({ now: () => now });
    fake.seed(outageBundle(1049));
    const query = encodeURIComponent(SIMILAR);
    const last = (await get(fake, `/api/v2/search.json?query=${query}&per_page=30&page=34`))
      .body as SearchPage;
    expect(last.results).toHaveLength(10);
    expect(last.next_page).toBeNull();
    expect((await get(fake, `/api/v2/search.json?query=${query}&per_page=30&page=35`)).status).toBe(422);
  });

  it('orders by relevance stand-in (id) by default and by sort_by/sort_order when asked', async () => {
    const fake = createFakeZendesk({ now: () => now });
    fake.seed(outageBundle(3));
    const byId = (await get(fake, `/api/v2/search.json?query=${encodeURIComponent(SIMILAR)}`))
      .body as SearchPage;
    const ids = byId.results.map((result) => result.id);
    expect(ids).toEqual([...ids].sort((left, right) => left - right));
    const newest = (
      await get(
        fake,
        `/api/v2/search.json?query=${encodeURIComponent(`${SIMILAR} order_by:created sort:desc`)}`,
      )
    ).body as SearchPage;
    expect(newest.results[0]?.id).toBe(FIXTURE_IDS.ticket);
  });
});
