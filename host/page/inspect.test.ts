/** The host page's test hook: the open ticket's stored state as data, and faults queued through it. */
import { afterEach, describe, expect, it } from 'vitest';
import { CATEGORY_FIELD_ID, FIXTURE_IDS, outageBundle, putTicket } from '../../fake/fixtures';
import { windowPair } from '../testing';
import { createTestApi } from './inspect';
import { Session } from './session';

const sessions: Session[] = [];

function open(): Session {
  const windows = windowPair('http://localhost:4567', 'http://127.0.0.1:4568');
  const session = new Session({
    entry: {
      id: 'test/outage.json',
      name: 'outage',
      ticketId: FIXTURE_IDS.ticket,
      subject: '',
      bundle: outageBundle(),
    },
    settings: () => ({ category_field_id: CATEGORY_FIELD_ID }),
    listenOn: windows.host,
    app: windows.app,
    appOrigin: 'http://127.0.0.1:4568',
    appGuid: 'guid-inspect',
    ui: { resize: () => undefined, notify: () => undefined, macro: () => undefined },
    latencyMs: 0,
    hookTimeoutMs: () => 1000,
    onChange: () => undefined,
    onFakeEvent: () => undefined,
    log: () => undefined,
  });
  sessions.push(session);
  return session;
}

/** How often the hook asked the page to reload the app. */
let reloads = 0;

function apiFor(session: Session | null) {
  return createTestApi({
    session: () => session,
    caseId: () => (session === null ? null : 'test/outage.json'),
    settings: () => ({ category_field_id: String(CATEGORY_FIELD_ID) }),
    reloadApp: () => {
      reloads += 1;
      return Promise.resolve();
    },
  });
}

afterEach(() => {
  for (const session of sessions.splice(0)) session.stop();
});

describe('window.escalationHost', () => {
  it('has no state and queues no fault while no ticket is open', () => {
    const api = apiFor(null);
    expect(api.state()).toBeNull();
    expect(() => {
      api.failNext({ kind: 'stale' });
    }).toThrow('Open a ticket before queueing a fault.');
  });

  it('gives the stored ticket, its comments, linked tickets, writes and requests', async () => {
    const session = open();
    const api = apiFor(session);
    const seeded = api.state();
    expect(seeded).toMatchObject({
      caseId: 'test/outage.json',
      ticketId: FIXTURE_IDS.ticket,
      writes: [],
      requests: [],
      pendingFaults: [],
      settings: { category_field_id: String(CATEGORY_FIELD_ID) },
      appRegistered: false,
    });
    expect(seeded?.ticket.tags).toEqual(['no_service', 'outage']);
    const seededComments = seeded?.comments.length ?? 0;

    await putTicket(session.fake, FIXTURE_IDS.ticket, {
      additional_tags: ['escalated_engineering'],
      comment: { body: 'Escalation note', public: false },
    });
    await session.fake.request({
      url: '/api/v2/tickets.json',
      type: 'POST',
      contentType: 'application/json',
      data: JSON.stringify({ ticket: { subject: 'Handoff', comment: { body: 'Linked', public: false } } }),
    });

    const state = api.state();
    expect(state?.ticket.tags).toEqual(['no_service', 'outage', 'escalated_engineering']);
    expect(state?.comments).toHaveLength(seededComments + 1);
    expect(state?.comments.at(-1)).toMatchObject({ body: 'Escalation note', public: false });
    expect(state?.createdTickets.map(({ ticket, comments }) => [ticket.subject, comments.length])).toEqual([
      ['Handoff', 1],
    ]);
    expect(state?.writes.map((write) => [write.method, write.origin])).toEqual([
      ['PUT', 'request'],
      ['POST', 'request'],
    ]);
    expect(state?.requests.map((request) => [request.method, request.status])).toEqual([
      ['PUT', 200],
      ['POST', 201],
    ]);
  });

  it('hands out copies: changing the state changes nothing in the fake', () => {
    const session = open();
    const api = apiFor(session);
    const state = api.state();
    state?.ticket.tags.push('not_really');
    expect(api.state()?.ticket.tags).toEqual(['no_service', 'outage']);
  });

  it('queues any fault on the open ticket: a stale one makes the next safe update a 409', async () => {
    const session = open();
    const api = apiFor(session);
    api.failNext({ kind: 'stale', change: { subject: 'Renamed by another agent' } });
    expect(api.state()?.pendingFaults).toEqual(['409: another agent saves just before the next ticket PUT']);

    const stamp = api.state()?.ticket.updated_at;
    const answer = await putTicket(session.fake, FIXTURE_IDS.ticket, {
      safe_update: true,
      updated_stamp: stamp,
      comment: { body: 'Escalation note', public: false },
    });
    expect(answer.status).toBe(409);
    const state = api.state();
    expect(state?.pendingFaults).toEqual([]);
    expect(state?.ticket.subject).toBe('Renamed by another agent');
    expect(state?.writes.map((write) => write.origin)).toEqual(['concurrent-edit']);
    expect(state?.requests.map((request) => [request.status, request.fault])).toEqual([[409, 'stale']]);
  });

  it('holds a write until released, then delivers it or drops it; clears faults', async () => {
    const session = open();
    const api = apiFor(session);
    api.hold((request) => request.method === 'PUT');
    api.hold();
    expect(api.state()?.pendingFaults).toEqual([
      'the next write is held on the wire until the test releases it',
      'the next write is held on the wire until the test releases it',
    ]);
    const delivered = putTicket(session.fake, FIXTURE_IDS.ticket, { additional_tags: ['late'] });
    const second = putTicket(session.fake, FIXTURE_IDS.ticket, { additional_tags: ['also'] });
    expect(api.state()?.pendingFaults).toEqual([]);
    expect(api.state()?.ticket.tags).toEqual(['no_service', 'outage']);
    api.release('deliver');
    expect((await delivered).status).toBe(200);
    expect((await second).status).toBe(200);
    expect(api.state()?.ticket.tags).toEqual(['no_service', 'outage', 'late', 'also']);

    api.hold();
    const lost = putTicket(session.fake, FIXTURE_IDS.ticket, { additional_tags: ['gone'] });
    api.release('drop');
    expect((await lost).status).toBe(0);
    expect(api.state()?.ticket.tags).not.toContain('gone');

    api.failNext({ kind: 'network', times: 3 });
    expect(api.state()?.pendingFaults).toEqual(['network lost: 3 requests never reach Zendesk']);
    api.clearFaults();
    expect(api.state()?.pendingFaults).toEqual([]);
  });

  it('reloads the app through the page, only while a ticket is open', async () => {
    const before = reloads;
    await apiFor(open()).reloadApp();
    expect(reloads).toBe(before + 1);
    expect(() => apiFor(null).reloadApp()).toThrow('Open a ticket before reloading the app.');
    expect(reloads).toBe(before + 1);
  });
});
