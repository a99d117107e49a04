import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { createFakeClient } from '../../fake/client';
import { FIXTURE_IDS, FIXTURE_NOW, outageBundle } from '../../fake/fixtures';
import { createFakeZendesk } from '../../fake/zendesk';
import { allPages, rest, restAs, withQuery, ZendeskError } from './rest';
import type { ZafClient } from './types';

const TICKET = FIXTURE_IDS.ticket;

function setup(comments = 0) {
  const fake = createFakeZendesk({ now: () => Date.parse(FIXTURE_NOW) });
  const base = outageBundle();
  fake.seed({
    ...base,
    comments: Array.from({ length: comments }, (_, i) => ({
      id: 7_000_000 + i,
      author_id: FIXTURE_IDS.requester,
      body: `c${i}`,
    })),
  });
  const waits: number[] = [];
  const sleep = (ms: number): Promise<void> => {
    waits.push(ms);
    return Promise.resolve();
  };
  return { fake, client: createFakeClient(fake, { ticketId: TICKET }), waits, sleep };
}

async function failure(promise: Promise<unknown>): Promise<ZendeskError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ZendeskError) return error;
    throw error;
  }
  throw new Error('expected a ZendeskError');
}

describe('rest', () => {
  it('returns the parsed body and sends JSON for writes', async () => {
    const { fake, client } = setup();
    const body = await rest(client, {
      method: 'PUT',
      url: `/api/v2/tickets/${TICKET}.json`,
      body: { ticket: { priority: 'high' } },
    });
    expect((body as { ticket: { priority: string } }).ticket.priority).toBe('high');
    expect(client.calls.requests[0]).toMatchObject({
      type: 'PUT',
      contentType: 'application/json',
      autoRetry: false,
    });
    expect(fake.ticket(TICKET)?.priority).toBe('high');
  });

  it('waits Retry-After seconds on 429 and retries, up to three tries', async () => {
    const { fake, client, waits, sleep } = setup();
    fake.failNext({ status: 429, retryAfter: 7, times: 2 });
    await rest(client, { url: `/api/v2/tickets/${TICKET}.json` }, { sleep });
    expect(waits).toEqual([7000, 7000]);
    fake.failNext({ status: 429, retryAfter: 1, times: 3 });
    const error = await failure(rest(client, { url: `/api/v2/tickets/${TICKET}.json` }, { sleep }));
    expect(error.kind).toBe('rate_limited');
    expect(error.message).toMatch(/rate limit was hit after 3 tries \(429.*try again in 1 s\./u);
  });

  it('does not wait longer than maxWaitSeconds: it says how long Zendesk asked for instead', async () => {
    const { fake, client, waits, sleep } = setup();
    fake.failNext({ status: 429, retryAfter: 600 });
    const error = await failure(
      rest(client, { url: `/api/v2/tickets/${TICKET}.json` }, { sleep, maxWaitSeconds: 60 }),
    );
    expect(waits).toEqual([]);
    expect(error.message).toContain('Zendesk asks to wait 600 s');
  });

  it('asks again when a read gets no answer, but never re-sends a write on its own', async () => {
    const { fake, client, sleep } = setup();
    fake.failNext({ kind: 'timeoutAfterApply', match: () => true });
    await rest(client, { url: `/api/v2/tickets/${TICKET}.json` }, { sleep });
    expect(fake.requests().map((r) => r.status)).toEqual([0, 200]);

    fake.failNext({ kind: 'timeoutAfterApply' });
    const error = await failure(
      rest(
        client,
        { method: 'PUT', url: `/api/v2/tickets/${TICKET}.json`, body: { ticket: { priority: 'low' } } },
        { sleep },
      ),
    );
    expect(error.kind).toBe('no_answer');
    expect(error.mayHaveLanded).toBe(true);
    expect(fake.requests().filter((r) => r.method === 'PUT')).toHaveLength(1);
  });

  it('names the call, Zendesk’s words and what to do on an error', async () => {
    const { client } = setup();
    const error = await failure(rest(client, { url: '/api/v2/tickets/999.json' }));
    expect(error.kind).toBe('rejected');
    expect(error.status).toBe(404);
    expect(error.message).toBe(
      'GET /api/v2/tickets/999.json: Zendesk answered 404: RecordNotFound — Not found. It may have been deleted or merged; reload the ticket.',
    );
  });

  it('reads Retry-After through getResponseHeader when a host rejects with a bare jqXHR', async () => {
    let calls = 0;
    const client = {
      request: () => {
        calls += 1;
        if (calls === 1) {
          // Rejecting with a non-Error is what ZAF does.
          // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
          return Promise.reject({
            status: 429,
            statusText: 'Too Many Requests',
            responseText: '',
            getResponseHeader: () => '3',
          });
        }
        return Promise.resolve({ ok: true });
      },
    } as unknown as ZafClient;
    const waits: number[] = [];
    const body = await rest(
      client,
      { url: '/api/v2/x.json' },
      { sleep: (ms) => Promise.resolve(void waits.push(ms)) },
    );
    expect(body).toEqual({ ok: true });
    expect(waits).toEqual([3000]);
  });

  it('turns an answer of the wrong shape into a malformed error naming the field', async () => {
    const { client } = setup();
    const schema = v.object({ ticket: v.object({ id: v.string() }) });
    const error = await failure(
      restAs(client, { url: `/api/v2/tickets/${TICKET}.json` }, schema, 'a ticket'),
    );
    expect(error.kind).toBe('malformed');
    expect(error.message).toMatch(/not a ticket as expected \(ticket\.id: /u);
  });
});

describe('allPages', () => {
  it('follows links.next while meta.has_more, 100 at a time, keeping order', async () => {
    const { client } = setup(250);
    const seen: number[] = [];
    const items = await allPages(
      client,
      `/api/v2/tickets/${TICKET}/comments.json`,
      'comments',
      v.looseObject({ id: v.number() }),
      {
        onPage: (page) => seen.push(page.length),
      },
    );
    expect(seen).toEqual([100, 100, 50]);
    expect(items.map((c) => c.id)).toEqual(Array.from({ length: 250 }, (_, i) => 7_000_000 + i));
    // Absolute links.next are followed as relative /api/v2 URLs, so ZAF runs them as the agent.
    expect(client.calls.requests.every((r) => r.url.startsWith('/api/v2/'))).toBe(true);
  });

  it('adds page[size] without overriding one already given', () => {
    expect(withQuery('/api/v2/x.json', { 'page[size]': '100' })).toBe('/api/v2/x.json?page%5Bsize%5D=100');
    expect(withQuery('/api/v2/x.json?page%5Bsize%5D=10', { 'page[size]': '100' })).toBe(
      '/api/v2/x.json?page%5Bsize%5D=10',
    );
  });

  it('stops with an error when a server keeps handing out the same next page', async () => {
    const client = {
      request: () =>
        Promise.resolve({
          items: [{ id: 1 }],
          meta: { has_more: true },
          links: { next: 'https://x.zendesk.com/api/v2/loop.json' },
        }),
    } as unknown as ZafClient;
    const error = await failure(
      allPages(client, '/api/v2/loop.json', 'items', v.looseObject({ id: v.number() })),
    );
    expect(error.message).toMatch(/kept offering more pages \(2 read\)/u);
  });
});
