import { describe, expect, it } from 'vitest';
import { createFakeClient, type ZafCompleteResponse, type ZafRequestRejection } from './client';
import { CATEGORY_FIELD_ID, FIXTURE_IDS, FIXTURE_NOW, outageBundle } from './fixtures';
import { createFakeZendesk } from './zendesk';

const TICKET = FIXTURE_IDS.ticket;

function setup(options: Parameters<typeof createFakeClient>[1] = {}) {
  const fake = createFakeZendesk({ now: () => Date.parse(FIXTURE_NOW) });
  fake.seed(outageBundle());
  return { fake, client: createFakeClient(fake, { ticketId: TICKET, ...options }) };
}

async function rejection(promise: Promise<unknown>): Promise<ZafRequestRejection> {
  try {
    await promise;
  } catch (reason) {
    return reason as ZafRequestRejection;
  }
  throw new Error('expected the request to be rejected');
}

describe('get', () => {
  it('answers many paths in one call with ZAF’s camelCase shapes', async () => {
    const { client } = setup();
    const answer = await client.get([
      'ticket.id',
      'ticket.status',
      'ticket.tags',
      'ticket.createdAt',
      'ticket.via',
      'ticket.requester',
      'ticket.assignee',
      'ticket.requester.email',
      `ticket.customField:custom_field_${CATEGORY_FIELD_ID}`,
      'currentUser',
    ]);
    expect(answer.errors).toEqual({});
    expect(answer['ticket.id']).toBe(TICKET);
    expect(answer['ticket.status']).toBe('open');
    expect(answer['ticket.tags']).toEqual(['no_service', 'outage']);
    expect(answer['ticket.createdAt']).toBe('2025-08-20T22:34:00Z');
    expect(answer['ticket.via']).toEqual({ channel: 'web', source: null });
    expect(answer['ticket.requester']).toMatchObject({
      id: FIXTURE_IDS.requester,
      name: 'Brenda Kowalski',
      email: 'bkowalski61@aol.com',
    });
    expect(answer['ticket.assignee']).toMatchObject({
      user: { id: FIXTURE_IDS.agent },
      group: { id: FIXTURE_IDS.group },
    });
    expect(answer['ticket.requester.email']).toBe('bkowalski61@aol.com');
    expect(answer[`ticket.customField:custom_field_${CATEGORY_FIELD_ID}`]).toBe('network');
    expect(answer.currentUser).toMatchObject({ id: 1, name: 'Fake Agent', role: 'agent' });
  });

  it('puts an unreadable path in errors for a list, and rejects for a single path, as the SDK does', async () => {
    const { client } = setup();
    const answer = await client.get(['ticket.id', 'ticket.nonsense', 'ticket.customField:custom_field_1']);
    expect(answer['ticket.id']).toBe(TICKET);
    expect(Object.keys(answer.errors ?? {})).toEqual([
      'ticket.nonsense',
      'ticket.customField:custom_field_1',
    ]);
    await expect(client.get('ticket.nonsense')).rejects.toThrow(
      '"ticket.nonsense" is not a path the fake client knows',
    );
  });

  it("answers requirement:<identifier> from its installation's requirements, and an unknown one as an error", async () => {
    const { fake, client } = setup({ installationId: 9 });
    fake.resources.addInstallation(9);
    fake.resources.addRequirement(9, 'refund_amount', 'ticket_fields', 777);
    const answer = await client.get(['requirement:refund_amount', 'requirement:issue_category']);
    expect(answer['requirement:refund_amount']).toMatchObject({
      identifier: 'refund_amount',
      requirement_id: 777,
      requirement_type: 'ticket_fields',
    });
    expect(Object.keys(answer.errors ?? {})).toEqual(['requirement:issue_category']);
    await expect(client.get('requirement:issue_category')).rejects.toThrow(/"requirement:issue_category"/u);
    const other = createFakeClient(fake, { ticketId: TICKET, installationId: 10 });
    expect(Object.keys((await other.get(['requirement:refund_amount'])).errors ?? {})).toEqual([
      'requirement:refund_amount',
    ]);
  });

  it('reads what the ticket holds now, after a write', async () => {
    const { fake, client } = setup();
    fake.simulateConcurrentEdit(TICKET, { status: 'pending' });
    expect((await client.get('ticket.status'))['ticket.status']).toBe('pending');
  });
});

describe('request', () => {
  it('resolves with the body on 2xx, or the complete response when asked', async () => {
    const { client } = setup();
    const body = await client.request<{ ticket: { id: number } }>({ url: `/api/v2/tickets/${TICKET}.json` });
    expect(body.ticket.id).toBe(TICKET);
    const complete = await client.request<ZafCompleteResponse>({
      url: `/api/v2/tickets/${TICKET}.json`,
      httpCompleteResponse: true,
    });
    expect(complete.status).toBe(200);
    expect((complete.responseJSON as { ticket: { id: number } }).ticket.id).toBe(TICKET);
    expect(complete.headers['content-type']).toMatch(/json/u);
  });

  it('rejects a non-2xx answer with a jqXHR-like object, not an Error', async () => {
    const { client } = setup();
    const reason = await rejection(client.request({ url: '/api/v2/tickets/999.json' }));
    expect(reason).not.toBeInstanceOf(Error);
    expect(reason.status).toBe(404);
    expect(reason.statusText).toBe('Not Found');
    expect(reason.responseJSON).toEqual({ error: 'RecordNotFound', description: 'Not found' });
    expect(JSON.parse(reason.responseText)).toEqual(reason.responseJSON);
    expect(reason.readyState).toBe(4);
  });

  it('carries Retry-After on a 429, readable by name in any case', async () => {
    const { fake, client } = setup();
    fake.failNext({ status: 429, retryAfter: 9 });
    const reason = await rejection(client.request({ url: `/api/v2/tickets/${TICKET}.json` }));
    expect(reason.status).toBe(429);
    expect(reason.getResponseHeader('Retry-After')).toBe('9');
    expect(reason.headers['retry-after']).toBe('9');
    expect(reason.getAllResponseHeaders()).toContain('retry-after: 9\r\n');
  });

  it('rejects with status 0 and statusText timeout when the answer is lost', async () => {
    const { fake, client } = setup();
    fake.failNext({ kind: 'timeoutAfterApply' });
    const reason = await rejection(
      client.request({
        url: `/api/v2/tickets/${TICKET}.json`,
        type: 'PUT',
        contentType: 'application/json',
        data: JSON.stringify({ ticket: { priority: 'high' } }),
      }),
    );
    expect([reason.status, reason.statusText, reason.readyState]).toEqual([0, 'timeout', 0]);
    expect(fake.ticket(TICKET)?.priority).toBe('high');
  });
});

describe('set, invoke and events', () => {
  it('records set and invoke, and keeps the agent’s unsaved edits in an overlay', async () => {
    const { fake, client } = setup();
    const heard: unknown[] = [];
    client.on('ticket.tags.changed', (tags) => heard.push(tags));
    await client.invoke('ticket.tags.add', ['escalated_l2']);
    await client.set('comment.type', 'internalNote');
    await client.invoke('comment.appendText', 'Hello');
    await client.invoke('comment.appendText', ' there');
    await client.invoke('resize', { width: '100%', height: '400px' });
    await client.invoke('notify', 'Saved', 'notice');
    expect((await client.get('ticket.tags'))['ticket.tags']).toEqual([
      'no_service',
      'outage',
      'escalated_l2',
    ]);
    expect(fake.ticket(TICKET)?.tags).toEqual(['no_service', 'outage']); // unsaved: the store is unchanged
    expect(heard).toEqual([['no_service', 'outage', 'escalated_l2']]);
    expect(client.editor).toEqual({ text: 'Hello there', type: 'internalNote' });
    expect(client.calls.invokes.map((call) => call.name)).toEqual([
      'ticket.tags.add',
      'comment.appendText',
      'comment.appendText',
      'resize',
      'notify',
    ]);
    expect(client.calls.sets).toEqual([{ path: 'comment.type', value: 'internalNote' }]);
  });

  it('rejects an unknown action and an unknown editor type', async () => {
    const { client } = setup();
    await expect(client.invoke('ticket.explode')).rejects.toThrow(/not an action/u);
    await expect(client.set('comment.type', 'shout')).rejects.toThrow(/internalNote or publicReply/u);
  });

  it('fires handlers until they are removed', () => {
    const { client } = setup();
    const heard: unknown[] = [];
    const handler = (value: unknown): void => {
      heard.push(value);
    };
    client.on('app.activated', handler);
    client.fire('app.activated', 1);
    client.off('app.activated', handler);
    client.fire('app.activated', 2);
    expect(heard).toEqual([1]);
    expect(client.listenerCount('app.activated')).toBe(0);
  });

  it('fires ticket.*.changed when a write changes the open ticket, unless turned off', async () => {
    const live = setup();
    const quiet = setup({ liveEvents: false });
    const heard: unknown[] = [];
    live.client.on('ticket.status.changed', (status) => heard.push(status));
    quiet.client.on('ticket.status.changed', (status) => heard.push(`quiet ${String(status)}`));
    live.fake.simulateConcurrentEdit(TICKET, { status: 'hold' });
    quiet.fake.simulateConcurrentEdit(TICKET, { status: 'hold' });
    await Promise.resolve();
    expect(heard).toEqual(['hold']);
    live.client.close();
    live.fake.simulateConcurrentEdit(TICKET, { status: 'pending' });
    await Promise.resolve();
    expect(heard).toEqual(['hold']);
  });

  it('hands over metadata and context from its options', async () => {
    const { client } = setup({ settings: { l2_group_id: '42' }, subdomain: 'acme', installationId: 7 });
    expect(await client.metadata()).toEqual({ settings: { l2_group_id: '42' }, appId: 1, installationId: 7 });
    expect(await client.context()).toEqual({
      location: 'ticket_sidebar',
      ticketId: TICKET,
      account: { subdomain: 'acme' },
    });
  });
});
