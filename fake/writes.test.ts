import { describe, expect, it } from 'vitest';
import {
  CATEGORY_FIELD_ID,
  errorIn,
  FIXTURE_IDS,
  FIXTURE_NOW,
  get,
  outageBundle,
  putTicket,
  ticketIn,
} from './fixtures';
import type { Audit, ChangeEvent, Ticket } from './types';
import { createFakeZendesk, type FakeZendeskEvent } from './zendesk';

const TICKET = FIXTURE_IDS.ticket;

function seeded(clock: { now: number } = { now: Date.parse(FIXTURE_NOW) }) {
  const fake = createFakeZendesk({ now: () => clock.now, groups: [{ id: 9001, name: 'Tier 2' }] });
  fake.seed(outageBundle());
  return fake;
}

function stampOf(fake: ReturnType<typeof seeded>): string {
  return fake.ticket(TICKET)?.updated_at ?? '';
}

describe('safe_update', () => {
  it('answers 409 UpdateConflict for a stale stamp and changes nothing', async () => {
    const fake = seeded();
    const response = await putTicket(fake, TICKET, {
      safe_update: true,
      updated_stamp: '2025-08-20T22:00:00Z',
      status: 'pending',
      comment: { body: 'should not land', public: false },
    });
    expect(response.status).toBe(409);
    expect(errorIn(response).error).toBe('UpdateConflict');
    expect(fake.ticket(TICKET)?.status).toBe('open');
    expect(fake.comments(TICKET)).toHaveLength(2);
    expect(fake.writes()).toHaveLength(0);
  });

  it('applies the update when the stamp is the updated_at just read, in any ISO spelling', async () => {
    const fake = seeded();
    const stamp = new Date(stampOf(fake)).toISOString(); // "…22:49:00.000Z" vs stored "…22:49:00Z"
    const response = await putTicket(fake, TICKET, {
      safe_update: true,
      updated_stamp: stamp,
      status: 'pending',
    });
    expect(response.status).toBe(200);
    expect(ticketIn(response).status).toBe('pending');
    expect(fake.ticket(TICKET)?.custom_status_id).toBe(1003);
  });

  it('moves updated_at forward on every write, even twice in one millisecond, so the old stamp goes stale', async () => {
    const fake = seeded(); // the clock never moves
    const first = ticketIn(
      await putTicket(fake, TICKET, { safe_update: true, updated_stamp: stampOf(fake), priority: 'high' }),
    );
    const second = ticketIn(
      await putTicket(fake, TICKET, {
        safe_update: true,
        updated_stamp: first.updated_at,
        priority: 'urgent',
      }),
    );
    expect(Date.parse(second.updated_at)).toBeGreaterThan(Date.parse(first.updated_at));
    const stale = await putTicket(fake, TICKET, {
      safe_update: true,
      updated_stamp: first.updated_at,
      priority: 'low',
    });
    expect(stale.status).toBe(409);
  });

  it('requires updated_stamp with safe_update', async () => {
    const fake = seeded();
    expect((await putTicket(fake, TICKET, { safe_update: true, status: 'pending' })).status).toBe(422);
  });
});

describe('tags', () => {
  it('additional_tags adds without dropping the tags already there', async () => {
    const fake = seeded();
    const response = await putTicket(fake, TICKET, { additional_tags: ['escalated_engineering', 'outage'] });
    expect(ticketIn(response).tags).toEqual(['no_service', 'outage', 'escalated_engineering']);
  });

  it('remove_tags removes only the tags named, and tags replaces the whole set', async () => {
    const fake = seeded();
    await putTicket(fake, TICKET, { remove_tags: ['outage'] });
    expect(fake.ticket(TICKET)?.tags).toEqual(['no_service']);
    await putTicket(fake, TICKET, { tags: 'priority_high escalated_l2' });
    expect(fake.ticket(TICKET)?.tags).toEqual(['priority_high', 'escalated_l2']);
  });
});

describe('comments', () => {
  it('adds exactly one comment per update, an internal note when public is false', async () => {
    const fake = seeded();
    await putTicket(fake, TICKET, {
      comment: { body: '## Engineering Escalation\nsee below', public: false },
    });
    await putTicket(fake, TICKET, { status: 'hold' });
    const comments = fake.comments(TICKET);
    expect(comments).toHaveLength(3);
    expect(comments[2]).toMatchObject({
      body: '## Engineering Escalation\nsee below',
      public: false,
      author_id: 1,
    });
    expect(comments[2]?.html_body).toContain('<br>');
  });

  it('makes a comment public by default and fills body from html_body', async () => {
    const fake = seeded();
    await putTicket(fake, TICKET, {
      comment: { html_body: '<p>Hi Brenda,</p><p>we are on it &amp; will update.</p>' },
    });
    const reply = fake.comments(TICKET)[2];
    expect(reply?.public).toBe(true);
    expect(reply?.body).toBe('Hi Brenda,\n\nwe are on it & will update.');
  });

  it('refuses a list of comments in one update and an empty comment', async () => {
    const fake = seeded();
    const many = await putTicket(fake, TICKET, { comment: [{ body: 'one' }, { body: 'two' }] });
    expect(many.status).toBe(422);
    expect((await putTicket(fake, TICKET, { comment: { body: '   ' } })).status).toBe(422);
    expect(fake.comments(TICKET)).toHaveLength(2);
  });
});

describe('fields', () => {
  it('merges custom_fields by id and keeps the fields not sent', async () => {
    const fake = seeded();
    await putTicket(fake, TICKET, {
      custom_fields: [
        { id: 27493018469957, value: '149.00' },
        { id: 555, value: true },
      ],
    });
    expect(fake.ticket(TICKET)?.custom_fields).toEqual([
      { id: CATEGORY_FIELD_ID, value: 'network' },
      { id: 27493018469957, value: '149.00' },
      { id: 555, value: true },
    ]);
  });

  it('sets group and clears the assignee with null; refuses a group that does not exist', async () => {
    const fake = seeded();
    const moved = ticketIn(await putTicket(fake, TICKET, { group_id: 9001, assignee_id: null }));
    expect([moved.group_id, moved.assignee_id]).toEqual([9001, null]);
    const refused = await putTicket(fake, TICKET, { group_id: 123 });
    expect(refused.status).toBe(422);
    expect(errorIn(refused).description).toBe('Record validation errors');
    expect(fake.ticket(TICKET)?.group_id).toBe(9001);
  });

  it('derives status from custom_status_id and refuses a contradicting pair', async () => {
    const fake = seeded();
    expect(ticketIn(await putTicket(fake, TICKET, { custom_status_id: 1004 })).status).toBe('hold');
    expect((await putTicket(fake, TICKET, { custom_status_id: 1003, status: 'open' })).status).toBe(422);
  });

  it('refuses to update a closed ticket', async () => {
    const fake = createFakeZendesk();
    fake.seed({ ticket: { id: 5, status: 'closed' } });
    const response = await putTicket(fake, 5, { status: 'open' });
    expect(response.status).toBe(422);
    expect(fake.ticket(5)?.status).toBe('closed');
  });
});

describe('audits and the write log', () => {
  it('records each update as an audit with Zendesk Change and Comment events', async () => {
    const fake = seeded();
    const response = await putTicket(fake, TICKET, {
      status: 'hold',
      group_id: 9001,
      additional_tags: ['escalated_carrier'],
      comment: { body: 'note', public: false },
    });
    const audit = (response.body as { audit: Audit }).audit;
    expect(
      audit.events.map((event) => [event.type, 'field_name' in event ? event.field_name : null]),
    ).toEqual([
      ['Comment', null],
      ['Change', 'status'],
      ['Change', 'custom_status_id'],
      ['Change', 'group_id'],
      ['Change', 'tags'],
    ]);
    const groupChange = audit.events.find(
      (event): event is ChangeEvent => event.type === 'Change' && event.field_name === 'group_id',
    );
    expect(groupChange).toMatchObject({ value: 9001, previous_value: FIXTURE_IDS.group });
    const listed = (await get(fake, `/api/v2/tickets/${TICKET}/audits.json`)).body as { audits: Audit[] };
    expect(listed.audits.at(-1)?.id).toBe(audit.id);
    // Seeded history: one Create audit (with the first comment) and one audit for the second comment.
    expect(listed.audits).toHaveLength(3);
    expect(
      listed.audits[0]?.events.some((event) => event.type === 'Create' && event.field_name === 'status'),
    ).toBe(true);
  });

  it('logs every write in order and tells subscribers as it happens', async () => {
    const fake = seeded();
    const heard: FakeZendeskEvent[] = [];
    const unsubscribe = fake.subscribe((event) => heard.push(event));
    await putTicket(fake, TICKET, {
      comment: { body: 'internal', public: false },
      additional_tags: ['escalated_l2'],
    });
    await putTicket(fake, TICKET, { comment: { body: 'Hi Brenda', public: true } });
    unsubscribe();
    await putTicket(fake, TICKET, { priority: 'high' });
    const writes = fake.writes();
    expect(writes.map((write) => write.summary)).toEqual([
      ['internal note by user 1: internal', 'tags +escalated_l2'],
      ['public reply by user 1: Hi Brenda'],
      ['priority: "normal" → "high"'],
    ]);
    expect(heard.filter((event) => event.type === 'write')).toHaveLength(2);
    expect(heard.filter((event) => event.type === 'request')).toHaveLength(2);
  });

  it('logs no write for an update that changes nothing', async () => {
    const fake = seeded();
    const response = await putTicket(fake, TICKET, { status: 'open', additional_tags: ['outage'] });
    expect(response.status).toBe(200);
    expect(fake.writes()).toHaveLength(0);
    expect(fake.ticket(TICKET)?.updated_at).toBe('2025-08-20T22:49:00Z');
  });
});

describe('creating tickets', () => {
  it('creates a linked follow-up with 201, a Location header and a Create audit', async () => {
    const fake = seeded();
    const response = await fake.request({
      url: '/api/v2/tickets.json',
      type: 'POST',
      contentType: 'application/json',
      data: JSON.stringify({
        ticket: {
          subject: 'Follow up: Columbus outage',
          comment: { body: `Follow-up for #${TICKET}`, public: false },
          requester_id: FIXTURE_IDS.requester,
          group_id: 9001,
          tags: ['follow_up'],
        },
      }),
    });
    expect(response.status).toBe(201);
    const created = ticketIn(response);
    expect(created.id).toBe(TICKET + 1);
    expect(response.headers.location).toBe(`https://fake.zendesk.com/api/v2/tickets/${TICKET + 1}.json`);
    expect(fake.ticket(created.id)).toMatchObject<Partial<Ticket>>({
      status: 'new',
      group_id: 9001,
      tags: ['follow_up'],
    });
    expect(fake.comments(created.id).map((comment) => comment.public)).toEqual([false]);
    expect(fake.writes()[0]?.method).toBe('POST');
  });

  it('refuses a ticket without a comment', async () => {
    const fake = seeded();
    const response = await fake.request({
      url: '/api/v2/tickets.json',
      type: 'POST',
      data: { ticket: { subject: 'x' } },
    });
    expect(response.status).toBe(422);
  });
});
