import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeClient } from '../../fake/client';
import { CATEGORY_FIELD_ID, FIXTURE_IDS, FIXTURE_NOW, outageBundle } from '../../fake/fixtures';
import { createFakeZendesk } from '../../fake/zendesk';
import { WATCHED_EVENTS, watchTicket } from './watch';

function setup() {
  const fake = createFakeZendesk({ now: () => Date.parse(FIXTURE_NOW) });
  fake.seed(outageBundle());
  return { fake, client: createFakeClient(fake, { ticketId: FIXTURE_IDS.ticket }) };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('watchTicket', () => {
  it('reports a burst of changes once, after the quiet period, naming each event', () => {
    const { client } = setup();
    const seen: string[] = [];
    watchTicket(client, (what) => seen.push(what), { customFieldIds: [CATEGORY_FIELD_ID, null] });
    client.fire('ticket.tags.changed', ['a']);
    vi.advanceTimersByTime(200);
    client.fire('ticket.status.changed', 'pending');
    client.fire('ticket.tags.changed', ['a', 'b']);
    client.fire(`ticket.custom_field_${CATEGORY_FIELD_ID}.changed`, 'esim');
    vi.advanceTimersByTime(299);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual([
      `ticket.tags.changed, ticket.status.changed, ticket.custom_field_${CATEGORY_FIELD_ID}.changed`,
    ]);
  });

  it('subscribes to the ticket events and the configured fields, and unsubscribes from all of them', () => {
    const { client } = setup();
    const stop = watchTicket(client, () => undefined, {
      customFieldIds: [CATEGORY_FIELD_ID],
      debounceMs: 50,
    });
    const events = [...WATCHED_EVENTS, `ticket.custom_field_${CATEGORY_FIELD_ID}.changed`];
    expect(events.map((e) => client.listenerCount(e))).toEqual(events.map(() => 1));
    stop();
    expect(events.map((e) => client.listenerCount(e))).toEqual(events.map(() => 0));
  });

  it('drops a pending report when unsubscribed', () => {
    const { client } = setup();
    const seen: string[] = [];
    const stop = watchTicket(client, (what) => seen.push(what));
    client.fire('ticket.comments.changed', []);
    stop();
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([]);
  });

  it('hears another agent’s edit through the fake client’s live events', async () => {
    const { fake, client } = setup();
    const seen: string[] = [];
    watchTicket(client, (what) => seen.push(what), { debounceMs: 10 });
    fake.simulateConcurrentEdit(FIXTURE_IDS.ticket, {
      status: 'pending',
      comment: { body: 'Called', public: false },
    });
    await vi.advanceTimersByTimeAsync(10);
    expect(seen).toEqual(['ticket.comments.changed, ticket.status.changed']);
  });
});
