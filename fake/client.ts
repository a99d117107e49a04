/**
 * A ZAF `client` backed by the one fake Zendesk, for tests that run without a host frame: component tests
 * (Testing Library) and the src/zendesk adapters' tests. `request` goes to `FakeZendesk.request` and
 * settles as the SDK does (the body on 2xx; a jqXHR-like rejection otherwise); `get` reads the fake's
 * ticket in ZAF's camelCase shapes and `requirement:<identifier>` from the installation's requirements
 * (what fake/install.ts created for `installationId`); `set` and `invoke` are recorded and change an editor overlay (the
 * agent's unsaved form), firing the change events (`comment.text.changed`...) as the host would; `fire`
 * plays the host's events.
 */
import type { ZafClient, ZafRequest } from '../src/zendesk/types';
import type { Ticket } from './types';
import type { FakeResponse, FakeZendesk, FakeZendeskEvent } from './zendesk';
import { responseTextOf } from './http';
import type { LocalProxy } from './services/proxy';
import { zafComment, zafTicket, zafUser, type Directory } from './zaf-objects';
import { installedRequirement, isRequirementPath } from './install';

/** Options of `createFakeClient`. */
export interface FakeClientOptions {
  /** The ticket the sidebar is open on; `ticket.*` paths read it. Omit for a location without a ticket. */
  readonly ticketId?: number;
  /** The signed-in agent for `currentUser`; default 1, the fake's default agent. */
  readonly currentUserId?: number;
  /** Installation settings as the host hands them over (manifest parameters arrive as text). */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** The groups agents belong to (`currentUser.groups`); default none. */
  readonly agentGroups?: readonly { readonly id: number; readonly name: string }[];
  /** `context().location`; default `ticket_sidebar`. */
  readonly location?: string;
  /** `context().account.subdomain`; default `fake`. */
  readonly subdomain?: string;
  readonly appId?: number;
  readonly installationId?: number;
  /**
   * Fire `ticket.*.changed` when a write changes the open ticket (as Zendesk does when the ticket is
   * updated behind the agent's back or by the app); default true. Events fire after the write's microtask.
   */
  readonly liveEvents?: boolean;
  /**
   * Zendesk's proxy and the third-party services behind it (fake/services): requests for URLs outside
   * the Zendesk API go there. Without it they reach the fake Zendesk, which refuses them.
   */
  readonly services?: LocalProxy;
}

/** What ZAF rejects `client.request` with on a non-2xx answer: jQuery's jqXHR, as far as it survives. */
export interface ZafRequestRejection {
  readonly readyState: number;
  readonly status: number;
  readonly statusText: string;
  readonly responseText: string;
  readonly responseJSON: unknown;
  /** Lower-case header names; what a host that forwards headers passes along. */
  readonly headers: Readonly<Record<string, string>>;
  getResponseHeader(name: string): string | null;
  getAllResponseHeaders(): string;
}

/** What `client.request` resolves with when `httpCompleteResponse` is set. */
export interface ZafCompleteResponse {
  readonly status: number;
  readonly statusText: string;
  readonly responseJSON: unknown;
  readonly responseText: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** The agent's unsaved reply editor. */
export interface FakeEditor {
  readonly text: string;
  readonly type: 'internalNote' | 'publicReply';
}

/** Everything the app asked of the host, in order per kind. */
export interface FakeClientCalls {
  readonly gets: readonly (readonly string[])[];
  readonly sets: readonly { readonly path: string; readonly value: unknown }[];
  readonly invokes: readonly { readonly name: string; readonly args: readonly unknown[] }[];
  readonly requests: readonly ZafRequest[];
}

/** A ZafClient plus the handles a test needs. */
export interface FakeClient extends ZafClient {
  /** Plays a host event: every handler registered with `on(event)` is called with `args`. */
  fire(event: string, ...args: unknown[]): void;
  /** Handlers currently registered for `event`. */
  listenerCount(event: string): number;
  /** What the app asked of the host so far. */
  readonly calls: FakeClientCalls;
  /** The reply editor as the app left it. */
  readonly editor: FakeEditor;
  /** Stops listening to the fake's writes (see `liveEvents`). */
  close(): void;
}

type Handler = (...args: unknown[]) => unknown;

/** Actions `invoke` accepts; anything else rejects, as the host does for an unknown action. */
const KNOWN_ACTIONS = new Set([
  'resize',
  'notify',
  'popover',
  'preloadPane',
  'macro',
  'app.close',
  'appsTray.show',
  'appsTray.hide',
  'ticket.tags.add',
  'ticket.tags.remove',
  'comment.appendText',
  'comment.appendHtml',
  'comment.appendMarkdown',
  'routeTo',
]);

const EDITOR_TYPES = ['internalNote', 'publicReply'] as const;

/** Why a path cannot be read; becomes `errors[path]` (array get) or the rejection (single get). */
class PathError extends Error {}

/** Creates a ZAF client over `fake`; see the module header. */
export function createFakeClient(fake: FakeZendesk, options: FakeClientOptions = {}): FakeClient {
  const handlers = new Map<string, Handler[]>();
  const overlay = new Map<string, unknown>();
  const editor: { text: string; type: FakeEditor['type'] } = { text: '', type: 'publicReply' };
  const calls = {
    gets: [] as string[][],
    sets: [] as { path: string; value: unknown }[],
    invokes: [] as { name: string; args: unknown[] }[],
    requests: [] as ZafRequest[],
  };
  const currentUserId = options.currentUserId ?? 1;
  const directory = directoryOf(fake, options.agentGroups);

  const fire = (event: string, ...args: unknown[]): void => {
    for (const handler of [...(handlers.get(event) ?? [])]) handler(...args);
  };

  const ticket = (): Ticket => {
    if (options.ticketId === undefined)
      throw new PathError('is not available here: the app is not open on a ticket');
    const stored = fake.ticket(options.ticketId);
    if (stored === undefined)
      throw new PathError(`cannot be read: ticket ${options.ticketId} is not in the fake`);
    return stored;
  };

  const tags = (): string[] => {
    const edited = overlay.get('ticket.tags');
    return Array.isArray(edited) ? edited.map(String) : ticket().tags;
  };

  const setTags = (next: readonly string[]): void => {
    const unique = [...new Set(next)];
    overlay.set('ticket.tags', unique);
    fire('ticket.tags.changed', unique);
  };

  const resolve = (path: string): unknown => {
    if (overlay.has(path)) return overlay.get(path);
    if (path === 'currentUser')
      return zafUser(currentUserId, directory) ?? fail('cannot be read: no such user');
    if (path === 'currentAccount') return { subdomain: options.subdomain ?? 'fake', planName: 'fake' };
    if (path === 'comment.text') return editor.text;
    if (path === 'comment.type') return editor.type;
    if (isRequirementPath(path)) {
      const requirement = installedRequirement(fake.resources, options.installationId ?? 1, path);
      if (requirement === undefined) throw new PathError('is not a requirement of this installation');
      return requirement;
    }
    const field = /^ticket\.customField:custom_field_(\d+)$/u.exec(path);
    if (field?.[1] !== undefined) {
      const id = Number(field[1]);
      const entry = ticket().custom_fields.find((candidate) => candidate.id === id);
      if (entry === undefined) throw new PathError(`: no custom field ${id} on this ticket`);
      return entry.value;
    }
    const [root, ...rest] = path.split('.');
    if (root !== 'ticket') throw new PathError('is not a path the fake client knows');
    let value: unknown = zafTicket({ ...ticket(), tags: [...tags()] }, fake.comments(ticket().id), directory);
    for (const segment of rest) {
      if (typeof value !== 'object' || value === null || !(segment in value)) {
        throw new PathError('is not a path the fake client knows');
      }
      value = (value as Record<string, unknown>)[segment];
    }
    return value;
  };

  const unsubscribe =
    options.liveEvents === false || options.ticketId === undefined
      ? () => undefined
      : fake.subscribe((event) => {
          const changes = liveChanges(event, options.ticketId ?? 0, fake);
          if (changes.length > 0) {
            queueMicrotask(() => {
              for (const [name, payload] of changes) fire(name, payload);
            });
          }
        });

  const client: FakeClient = {
    get(paths) {
      const list = Array.isArray(paths) ? [...paths] : [paths];
      calls.gets.push(list);
      const result: Record<string, unknown> & { errors: Record<string, unknown> } = { errors: {} };
      for (const path of list) {
        try {
          result[path] = resolve(path);
        } catch (error) {
          if (!(error instanceof PathError)) throw error;
          result.errors[path] = { name: 'Error', message: error.message, path };
        }
      }
      if (typeof paths === 'string') {
        const error = result.errors[paths] as { message: string } | undefined;
        // The SDK turns a single path's error into a rejected promise, message prefixed by the path.
        if (error !== undefined) return Promise.reject(new Error(`"${paths}" ${error.message}`));
      }
      return Promise.resolve(result);
    },

    set(path, value) {
      calls.sets.push({ path, value });
      if (path === 'comment.text') {
        editor.text = String(value);
        fire('comment.text.changed', editor.text);
      } else if (path === 'comment.type') {
        const type = EDITOR_TYPES.find((candidate) => candidate === value);
        if (type === undefined) {
          return Promise.reject(
            new Error(`"comment.type" must be internalNote or publicReply; got ${String(value)}`),
          );
        }
        editor.type = type;
        fire('comment.type.changed', type);
      } else if (path === 'ticket.tags') {
        setTags(Array.isArray(value) ? value.map(String) : []);
      } else {
        overlay.set(path, value);
        const field = /^ticket\.customField:(custom_field_\d+)$/u.exec(path);
        const event = field?.[1] === undefined ? `${path}.changed` : `ticket.${field[1]}.changed`;
        fire(event, value);
      }
      return Promise.resolve({ errors: {} });
    },

    invoke(name, ...args) {
      calls.invokes.push({ name, args });
      if (!KNOWN_ACTIONS.has(name) && !name.startsWith('ticketFields:')) {
        return Promise.reject(new Error(`"${name}" is not an action the fake client knows`));
      }
      const first = args[0];
      const words = (Array.isArray(first) ? first : [first]).filter((tag) => typeof tag === 'string');
      if (name === 'ticket.tags.add') setTags([...tags(), ...words]);
      if (name === 'ticket.tags.remove') setTags(tags().filter((tag) => !words.includes(tag)));
      if (name.startsWith('comment.append') && typeof first === 'string') {
        editor.text += first;
        fire('comment.text.changed', editor.text);
      }
      return Promise.resolve({ errors: {} });
    },

    async request<T>(request: ZafRequest): Promise<T> {
      calls.requests.push(structuredClone(request));
      const proxied = options.services?.request(request, fake.origin) ?? null;
      const response =
        proxied ??
        (await fake.request({
          url: request.url,
          ...(request.type === undefined ? {} : { type: request.type }),
          ...(request.data === undefined ? {} : { data: request.data }),
          ...(request.contentType === undefined ? {} : { contentType: request.contentType }),
          ...(request.headers === undefined ? {} : { headers: request.headers }),
        }));
      if (response.status < 200 || response.status >= 300) {
        // ZAF rejects with the jqXHR-like object, not an Error; callers must read it the same way here.
        // eslint-disable-next-line @typescript-eslint/only-throw-error
        throw rejectionOf(response);
      }
      if (request.httpCompleteResponse === true) {
        const complete: ZafCompleteResponse = {
          status: response.status,
          statusText: response.statusText,
          responseJSON: response.body,
          responseText: responseTextOf(response),
          headers: { ...response.headers },
        };
        return complete as T;
      }
      return response.body as T;
    },

    metadata() {
      return Promise.resolve({
        settings: { ...(options.settings ?? {}) },
        appId: options.appId ?? 1,
        installationId: options.installationId ?? 1,
      });
    },

    context() {
      return Promise.resolve({
        location: options.location ?? 'ticket_sidebar',
        ...(options.ticketId === undefined ? {} : { ticketId: options.ticketId }),
        account: { subdomain: options.subdomain ?? 'fake' },
      });
    },

    on(event, handler) {
      handlers.set(event, [...(handlers.get(event) ?? []), handler]);
    },

    off(event, handler) {
      handlers.set(
        event,
        (handlers.get(event) ?? []).filter((registered) => registered !== handler),
      );
    },

    fire,

    listenerCount(event) {
      return handlers.get(event)?.length ?? 0;
    },

    get calls() {
      return calls;
    },

    get editor() {
      return { ...editor };
    },

    close() {
      unsubscribe();
    },
  };
  return client;
}

function fail(message: string): never {
  throw new PathError(message);
}

/** The jqXHR-like object ZAF rejects with: status, texts, the parsed body and header access. */
export function rejectionOf(response: FakeResponse): ZafRequestRejection {
  const headers = { ...response.headers };
  return {
    readyState: response.status === 0 ? 0 : 4,
    status: response.status,
    statusText: response.statusText,
    responseText: responseTextOf(response),
    responseJSON: response.body ?? undefined,
    headers,
    getResponseHeader: (name) => headers[name.toLowerCase()] ?? null,
    getAllResponseHeaders: () =>
      Object.entries(headers)
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join(''),
  };
}

/**
 * What the ZAF object builders look up: users from the fake; a group by the name the fake gives a
 * group it seeds (`Group <id>`); organizations by id only, as the fake keeps no organization lookup.
 */
function directoryOf(
  fake: FakeZendesk,
  agentGroups: readonly { readonly id: number; readonly name: string }[] = [],
): Directory {
  return {
    user: (id) => fake.user(id),
    group: (id) => ({ id, name: `Group ${id}` }),
    organization: (id) => ({ id, name: '', tags: [] }),
    agentGroups: () => agentGroups.map((group) => ({ id: group.id, name: group.name })),
  };
}

/** The host events a write to the open ticket causes, with the new value as payload. */
function liveChanges(event: FakeZendeskEvent, ticketId: number, fake: FakeZendesk): [string, unknown][] {
  if (event.type !== 'write' || event.write.ticketId !== ticketId) return [];
  const changes: [string, unknown][] = [];
  for (const audit of event.write.events) {
    if (audit.type === 'Comment') {
      changes.push([
        'ticket.comments.changed',
        fake.comments(ticketId).map((comment) => zafComment(comment, directoryOf(fake))),
      ]);
      continue;
    }
    if (audit.type !== 'Change') continue;
    const name = audit.field_name;
    if (/^\d+$/u.test(name)) changes.push([`ticket.custom_field_${name}.changed`, audit.value]);
    else if (name === 'requester_id') changes.push(['ticket.requester.id.changed', Number(audit.value)]);
    else if (name === 'group_id' || name === 'assignee_id')
      changes.push(['ticket.assignee.changed', audit.value]);
    else if (name === 'custom_status_id') changes.push(['ticket.customStatus.changed', audit.value]);
    else changes.push([`ticket.${name}.changed`, audit.value]);
  }
  return changes;
}
