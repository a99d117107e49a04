/**
 * The host's side of the ZAF protocol against the real SDK client (zendesk_app_framework_sdk 2.0.11),
 * over a fake window pair: whatever these tests accept, the SDK in the app's iframe accepts too.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sdkClientIn, windowPair, type FakeWindow } from '../testing';
import {
  createZafHost,
  fail,
  ok,
  type Answer,
  type LocationApi,
  type ProtocolLogEntry,
  type RequestReply,
  type ZafHost,
} from './zaf';

const HOST_ORIGIN = 'http://localhost:4567';
const APP_ORIGIN = 'http://127.0.0.1:4568';
const APP_GUID = 'guid-1';

const REGISTRATION = {
  metadata: { appId: 1, installationId: 1, settings: { category_field_id: 42 } },
  context: { location: 'ticket_sidebar', ticketId: 7, account: { subdomain: 'local' } },
};

interface Rig {
  readonly host: ZafHost;
  readonly windows: { host: FakeWindow; app: FakeWindow };
  readonly calls: string[];
  readonly logged: ProtocolLogEntry[];
}

function rig(
  overrides: { request?: (options: unknown) => Promise<RequestReply>; api?: Partial<LocationApi> } = {},
): Rig {
  const windows = windowPair(HOST_ORIGIN, APP_ORIGIN);
  const calls: string[] = [];
  const logged: ProtocolLogEntry[] = [];
  const api: LocationApi = {
    get: (path) => {
      calls.push(`get ${path}`);
      return path === 'ticket.subject' ? ok('Printer on fire') : fail(path, 'is not available here.');
    },
    set: (path, value) => {
      calls.push(`set ${path} ${JSON.stringify(value)}`);
      return ok(value);
    },
    invoke: (name, args): Answer => {
      calls.push(`invoke ${name} ${JSON.stringify(args)}`);
      return ok(null);
    },
    ...overrides.api,
  };
  const host = createZafHost({
    listenOn: windows.host,
    app: windows.app,
    appOrigin: APP_ORIGIN,
    appGuid: APP_GUID,
    registration: () => REGISTRATION,
    api,
    request: overrides.request ?? (() => Promise.resolve({ kind: 'done', responseArgs: [{ ok: true }] })),
    log: (entry) => logged.push(entry),
  });
  return { host, windows, calls, logged };
}

async function registeredClient(current: Rig) {
  const client = await sdkClientIn(current.windows.app, current.windows.host, APP_GUID);
  await client.metadata();
  return client;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('handshake', () => {
  it('answers iframe.handshake with app.registered carrying metadata and context', async () => {
    const current = rig();
    const client = await sdkClientIn(current.windows.app, current.windows.host, APP_GUID);
    expect(await client.metadata()).toEqual(REGISTRATION.metadata);
    expect(await client.context()).toEqual(REGISTRATION.context);
    expect(client.ready).toBe(true);
    expect(current.host.isRegistered()).toBe(true);
    current.host.stop();
  });

  it('ignores messages from another window or another origin, and for another app', async () => {
    const current = rig();
    const handshake = JSON.stringify({
      key: 'iframe.handshake',
      message: { version: '2.0.9' },
      appGuid: APP_GUID,
    });
    current.windows.host.deliver(handshake, 'http://evil.example', current.windows.app);
    current.windows.host.deliver(handshake, APP_ORIGIN, { not: 'the iframe' });
    current.windows.host.deliver(
      JSON.stringify({ key: 'iframe.handshake', appGuid: 'other' }),
      APP_ORIGIN,
      current.windows.app,
    );
    await vi.waitFor(() => {
      expect(current.logged.filter((entry) => entry.direction === 'ignored')).toHaveLength(3);
    });
    expect(current.host.isRegistered()).toBe(false);
    expect(current.logged.some((entry) => entry.direction === 'out')).toBe(false);
    current.host.stop();
  });
});

describe('get, set and invoke', () => {
  it('resolves a single path with {path: value, errors: {}}', async () => {
    const current = rig();
    const client = await registeredClient(current);
    expect(await client.get('ticket.subject')).toEqual({ 'ticket.subject': 'Printer on fire', errors: {} });
    current.host.stop();
  });

  it('rejects a single unknown path with an Error naming it, as the SDK builds it from errors[path]', async () => {
    const current = rig();
    const client = await registeredClient(current);
    await expect(client.get('ticket.nope')).rejects.toThrow('"ticket.nope" is not available here.');
    current.host.stop();
  });

  it('resolves an array of paths with the values and the errors side by side', async () => {
    const current = rig();
    const client = await registeredClient(current);
    const answer = await client.get(['ticket.subject', 'ticket.nope']);
    expect(answer['ticket.subject']).toBe('Printer on fire');
    expect(answer.errors).toEqual({
      'ticket.nope': { name: 'Error', message: 'is not available here.', path: 'ticket.nope' },
    });
    current.host.stop();
  });

  it('passes set values and invoke arguments through unchanged', async () => {
    const current = rig();
    const client = await registeredClient(current);
    await client.set('comment.type', 'internalNote');
    await client.invoke('resize', { width: '100%', height: '420px' });
    await client.invoke('ticket.tags.add', ['a', 'b']);
    expect(current.calls).toEqual([
      'set comment.type "internalNote"',
      'invoke resize [{"width":"100%","height":"420px"}]',
      'invoke ticket.tags.add [["a","b"]]',
    ]);
    current.host.stop();
  });
});

describe('client.request', () => {
  it('resolves with the first of responseArgs on request:K.done', async () => {
    const seen: unknown[] = [];
    const current = rig({
      request: (options) => {
        seen.push(options);
        return Promise.resolve({ kind: 'done', responseArgs: [{ ticket: { id: 7 } }, 'success', {}] });
      },
    });
    const client = await registeredClient(current);
    expect(await client.request({ url: '/api/v2/tickets/7.json', type: 'GET' })).toEqual({
      ticket: { id: 7 },
    });
    expect(seen).toEqual([{ url: '/api/v2/tickets/7.json', type: 'GET' }]);
    current.host.stop();
  });

  it('rejects with the first of responseArgs on request:K.fail', async () => {
    const xhr = {
      status: 409,
      statusText: 'Conflict',
      responseText: '{}',
      responseJSON: { error: 'UpdateConflict' },
    };
    const current = rig({
      request: () => Promise.resolve({ kind: 'fail', responseArgs: [xhr, 'error', 'Conflict'] }),
    });
    const client = await registeredClient(current);
    await expect(client.request('/api/v2/tickets/7.json')).rejects.toEqual(xhr);
    current.host.stop();
  });
});

describe('when the host itself fails', () => {
  it('rejects the call at once instead of leaving it to the SDK timeout', async () => {
    const current = rig({
      api: {
        get: () => {
          throw new Error('ticket vanished');
        },
      },
    });
    const client = await registeredClient(current);
    await expect(client.get('ticket.subject')).rejects.toThrow('The local host failed: ticket vanished');
    current.host.stop();
  });

  it('fails the request with a 500 the app can read', async () => {
    const current = rig({ request: () => Promise.reject(new Error('fake exploded')) });
    const client = await registeredClient(current);
    await expect(client.request('/api/v2/tickets/7.json')).rejects.toMatchObject({
      status: 500,
      responseText: 'The local host failed on this request: fake exploded',
    });
    current.host.stop();
  });
});

describe('events', () => {
  it('sends an event only once the app subscribed, with the payload as the handler argument', async () => {
    const current = rig();
    const client = await registeredClient(current);
    expect(current.host.trigger('ticket.status.changed', 'pending')).toBe(false);
    const heard: unknown[] = [];
    client.on('ticket.status.changed', (status) => heard.push(status));
    await vi.waitFor(() => {
      expect(current.host.subscriptions().get('ticket.status.changed')).toBe(1);
    });
    expect(current.host.trigger('ticket.status.changed', 'pending')).toBe(true);
    await vi.waitFor(() => {
      expect(heard).toEqual(['pending']);
    });
    current.host.stop();
  });

  it('forgets subscriptions when the app handshakes again (a reloaded iframe)', async () => {
    const current = rig();
    const first = await registeredClient(current);
    first.on('ticket.tags.changed', () => undefined);
    await vi.waitFor(() => {
      expect(current.host.subscriptions().get('ticket.tags.changed')).toBe(1);
    });
    await registeredClient(current);
    expect(current.host.subscriptions().size).toBe(0);
    current.host.stop();
  });
});

describe('the ticket.save hook', () => {
  async function hookWith(handler: (() => unknown) | null, timeoutMs = 2000) {
    const current = rig();
    const client = await registeredClient(current);
    if (handler !== null) {
      client.on('ticket.save', handler);
      await vi.waitFor(() => {
        expect(current.host.subscriptions().get('ticket.save')).toBe(1);
      });
    }
    const outcome = await current.host.runHook('ticket.save', timeoutMs);
    current.host.stop();
    return outcome;
  }

  it('goes ahead without asking when no app listens', async () => {
    expect(await hookWith(null)).toEqual({ kind: 'no-listener' });
  });

  it('is allowed when the handler returns nothing or true', async () => {
    expect(await hookWith(() => undefined)).toEqual({ kind: 'allowed' });
    expect(await hookWith(() => true)).toEqual({ kind: 'allowed' });
  });

  it('is blocked with the message when the handler returns a string, throws or rejects', async () => {
    expect(await hookWith(() => 'Escalate first')).toEqual({ kind: 'blocked', message: 'Escalate first' });
    expect(
      await hookWith(() => {
        throw new Error('Not yet');
      }),
    ).toEqual({ kind: 'blocked', message: 'Not yet' });
    expect(await hookWith(() => Promise.reject(new Error('Later')))).toEqual({
      kind: 'blocked',
      message: 'Later',
    });
  });

  it('is blocked without a message when the handler returns false', async () => {
    expect(await hookWith(() => false)).toEqual({ kind: 'blocked', message: null });
  });

  it('times out when the handler never settles', async () => {
    expect(await hookWith(() => new Promise(() => undefined), 50)).toEqual({ kind: 'timeout', afterMs: 50 });
  });

  it('waits for registration before asking anything', async () => {
    const current = rig();
    expect(await current.host.runHook('ticket.save', 100)).toEqual({ kind: 'not-registered' });
    current.host.stop();
  });
});
