/**
 * Test support for the host: a pair of fake windows that pass messages the way browsers do (asynchronous,
 * structured-cloned, tagged with the sender's origin and window, dropped when the target origin does not
 * match), and the real ZAF SDK client running in the "app" window of such a pair.
 */
import { vi } from 'vitest';
import type Client from 'zendesk_app_framework_sdk/lib/client.js';
import type { AppWindow, ListeningWindow, MessageEventLike } from './page/zaf';

type Listener = (event: MessageEventLike) => void;

/** One side of the pair. `postMessage` is what the other side calls to reach this window. */
export class FakeWindow implements ListeningWindow, AppWindow {
  /** The SDK reads `window.Promise` when it loads. */
  readonly Promise = Promise;
  peer: FakeWindow | null = null;
  private readonly listeners = new Set<Listener>();

  constructor(readonly origin: string) {}

  addEventListener(_type: 'message', listener: Listener): void {
    this.listeners.add(listener);
  }

  removeEventListener(_type: 'message', listener: Listener): void {
    this.listeners.delete(listener);
  }

  postMessage(message: unknown, targetOrigin: string): void {
    const sender = this.peer;
    if (sender === null) throw new Error('This fake window has no peer to receive messages from.');
    // A browser silently drops a message whose target origin is not the receiver's.
    if (targetOrigin !== '*' && targetOrigin !== this.origin) return;
    this.deliver(message, sender.origin, sender);
  }

  /** Delivers a message as if `source` at `origin` had posted it; tests use it to play a stranger. */
  deliver(message: unknown, origin: string, source: unknown): void {
    const data = structuredClone(message);
    setTimeout(() => {
      for (const listener of this.listeners) listener({ data, origin, source });
    }, 0);
  }
}

/** A host window and an app window that talk to each other. */
export function windowPair(hostOrigin: string, appOrigin: string): { host: FakeWindow; app: FakeWindow } {
  const host = new FakeWindow(hostOrigin);
  const app = new FakeWindow(appOrigin);
  host.peer = app;
  app.peer = host;
  return { host, app };
}

/**
 * The real SDK client (lib/client.js) living in `app`: it listens on the global `window`, so the test
 * stubs `window` with the app window before the client is built. Undo with `vi.unstubAllGlobals()`.
 */
export async function sdkClientIn(app: FakeWindow, host: FakeWindow, appGuid: string): Promise<Client> {
  vi.stubGlobal('window', app);
  const { default: SdkClient } = await import('zendesk_app_framework_sdk/lib/client.js');
  return new SdkClient({ origin: host.origin, appGuid, source: host });
}
