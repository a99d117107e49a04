/**
 * One ticket's session with the real SDK client in the app window: the ticket_sidebar paths and actions,
 * the form that holds the app's edits until Submit, change events, and requests through the fake Zendesk.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CATEGORY_FIELD_ID, FIXTURE_IDS, outageBundle } from '../../fake/fixtures';
import { sdkClientIn, windowPair } from '../testing';
import { TEAM_GROUPS } from './account';
import { Session } from './session';
import type { SidebarUi } from './sidebar';

const HOST_ORIGIN = 'http://localhost:4567';
const APP_ORIGIN = 'http://127.0.0.1:4568';
const APP_GUID = 'guid-session';

const sessions: Session[] = [];

async function open(options: { latencyMs?: number; requirements?: unknown } = {}) {
  const windows = windowPair(HOST_ORIGIN, APP_ORIGIN);
  const uiCalls: string[] = [];
  const ui: SidebarUi = {
    resize: (size) => uiCalls.push(`resize ${JSON.stringify(size)}`),
    notify: (message, kind, durationMs) => uiCalls.push(`notify ${kind} ${String(durationMs)} ${message}`),
    macro: (id) => uiCalls.push(`macro ${id}`),
    appsTray: (visible) => uiCalls.push(`appsTray ${visible ? 'show' : 'hide'}`),
  };
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
    appOrigin: APP_ORIGIN,
    appGuid: APP_GUID,
    ui,
    latencyMs: options.latencyMs ?? 0,
    hookTimeoutMs: () => 1000,
    ...(options.requirements === undefined ? {} : { requirements: options.requirements }),
    onChange: () => undefined,
    onFakeEvent: () => undefined,
    log: () => undefined,
  });
  sessions.push(session);
  const client = await sdkClientIn(windows.app, windows.host, APP_GUID);
  await client.metadata();
  return { session, client, uiCalls };
}

afterEach(() => {
  for (const session of sessions.splice(0)) session.stop();
  vi.unstubAllGlobals();
});

describe("the installation's requirements", () => {
  it('answers requirement:<identifier> from the install, and an unknown identifier as an unknown path', async () => {
    const requirements = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../requirements.json'), 'utf8'),
    ) as unknown;
    const { session, client } = await open({ requirements });
    const answer = await client.get(['requirement:escalation_record', 'requirement:nope']);
    expect(answer['requirement:escalation_record']).toMatchObject({
      identifier: 'escalation_record',
      requirement_type: 'ticket_fields',
      requirement_id: session.installed?.ticket_fields.escalation_record,
    });
    expect(answer).not.toHaveProperty(['requirement:nope']);
    expect(Object.keys(answer.errors ?? {})).toEqual(['requirement:nope']);
    await expect(client.get('requirement:nope')).rejects.toThrow(/requirement:nope/u);
  });

  it('answers no requirement for a package without requirements.json', async () => {
    const { client } = await open();
    const answer = await client.get(['requirement:escalation_record']);
    expect(Object.keys(answer.errors ?? {})).toEqual(['requirement:escalation_record']);
  });
});

describe('reading the ticket', () => {
  it('answers the paths an app reads in one batched get, in ZAF shapes', async () => {
    const { client } = await open();
    const answer = await client.get([
      'ticket.id',
      'ticket.subject',
      'ticket.status',
      'ticket.tags',
      'ticket.requester',
      'ticket.assignee',
      'ticket.via',
      'ticket.createdAt',
      `ticket.customField:custom_field_${CATEGORY_FIELD_ID}`,
      'ticket.comments',
      'currentUser',
      'comment.type',
    ]);
    expect(answer.errors).toEqual({});
    expect(answer['ticket.id']).toBe(FIXTURE_IDS.ticket);
    expect(answer['ticket.subject']).toBe('No service since 5pm - outage?');
    expect(answer['ticket.tags']).toEqual(['no_service', 'outage']);
    expect(answer['ticket.requester']).toMatchObject({
      id: FIXTURE_IDS.requester,
      name: 'Brenda Kowalski',
      role: 'end-user',
    });
    expect(answer['ticket.assignee']).toMatchObject({
      user: { id: FIXTURE_IDS.agent, name: 'Tomasz Nowak' },
      group: { id: FIXTURE_IDS.group, name: `Group ${FIXTURE_IDS.group}` },
    });
    expect(answer['ticket.via']).toEqual({ channel: 'web', source: null });
    expect(answer[`ticket.customField:custom_field_${CATEGORY_FIELD_ID}`]).toBe('network');
    expect(answer['ticket.comments']).toHaveLength(2);
    // The assignee is the signed-in agent, in every team group.
    expect(answer.currentUser).toMatchObject({ id: FIXTURE_IDS.agent, role: 'agent' });
    expect((answer.currentUser as { groups: unknown[] }).groups).toHaveLength(TEAM_GROUPS.length + 1);
    expect(answer['comment.type']).toBe('publicReply');
  });

  it('moves the case to the present: timestamps end near the real clock', async () => {
    const { client } = await open();
    const { 'ticket.updatedAt': updatedAt } = await client.get('ticket.updatedAt');
    expect(Math.abs(Date.now() - Date.parse(String(updatedAt)))).toBeLessThan(60 * 60_000);
  });

  it('rejects a custom field the ticket does not have, and a path the host does not serve', async () => {
    const { client } = await open();
    await expect(client.get('ticket.customField:custom_field_1')).rejects.toThrow(/does not have/u);
    await expect(client.get('ticket.sharingAgreements')).rejects.toThrow(/is not available/u);
  });
});

describe("the app's edits", () => {
  it('tags.add changes the form and fires ticket.tags.changed, but not the stored ticket until Submit', async () => {
    const { session, client } = await open();
    const heard: unknown[] = [];
    client.on('ticket.tags.changed', (tags) => heard.push(tags));
    await vi.waitFor(() => {
      expect(session.host.subscriptions().get('ticket.tags.changed')).toBe(1);
    });
    await client.invoke('ticket.tags.add', ['escalated_l2']);
    await vi.waitFor(() => {
      expect(heard).toEqual([['no_service', 'outage', 'escalated_l2']]);
    });
    expect((await client.get('ticket.tags'))['ticket.tags']).toContain('escalated_l2');
    expect(session.fake.ticket(FIXTURE_IDS.ticket)?.tags).not.toContain('escalated_l2');
    expect(session.fake.writes()).toHaveLength(0);

    const result = await session.submit();
    expect(result).toMatchObject({ hook: { kind: 'no-listener' }, save: { kind: 'saved' } });
    expect(session.fake.ticket(FIXTURE_IDS.ticket)?.tags).toContain('escalated_l2');
    expect(session.fake.writes()[0]).toMatchObject({ origin: 'request', authorId: FIXTURE_IDS.agent });
  });

  it('lets a safe_update built from a read made after the app edited the form succeed (no false 409)', async () => {
    const { client } = await open();
    await client.invoke('ticket.tags.add', 'escalated_l2');
    const body = (await client.request(`/api/v2/tickets/${FIXTURE_IDS.ticket}.json`)) as {
      ticket: { updated_at: string };
    };
    const updated = await client.request({
      url: `/api/v2/tickets/${FIXTURE_IDS.ticket}.json`,
      type: 'PUT',
      contentType: 'application/json',
      data: JSON.stringify({
        ticket: { status: 'pending', safe_update: true, updated_stamp: body.ticket.updated_at },
      }),
    });
    expect(updated).toMatchObject({ ticket: { status: 'pending' } });
  });

  it('comment.appendText and comment.type fill the reply editor; Submit posts it as that kind of comment', async () => {
    const { session, client } = await open();
    await client.set('comment.type', 'internalNote');
    await client.invoke('comment.appendText', 'Escalated to L2.');
    expect(session.form.editor).toEqual({ text: 'Escalated to L2.', type: 'internalNote' });
    expect((await client.get('comment.text'))['comment.text']).toBe('Escalated to L2.');
    await session.submit();
    const last = session.fake.comments(FIXTURE_IDS.ticket).at(-1);
    expect(last).toMatchObject({ body: 'Escalated to L2.', public: false, author_id: FIXTURE_IDS.agent });
    expect(session.form.editor.text).toBe('');
  });

  it('resize, notify and macro reach the page', async () => {
    const { client, uiCalls } = await open();
    await client.invoke('resize', { width: '100%', height: 480 });
    await client.invoke('notify', 'Escalated', 'error', { sticky: true });
    await client.invoke('notify', 'Saved');
    await client.invoke('macro', 360001);
    expect(uiCalls).toEqual([
      'resize {"width":"100%","height":"480px"}',
      'notify error null Escalated',
      'notify notice 5000 Saved',
      'macro 360001',
    ]);
  });

  it('appsTray.show reaches the page (the app coming forward), and appsTray.isVisible reads', async () => {
    const { client, uiCalls } = await open();
    await client.invoke('appsTray.show');
    await client.invoke('appsTray.hide');
    expect(uiCalls).toEqual(['appsTray show', 'appsTray hide']);
    expect(await client.get('appsTray.isVisible')).toMatchObject({ 'appsTray.isVisible': true });
  });

  it('rejects an action the host does not have, naming it', async () => {
    const { client } = await open();
    await expect(client.invoke('instances.create', 'x')).rejects.toThrow(
      /"instances\.create" is not an action/u,
    );
  });
});

describe('the save hook', () => {
  it('does not save when the app blocks, and saves when it allows', async () => {
    const { session, client } = await open();
    let block = true;
    client.on('ticket.save', () => (block ? 'Confirm the escalation first.' : undefined));
    await vi.waitFor(() => {
      expect(session.host.subscriptions().get('ticket.save')).toBe(1);
    });
    await client.invoke('ticket.tags.add', 'escalated_l2');
    expect(await session.submit()).toEqual({
      hook: { kind: 'blocked', message: 'Confirm the escalation first.' },
      save: null,
    });
    expect(session.fake.writes()).toHaveLength(0);
    block = false;
    expect(await session.submit()).toMatchObject({ hook: { kind: 'allowed' }, save: { kind: 'saved' } });
    expect(session.fake.writes()).toHaveLength(1);
  });

  it("leaves a fault queued for the app's next request unspent by the agent's Submit", async () => {
    const { session, client } = await open({ latencyMs: 5 });
    session.failNext({ status: 500 });
    await client.invoke('ticket.tags.add', 'escalated_l2');
    expect((await session.submit()).save).toMatchObject({ kind: 'saved' });
    expect(session.fake.pendingFaults()).toEqual([{ status: 500 }]);
    await expect(client.request(`/api/v2/tickets/${FIXTURE_IDS.ticket}.json`)).rejects.toMatchObject({
      status: 500,
    });
  });
});

describe('requests and other agents', () => {
  it('turns a 429 into a rejection carrying status, body and, with httpCompleteResponse, Retry-After', async () => {
    const { session, client } = await open();
    session.failNext({ status: 429, retryAfter: 7 });
    const rejection = client.request({
      url: `/api/v2/tickets/${FIXTURE_IDS.ticket}.json`,
      httpCompleteResponse: true,
      autoRetry: false,
    });
    await expect(rejection).rejects.toMatchObject({
      status: 429,
      statusText: 'Too Many Requests',
      responseJSON: { error: 'TooManyRequests' },
      headers: { 'retry-after': '7' },
    });
  });

  it("fires change events when another agent saves, and the app's stale safe_update gets 409", async () => {
    const { session, client } = await open();
    const { 'ticket.updatedAt': readAt } = await client.get('ticket.updatedAt');
    const heard: unknown[] = [];
    client.on('ticket.status.changed', (status) => heard.push(status));
    client.on('ticket.comments.changed', (comments) => heard.push((comments as unknown[]).length));
    await vi.waitFor(() => {
      expect(session.host.subscriptions().get('ticket.comments.changed')).toBe(1);
    });
    session.otherAgentEdit({ status: 'pending', comment: { body: 'Still down', public: true } });
    await vi.waitFor(() => {
      expect(heard).toEqual(['pending', 3]);
    });
    const stale = client.request({
      url: `/api/v2/tickets/${FIXTURE_IDS.ticket}.json`,
      type: 'PUT',
      data: JSON.stringify({ ticket: { status: 'open', safe_update: true, updated_stamp: readAt } }),
    });
    await expect(stale).rejects.toMatchObject({ status: 409, responseJSON: { error: 'UpdateConflict' } });
  });
});
