import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorIn, FIXTURE_IDS, FIXTURE_NOW, get, outageBundle, ticketIn } from './fixtures';
import type { CursorPage, OffsetPage } from './paging';
import type { Comment, CustomStatus, Group, Organization, Ticket, User } from './types';
import { createFakeZendesk } from './zendesk';

const now = (): number => Date.parse(FIXTURE_NOW);

function bundleWithComments(count: number) {
  const base = outageBundle();
  const start = Date.parse('2025-01-01T00:00:00Z');
  return {
    ...base,
    comments: Array.from({ length: count }, (_, index) => ({
      id: 5_000_000 + index * 7,
      author_id: index % 2 === 0 ? FIXTURE_IDS.requester : FIXTURE_IDS.agent,
      body: `comment number ${index}`,
      public: index % 3 !== 0,
      created_at: new Date(start + index * 60_000).toISOString(),
    })),
  };
}

describe('tickets', () => {
  it('answers a seeded ticket with the fields the bundle gave and Zendesk defaults for the rest', async () => {
    const fake = createFakeZendesk({ now });
    fake.seed({
      ...outageBundle(),
      ticket: { ...outageBundle().ticket, satisfaction_rating: { score: 'bad' } },
    });
    const response = await get(fake, `/api/v2/tickets/${FIXTURE_IDS.ticket}.json`);
    expect(response.status).toBe(200);
    const ticket = ticketIn(response);
    expect(ticket.tags).toEqual(['no_service', 'outage']);
    expect(ticket.custom_status_id).toBe(1002);
    expect(ticket.url).toBe(`https://fake.zendesk.com/api/v2/tickets/${FIXTURE_IDS.ticket}.json`);
    // A key the fake does not model still round-trips, so the loader sees what the case file holds.
    expect((ticket as Ticket & { satisfaction_rating?: unknown }).satisfaction_rating).toEqual({
      score: 'bad',
    });
  });

  it('answers 404 RecordNotFound for a ticket that does not exist', async () => {
    const fake = createFakeZendesk({ now });
    const response = await get(fake, '/api/v2/tickets/999.json');
    expect(response.status).toBe(404);
    expect(errorIn(response)).toEqual({ error: 'RecordNotFound', description: 'Not found' });
  });

  it('hands out copies, so a caller mutating an answer does not change the store', async () => {
    const fake = createFakeZendesk({ now });
    fake.seed(outageBundle());
    ticketIn(await get(fake, `/api/v2/tickets/${FIXTURE_IDS.ticket}.json`)).tags.push('mutated');
    expect(fake.ticket(FIXTURE_IDS.ticket)?.tags).toEqual(['no_service', 'outage']);
  });
});

describe('comments with cursor pagination', () => {
  it('reassembles 1,050 comments in order by following links.next while meta.has_more', async () => {
    const fake = createFakeZendesk({ now });
    const bundle = bundleWithComments(1050);
    fake.seed(bundle);
    const collected: Comment[] = [];
    const pageSizes: number[] = [];
    let url: string | null = `/api/v2/tickets/${FIXTURE_IDS.ticket}/comments.json?page[size]=100`;
    while (url !== null) {
      const response = await get(fake, url);
      expect(response.status).toBe(200);
      const page = response.body as CursorPage<'comments', Comment>;
      collected.push(...page.comments);
      pageSizes.push(page.comments.length);
      url = page.meta.has_more ? page.links.next : null;
    }
    expect(pageSizes).toEqual([100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 50]);
    expect(collected.map((comment) => comment.id)).toEqual(bundle.comments.map((comment) => comment.id));
    expect(collected[1049]?.body).toBe('comment number 1049');
  });

  it('defaults page[size] to 100, refuses more than 100 and refuses a forged cursor', async () => {
    const fake = createFakeZendesk({ now });
    fake.seed(bundleWithComments(150));
    const base = `/api/v2/tickets/${FIXTURE_IDS.ticket}/comments.json`;
    const first = (await get(fake, `${base}?page[after]=`)).body as CursorPage<'comments', Comment>;
    expect(first.comments).toHaveLength(100);
    expect(first.meta.has_more).toBe(true);
    expect((await get(fake, `${base}?page[size]=101`)).status).toBe(400);
    expect(errorIn(await get(fake, `${base}?page[after]=not-a-cursor`)).error).toBe(
      'InvalidPaginationParameter',
    );
  });

  it('walks back with links.prev and ends with has_more false on the last page', async () => {
    const fake = createFakeZendesk({ now });
    fake.seed(bundleWithComments(25));
    const base = `/api/v2/tickets/${FIXTURE_IDS.ticket}/comments.json?page[size]=10`;
    const first = (await get(fake, base)).body as CursorPage<'comments', Comment>;
    const second = (await get(fake, first.links.next ?? '')).body as CursorPage<'comments', Comment>;
    const third = (await get(fake, second.links.next ?? '')).body as CursorPage<'comments', Comment>;
    expect(third.comments.map((comment) => comment.body)).toEqual(
      Array.from({ length: 5 }, (_, index) => `comment number ${20 + index}`),
    );
    expect(third.meta.has_more).toBe(false);
    const back = (await get(fake, third.links.prev ?? '')).body as CursorPage<'comments', Comment>;
    expect(back.comments.map((comment) => comment.id)).toEqual(second.comments.map((comment) => comment.id));
  });

  it('uses offset pagination when page[size] is absent, as Zendesk does', async () => {
    const fake = createFakeZendesk({ now });
    fake.seed(bundleWithComments(120));
    const page = (await get(fake, `/api/v2/tickets/${FIXTURE_IDS.ticket}/comments.json`)).body as OffsetPage<
      'comments',
      Comment
    >;
    expect(page.comments).toHaveLength(100);
    expect(page.count).toBe(120);
    expect(page.next_page).toBe(
      `https://fake.zendesk.com/api/v2/tickets/${FIXTURE_IDS.ticket}/comments.json?page=2`,
    );
  });
});

describe('users, organizations, requester tickets, groups, statuses', () => {
  it('show_many answers the known users asked for and leaves unknown ids out', async () => {
    const fake = createFakeZendesk({ now });
    fake.seed(outageBundle());
    const response = await get(
      fake,
      `/api/v2/users/show_many.json?ids=${FIXTURE_IDS.agent},424242,${FIXTURE_IDS.requester}`,
    );
    const users = (response.body as { users: User[] }).users;
    expect(users.map((user) => user.name)).toEqual(['Tomasz Nowak', 'Brenda Kowalski']);
    expect(users[1]?.email).toBe('bkowalski61@aol.com');
  });

  it('show_many refuses more than 100 ids and a missing ids parameter', async () => {
    const fake = createFakeZendesk({ now });
    const ids = Array.from({ length: 101 }, (_, index) => index + 1).join(',');
    expect((await get(fake, `/api/v2/users/show_many.json?ids=${ids}`)).status).toBe(400);
    expect((await get(fake, '/api/v2/users/show_many.json')).status).toBe(400);
  });

  it('answers the organization, or 404 when there is none', async () => {
    const fake = createFakeZendesk({ now });
    fake.seed({ ...outageBundle(), organization: { id: 77, name: 'Acme Corp', tags: ['enterprise'] } });
    const found = await get(fake, '/api/v2/organizations/77.json');
    expect((found.body as { organization: Organization }).organization.tags).toEqual(['enterprise']);
    expect((await get(fake, '/api/v2/organizations/78.json')).status).toBe(404);
  });

  it("pages through the requester's tickets, this one included", async () => {
    const fake = createFakeZendesk({ now });
    const earlier = [1, 2, 3].map((index) => ({
      id: 400_000 + index,
      subject: `earlier ${index}`,
      status: 'solved' as const,
      created_at: `2025-07-0${index}T10:00:00Z`,
    }));
    fake.seed({ ...outageBundle(), requester_tickets: earlier });
    const url = `/api/v2/users/${FIXTURE_IDS.requester}/tickets/requested.json?page[size]=2`;
    const first = (await get(fake, url)).body as CursorPage<'tickets', Ticket>;
    const second = (await get(fake, first.links.next ?? '')).body as CursorPage<'tickets', Ticket>;
    expect([...first.tickets, ...second.tickets].map((ticket) => ticket.id)).toEqual([
      400_001,
      400_002,
      400_003,
      FIXTURE_IDS.ticket,
    ]);
    expect(second.meta.has_more).toBe(false);
    expect(second.tickets[0]?.requester_id).toBe(FIXTURE_IDS.requester);
  });

  it('lists seeded groups and the system custom statuses', async () => {
    const fake = createFakeZendesk({ now, groups: [{ id: 9001, name: 'Tier 2' }] });
    fake.seed(outageBundle());
    const groups = ((await get(fake, '/api/v2/groups.json')).body as { groups: Group[] }).groups;
    expect(groups.map((group) => group.name)).toEqual(['Tier 2', `Group ${FIXTURE_IDS.group}`]);
    const statuses = (
      (await get(fake, '/api/v2/custom_statuses.json')).body as { custom_statuses: CustomStatus[] }
    ).custom_statuses;
    expect(statuses.map((status) => status.status_category)).toEqual([
      'new',
      'open',
      'pending',
      'hold',
      'solved',
    ]);
  });
});

describe('routing', () => {
  it('answers 404 naming the path for an endpoint the fake does not have', async () => {
    const fake = createFakeZendesk({ now });
    const response = await get(fake, '/api/v2/triggers.json');
    expect(response.status).toBe(404);
    expect(errorIn(response).description).toContain('/api/v2/triggers');
  });

  it('answers 404 naming the methods it has for a known path', async () => {
    const fake = createFakeZendesk({ now });
    fake.seed(outageBundle());
    const response = await fake.request({
      url: `/api/v2/tickets/${FIXTURE_IDS.ticket}.json`,
      type: 'DELETE',
    });
    expect(response.status).toBe(404);
    expect(errorIn(response).description).toMatch(/GET, PUT/u);
  });

  it('accepts absolute URLs on its own origin and refuses other origins', async () => {
    const fake = createFakeZendesk({ now, origin: 'https://acme.zendesk.com' });
    fake.seed(outageBundle());
    expect(
      (await get(fake, `https://acme.zendesk.com/api/v2/tickets/${FIXTURE_IDS.ticket}.json`)).status,
    ).toBe(200);
    expect(
      (await get(fake, `https://evil.example.com/api/v2/tickets/${FIXTURE_IDS.ticket}.json`)).status,
    ).toBe(404);
  });

  it('turns a GET data object into query parameters, as jQuery does for ZAF', async () => {
    const fake = createFakeZendesk({ now });
    fake.seed(outageBundle());
    const response = await fake.request({
      url: '/api/v2/users/show_many.json',
      type: 'GET',
      data: { ids: String(FIXTURE_IDS.agent) },
    });
    expect((response.body as { users: User[] }).users.map((user) => user.id)).toEqual([FIXTURE_IDS.agent]);
  });
});

describe('seeding', () => {
  it('loads every shared case file and answers its ticket, comments and users', async () => {
    const folder = new URL('../../shared/cases/', import.meta.url);
    const files = readdirSync(folder).filter((name) => name.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const bundle = (
        JSON.parse(readFileSync(new URL(name, folder), 'utf8')) as { bundle: Record<string, unknown> }
      ).bundle;
      const fake = createFakeZendesk({ now: () => Date.parse(String(bundle.now)) });
      const { ticketId } = fake.seed(bundle);
      const seededComments = (bundle.comments ?? []) as unknown[];
      expect(fake.comments(ticketId), name).toHaveLength(seededComments.length);
      const ticket = ticketIn(await get(fake, `/api/v2/tickets/${ticketId}.json`));
      expect(ticket.id, name).toBe(ticketId);
    }
  });

  it('refuses a bundle without a ticket id, naming the field', () => {
    const fake = createFakeZendesk({ now });
    expect(() => fake.seed({ ticket: { subject: 'no id' } })).toThrow(/ticket\.id/u);
  });

  it('moves a bundle to the clock when asked, keeping its durations', async () => {
    const clock = Date.parse('2026-03-01T12:00:00Z');
    const fake = createFakeZendesk({ now: () => clock });
    const report = fake.seed(outageBundle(), { shiftTimesToClock: true });
    const ticket = ticketIn(await get(fake, `/api/v2/tickets/${FIXTURE_IDS.ticket}.json`));
    expect(report.timeShiftMs).toBe(clock - Date.parse(FIXTURE_NOW));
    // Created 36 minutes before the bundle's `now`, so 36 minutes before the clock.
    expect(clock - Date.parse(ticket.created_at)).toBe(36 * 60_000);
    expect(fake.comments(FIXTURE_IDS.ticket)[1]?.created_at).toBe('2026-03-01T11:36:00Z');
  });
});
