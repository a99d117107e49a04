/**
 * The parent side of the ZAF wire protocol: what Zendesk's agent interface does for an app iframe that
 * runs the ZAF SDK. It answers the handshake with `app.registered`, answers get/set/invoke with ZAF's
 * `{id, result: {<path>: value, errors}}`, turns `request:K` into `zaf.request:K.done`/`.fail`, keeps the
 * app's event subscriptions, sends events and runs hooks (`ticket.save`).
 *
 * DOM-free on purpose: it talks to two small window interfaces, so unit tests drive it with a fake window
 * pair and the real SDK, and the host page hands it `window` and the iframe's `contentWindow`.
 * Message shapes follow zendesk_app_framework_sdk 2.0.11 (lib/client.js), which is the other end.
 */

/** The event a `message` listener receives; `source` is compared by identity only. */
export interface MessageEventLike {
  readonly data: unknown;
  readonly origin: string;
  readonly source: unknown;
}

/** The window the host listens on (the host page's own `window`). */
export interface ListeningWindow {
  addEventListener(type: 'message', listener: (event: MessageEventLike) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEventLike) => void): void;
}

/** The app's window (the iframe's `contentWindow`): messages go there, and only its messages count. */
export interface AppWindow {
  postMessage(message: unknown, targetOrigin: string): void;
}

/** An error for one path, as the SDK turns it into an `Error` (`"<path>" <message>` when `path` is set). */
export interface ZafError {
  readonly name: string;
  readonly message: string;
  readonly path?: string;
}

/** What an API call gives for one path or action. */
export type Answer =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: ZafError };

/** The location's API: the paths and actions an app may get, set and invoke. */
export interface LocationApi {
  get(path: string): Answer;
  set(path: string, value: unknown): Answer;
  invoke(name: string, args: readonly unknown[]): Answer | Promise<Answer>;
}

/** What the app receives as `app.registered`: `client.metadata()` and `client.context()` read it. */
export interface Registration {
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly context: Readonly<Record<string, unknown>>;
}

/** The outcome of a `client.request`: resolve (`done`) or reject (`fail`) with `responseArgs`. */
export interface RequestReply {
  readonly kind: 'done' | 'fail';
  readonly responseArgs: readonly unknown[];
}

/** How a hook ended, as the host page shows it to the agent. */
export type HookOutcome =
  | { readonly kind: 'allowed' }
  | { readonly kind: 'blocked'; readonly message: string | null }
  /** No app subscribed to the hook: Zendesk goes ahead without asking. */
  | { readonly kind: 'no-listener' }
  | { readonly kind: 'timeout'; readonly afterMs: number }
  | { readonly kind: 'not-registered' };

/** One line of the protocol log: every message in and out, what was refused, and the host's own notes. */
export interface ProtocolLogEntry {
  readonly direction: 'in' | 'out' | 'ignored' | 'note';
  readonly summary: string;
  readonly data?: unknown;
}

/** Everything the host needs; the page builds it per app instance. */
export interface ZafHostOptions {
  readonly listenOn: ListeningWindow;
  readonly app: AppWindow;
  /** The app iframe's origin, exactly as `event.origin` reports it (`http://127.0.0.1:4568`). */
  readonly appOrigin: string;
  /** The `app_guid` the iframe URL carries; the SDK puts it in every message. */
  readonly appGuid: string;
  /** Read at each handshake, so a reloaded app gets the current settings. */
  readonly registration: () => Registration;
  readonly api: LocationApi;
  /** Carries out one `client.request`; never rejects for HTTP errors (they are `fail` replies). */
  readonly request: (options: unknown) => Promise<RequestReply>;
  readonly log?: (entry: ProtocolLogEntry) => void;
  /** Called after each handshake, so the page can tell the agent the app is up. */
  readonly onRegistered?: () => void;
}

/** The host's handle on one app instance. */
export interface ZafHost {
  /** Sends `zaf.<event>` if the app subscribed to it; returns whether it was sent. */
  trigger(event: string, payload?: unknown): boolean;
  /** Asks the app whether `hook` (e.g. `ticket.save`) may go ahead, waiting at most `timeoutMs`. */
  runHook(hook: string, timeoutMs: number): Promise<HookOutcome>;
  /** Subscriber counts by event name, as the SDK last reported them. */
  subscriptions(): ReadonlyMap<string, number>;
  isRegistered(): boolean;
  /** Stops listening; pending hooks end as timeouts. */
  stop(): void;
}

interface PendingHook {
  readonly settle: (outcome: HookOutcome) => void;
}

const REQUEST_KEY = /^request:\d+$/u;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The SDK sends JSON strings for most messages and a plain object for hook replies; accept both. */
function decode(data: unknown): Record<string, unknown> | null {
  if (typeof data === 'string') {
    try {
      const parsed: unknown = JSON.parse(data);
      return isRecord(parsed) ? parsed : null;
    } catch {
      return null;
    }
  }
  return isRecord(data) ? data : null;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function unknownPathError(path: string, message: string): ZafError {
  return { name: 'Error', message, path };
}

/** Starts serving one app iframe. Call `stop()` before the iframe goes away. */
export function createZafHost(options: ZafHostOptions): ZafHost {
  const { listenOn, app, appOrigin, appGuid, api } = options;
  const log = options.log ?? (() => undefined);
  const subscriptions = new Map<string, number>();
  const pendingHooks = new Map<string, PendingHook>();
  let registered = false;

  // Messages go out as JSON strings, as the SDK sends its own: only what JSON can carry reaches the app.
  const post = (message: Record<string, unknown>): void => {
    log({ direction: 'out', summary: summarize(message), data: message });
    app.postMessage(JSON.stringify(message), appOrigin);
  };

  const sendEvent = (event: string, payload: unknown): void => {
    post({ key: `zaf.${event}`, message: payload });
  };

  const register = (): void => {
    subscriptions.clear();
    registered = true;
    sendEvent('app.registered', options.registration());
    options.onRegistered?.();
  };

  const answerCall = async (id: unknown, request: unknown, params: unknown): Promise<void> => {
    if (typeof id !== 'number' && typeof id !== 'string') return;
    const result: Record<string, unknown> = {};
    const errors: Record<string, ZafError> = {};
    const record = (key: string, answer: Answer): void => {
      if (answer.ok) result[key] = answer.value;
      else errors[key] = answer.error;
    };
    if (request === 'get' && Array.isArray(params)) {
      for (const path of params) {
        if (typeof path === 'string') record(path, api.get(path));
      }
    } else if (request === 'set' && isRecord(params)) {
      for (const [path, value] of Object.entries(params)) record(path, api.set(path, value));
    } else if (request === 'invoke' && isRecord(params)) {
      for (const [name, args] of Object.entries(params)) {
        record(name, await api.invoke(name, Array.isArray(args) ? args : [args]));
      }
    } else {
      // A malformed call rejects the whole promise: the SDK rejects with `data.error` when it is set.
      post({ id, error: { name: 'Error', message: `The host cannot answer a ${String(request)} call.` } });
      return;
    }
    // undefined would vanish in JSON and make the SDK see a missing path; null keeps the key.
    for (const [key, value] of Object.entries(result)) if (value === undefined) result[key] = null;
    post({ id, result: { ...result, errors } });
  };

  const answerRequest = async (key: string, requestOptions: unknown): Promise<void> => {
    let reply: RequestReply;
    try {
      reply = await options.request(requestOptions);
    } catch (error) {
      // A bug in the host must still answer, or the app's promise would never settle.
      const message = `The local host failed on this request: ${errorText(error)}`;
      log({ direction: 'note', summary: message });
      reply = {
        kind: 'fail',
        responseArgs: [{ readyState: 4, status: 500, statusText: 'Host Error', responseText: message }],
      };
    }
    // Request replies are not gated on subscriptions: the SDK subscribed to both before asking.
    sendEvent(`${key}.${reply.kind}`, { responseArgs: reply.responseArgs });
  };

  const handleKeyed = (key: string, message: Record<string, unknown>): void => {
    if (key.startsWith('iframe.on:') || key.startsWith('iframe.off:')) {
      const event = key.slice(key.indexOf(':') + 1);
      const body = message.message;
      const count = isRecord(body) && typeof body.subscriberCount === 'number' ? body.subscriberCount : 0;
      subscriptions.set(event, count);
    } else if (key.startsWith('iframe.reply:')) {
      const hook = key.slice('iframe.reply:'.length);
      const pending = pendingHooks.get(hook);
      if (pending === undefined) return;
      const error = message.error;
      if (isRecord(error)) {
        // The SDK sends the handler's string, an Error's message, or false/undefined when there was none.
        const text = typeof error.msg === 'string' && error.msg !== '' ? error.msg : null;
        pending.settle({ kind: 'blocked', message: text });
      } else {
        pending.settle({ kind: 'allowed' });
      }
    } else if (REQUEST_KEY.test(key)) {
      void answerRequest(key, message.message);
    }
    // Anything else (`iframe.trigger:*`, app-to-app messages) has no meaning for a single-app host.
  };

  const onMessage = (event: MessageEventLike): void => {
    // The SDK's own rule, mirrored: only the iframe's window at the iframe's origin may talk to us.
    if (event.source !== app || event.origin !== appOrigin) {
      log({ direction: 'ignored', summary: `message from ${event.origin} that is not the app iframe` });
      return;
    }
    const message = decode(event.data);
    if (message === null) {
      log({ direction: 'ignored', summary: 'message that is not a ZAF message', data: event.data });
      return;
    }
    if (message.appGuid !== appGuid) {
      log({ direction: 'ignored', summary: `message for app ${String(message.appGuid)}`, data: message });
      return;
    }
    log({ direction: 'in', summary: summarize(message), data: message });
    const key = typeof message.key === 'string' ? message.key : null;
    if (key === 'iframe.handshake') {
      register();
      return;
    }
    if (!registered) {
      // The SDK queues everything until `app.registered`; anything earlier is not from the SDK.
      log({ direction: 'ignored', summary: 'message before the handshake' });
      return;
    }
    if (key !== null) handleKeyed(key, message);
    else if (typeof message.request === 'string') {
      answerCall(message.id, message.request, message.params).catch((error: unknown) => {
        // Reject the app's call rather than leave it to the SDK's 5 s timeout.
        post({
          id: message.id,
          error: { name: 'Error', message: `The local host failed: ${errorText(error)}` },
        });
      });
    }
  };

  listenOn.addEventListener('message', onMessage);

  return {
    trigger(event, payload) {
      if (!registered || (subscriptions.get(event) ?? 0) === 0) return false;
      sendEvent(event, payload);
      return true;
    },

    runHook(hook, timeoutMs) {
      if (!registered) return Promise.resolve({ kind: 'not-registered' });
      if ((subscriptions.get(hook) ?? 0) === 0) return Promise.resolve({ kind: 'no-listener' });
      // The SDK ignores a second hook while it still answers the first; so do not send one.
      const running = pendingHooks.get(hook);
      if (running !== undefined) {
        return Promise.reject(new Error(`The ${hook} hook is still waiting for the app's answer.`));
      }
      return new Promise<HookOutcome>((resolve) => {
        const timer = setTimeout(() => {
          settle({ kind: 'timeout', afterMs: timeoutMs });
        }, timeoutMs);
        const settle = (outcome: HookOutcome): void => {
          clearTimeout(timer);
          pendingHooks.delete(hook);
          resolve(outcome);
        };
        pendingHooks.set(hook, { settle });
        post({ key: `zaf.${hook}`, needsReply: true });
      });
    },

    subscriptions: () => new Map(subscriptions),
    isRegistered: () => registered,

    stop() {
      listenOn.removeEventListener('message', onMessage);
      for (const pending of [...pendingHooks.values()]) pending.settle({ kind: 'timeout', afterMs: 0 });
      registered = false;
    },
  };
}

/** A short line for the protocol log. */
function summarize(message: Record<string, unknown>): string {
  if (typeof message.key === 'string') return message.key;
  if (typeof message.request === 'string') {
    return `#${String(message.id)} ${message.request} ${JSON.stringify(message.params)}`;
  }
  if ('result' in message) return `#${String(message.id)} result`;
  if ('error' in message) return `#${String(message.id)} error`;
  return 'message';
}

/** An Answer for a value. */
export function ok(value: unknown): Answer {
  return { ok: true, value };
}

/** An Answer for an error on `path`; the SDK rejects a single-path call with `"<path>" <message>`. */
export function fail(path: string, message: string): Answer {
  return { ok: false, error: unknownPathError(path, message) };
}
