import { describe, expect, it } from 'vitest';
import { errorIn, FIXTURE_IDS, FIXTURE_NOW, get, outageBundle, putTicket, ticketIn } from './fixtures';
import { createFakeZendesk, type FakeZendeskOptions } from './zendesk';

const TICKET = FIXTURE_IDS.ticket;

/** A fake on a hand-moved clock whose timer records waits instead of waiting. */
function harness(options: FakeZendeskOptions = {}) {
  const clock = { now: Date.parse(FIXTURE_NOW) };
  const waits: number[] = [];
  const fake = createFakeZendesk({
    now: () => clock.now,
    sleep: (ms) => {
      waits.push(ms);
      clock.now += ms;
      return Promise.resolve();
    },
    ...options,
  });
  fake.seed(outageBundle());
  return { fake, clock, waits };
}

describe('injected status faults', () => {
  it('answers 429 with Retry-After without applying, then lets the retry through', async () => {
    const { fake } = harness();
    fake.failNext({ match: /\/tickets\/\d+\.json/u, status: 429, retryAfter: 2 });
    const refused = await putTicket(fake, TICKET, { additional_tags: ['escalated_l2'] });
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('2');
    expect(fake.ticket(TICKET)?.tags).not.toContain('escalated_l2');
    const retried = await putTicket(fake, TICKET, { additional_tags: ['escalated_l2'] });
    expect(retried.status).toBe(200);
    expect(fake.writes()).toHaveLength(1);
    expect(fake.requests().map((request) => [request.status, request.fault])).toEqual([
      [429, 'status'],
      [200, null],
    ]);
  });

  it('hits only matching requests, as many times as asked', async () => {
    const { fake } = harness();
    fake.failNext({ match: (request) => request.path.endsWith('/comments'), status: 503, times: 2 });
    expect((await get(fake, `/api/v2/tickets/${TICKET}.json`)).status).toBe(200);
    expect((await get(fake, `/api/v2/tickets/${TICKET}/comments.json`)).status).toBe(503);
    expect((await get(fake, `/api/v2/tickets/${TICKET}/comments.json`)).status).toBe(503);
    expect((await get(fake, `/api/v2/tickets/${TICKET}/comments.json`)).status).toBe(200);
    expect(fake.pendingFaults()).toHaveLength(0);
  });

  it('answers 500 with Zendesk error shape', async () => {
    const { fake } = harness();
    fake.failNext({ status: 500 });
    const response = await get(fake, `/api/v2/tickets/${TICKET}.json`);
    expect(response.status).toBe(500);
    expect(errorIn(response).error).toBe('InternalServerError');
    expect(response.headers['retry-after']).toBeUndefined();
  });

  it('tests a /g expression from the start on every request', async () => {
    const { fake } = harness();
    const pattern = /tickets/gu;
    fake.failNext({ match: pattern, status: 500, times: 2 });
    expect((await get(fake, `/api/v2/tickets/${TICKET}.json`)).status).toBe(500);
    expect((await get(fake, `/api/v2/tickets/${TICKET}.json`)).status).toBe(500);
  });
});

describe('timeout after applying', () => {
  it('applies the write but tells the caller it timed out', async () => {
    const { fake, waits } = harness();
    fake.failNext({ kind: 'timeoutAfterApply', afterMs: 30_000 });
    const stamp = fake.ticket(TICKET)?.updated_at;
    const response = await putTicket(fake, TICKET, {
      safe_update: true,
      updated_stamp: stamp,
      comment: { body: 'escalation note', public: false },
    });
    expect(response.status).toBe(0);
    expect(response.statusText).toBe('timeout');
    expect(waits).toEqual([30_000]);
    expect(fake.comments(TICKET).at(-1)?.body).toBe('escalation note');
    expect(fake.writes()[0]?.delivered).toBe(false);
    // A blind retry with the stamp read before is now stale: the caller must re-read, and find its note.
    const retry = await putTicket(fake, TICKET, {
      safe_update: true,
      updated_stamp: stamp,
      comment: { body: 'escalation note', public: false },
    });
    expect(retry.status).toBe(409);
    expect(fake.comments(TICKET).filter((comment) => comment.body === 'escalation note')).toHaveLength(1);
  });
});

describe('stale ticket', () => {
  it('has another agent edit first, so the next safe_update gets 409 and a re-read succeeds', async () => {
    const { fake } = harness();
    const read = ticketIn(await get(fake, `/api/v2/tickets/${TICKET}.json`));
    fake.failNext({ kind: 'stale' });
    const conflicted = await putTicket(fake, TICKET, {
      safe_update: true,
      updated_stamp: read.updated_at,
      status: 'hold',
    });
    expect(conflicted.status).toBe(409);
    expect(fake.requests().at(-1)?.fault).toBe('stale');
    const reread = ticketIn(await get(fake, `/api/v2/tickets/${TICKET}.json`));
    expect(reread.tags).toContain('fake_concurrent_edit');
    const retried = await putTicket(fake, TICKET, {
      safe_update: true,
      updated_stamp: reread.updated_at,
      status: 'hold',
    });
    expect(retried.status).toBe(200);
    expect(fake.writes().map((write) => [write.origin, write.authorId])).toEqual([
      ['concurrent-edit', 2],
      ['request', 1],
    ]);
  });

  it('applies the change the test asks for', () => {
    const { fake } = harness();
    fake.simulateConcurrentEdit(TICKET, {
      priority: 'urgent',
      comment: { body: 'Customer called in', public: false },
    });
    expect(fake.ticket(TICKET)?.priority).toBe('urgent');
    expect(fake.comments(TICKET).at(-1)?.author_id).toBe(2);
  });
});

describe('built-in rate limit', () => {
  it('allows 30 updates per user and ticket in 10 minutes, then 429 until the window passes', async () => {
    const { fake, clock } = harness();
    const statuses: number[] = [];
    for (let index = 0; index < 30; index += 1) {
      statuses.push(
        (await putTicket(fake, TICKET, { priority: index % 2 === 0 ? 'high' : 'normal' })).status,
      );
      clock.now += 1000;
    }
    expect(new Set(statuses)).toEqual(new Set([200]));
    const limited = await putTicket(fake, TICKET, { priority: 'urgent' });
    expect(limited.status).toBe(429);
    // The first update was 30 s ago; it leaves the 10-minute window in 570 s.
    expect(limited.headers['retry-after']).toBe('570');
    expect(fake.requests().at(-1)?.fault).toBe('rateLimit');
    expect(fake.ticket(TICKET)?.priority).not.toBe('urgent');
    clock.now += 570_000;
    expect((await putTicket(fake, TICKET, { priority: 'urgent' })).status).toBe(200);
  });

  it('limits each ticket separately, and can be turned off', async () => {
    const { fake } = harness({
      rateLimit: { perUserAndTicket: 1, windowMs: 60_000, perAccountPerMinute: 100 },
    });
    fake.seed({ ticket: { id: 7 } });
    expect((await putTicket(fake, TICKET, { priority: 'high' })).status).toBe(200);
    expect((await putTicket(fake, 7, { priority: 'high' })).status).toBe(200);
    expect((await putTicket(fake, TICKET, { priority: 'low' })).status).toBe(429);

    const unlimited = harness({ rateLimit: false }).fake;
    for (let index = 0; index < 31; index += 1)
      await putTicket(unlimited, TICKET, { priority: index % 2 ? 'high' : 'low' });
    expect(unlimited.requests().every((request) => request.status === 200)).toBe(true);
  });
});

describe('latency', () => {
  it('waits the configured latency on the injected timer for every request', async () => {
    const { fake, waits } = harness({ latencyMs: 250 });
    await get(fake, `/api/v2/tickets/${TICKET}.json`);
    await putTicket(fake, TICKET, { priority: 'high' });
    fake.setLatency(0);
    await get(fake, `/api/v2/tickets/${TICKET}.json`);
    expect(waits).toEqual([250, 250]);
  });

  it('waits on the real timer by default', async () => {
    const fake = createFakeZendesk({ latencyMs: 20 });
    const started = Date.now();
    await get(fake, '/api/v2/custom_statuses.json');
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });
});

describe('network lost', () => {
  it('answers status 0 without reaching Zendesk, for as many requests as asked, until cleared', async () => {
    const { fake } = harness();
    fake.failNext({ kind: 'network', times: 5 });
    const refused = await putTicket(fake, TICKET, { comment: { body: 'lost note', public: false } });
    expect([refused.status, refused.statusText]).toEqual([0, 'network error']);
    expect((await get(fake, `/api/v2/tickets/${TICKET}/comments.json`)).status).toBe(0);
    expect(fake.comments(TICKET).map((comment) => comment.body)).not.toContain('lost note');
    expect(fake.writes()).toEqual([]);
    expect(fake.requests().map((request) => [request.method, request.status, request.fault])).toEqual([
      ['PUT', 0, 'network'],
      ['GET', 0, 'network'],
    ]);
    // The network comes back when the queue is cleared.
    fake.clearFaults();
    expect((await putTicket(fake, TICKET, { comment: { body: 'lost note', public: false } })).status).toBe(
      200,
    );
    expect(fake.comments(TICKET).filter((comment) => comment.body === 'lost note')).toHaveLength(1);
  });
});

describe('held request', () => {
  /** A hold whose release the test controls. */
  function hold() {
    let release: (how: 'deliver' | 'drop') => void = () => undefined;
    const until = new Promise<'deliver' | 'drop'>((resolve) => {
      release = resolve;
    });
    return { until, release };
  }

  it('holds the next write while reads pass, then delivers it late', async () => {
    const { fake } = harness();
    const gate = hold();
    fake.failNext({ kind: 'hold', until: gate.until });
    const write = putTicket(fake, TICKET, { additional_tags: ['held_tag'] });
    // A read is not held, and the held write has not reached the ticket yet.
    expect((await get(fake, `/api/v2/tickets/${TICKET}.json`)).status).toBe(200);
    expect(fake.pendingFaults()).toEqual([]);
    expect(fake.ticket(TICKET)?.tags).not.toContain('held_tag');
    gate.release('deliver');
    expect((await write).status).toBe(200);
    expect(fake.ticket(TICKET)?.tags).toContain('held_tag');
    expect(fake.requests().map((request) => [request.method, request.fault])).toEqual([
      ['GET', null],
      ['PUT', 'hold'],
    ]);
  });

  it('drops it as a network error when asked: nothing is applied', async () => {
    const { fake } = harness();
    const gate = hold();
    fake.failNext({ kind: 'hold', until: gate.until });
    const write = putTicket(fake, TICKET, { additional_tags: ['held_tag'] });
    gate.release('drop');
    const response = await write;
    expect([response.status, response.statusText]).toEqual([0, 'network error']);
    expect(fake.ticket(TICKET)?.tags).not.toContain('held_tag');
    expect(fake.writes()).toEqual([]);
  });
});
