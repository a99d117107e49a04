/**
 * Types for the ZAF SDK's client module (zendesk_app_framework_sdk 2.0.11 ships none), as far as the
 * host's unit tests drive it: they run the real SDK client against the host over a fake window pair.
 */
declare module 'zendesk_app_framework_sdk/lib/client.js' {
  /** The SDK's client, built directly so a test can hand it the parent window (`source`). */
  export default class Client {
    constructor(options: { origin: string; appGuid: string; source?: unknown });
    get(paths: string | string[]): Promise<Record<string, unknown>>;
    set(path: string, value: unknown): Promise<Record<string, unknown>>;
    invoke(name: string, ...args: unknown[]): Promise<Record<string, unknown>>;
    request(options: string | Record<string, unknown>): Promise<unknown>;
    metadata(): Promise<Record<string, unknown>>;
    context(): Promise<Record<string, unknown>>;
    on(event: string, handler: (...args: unknown[]) => unknown): void;
    off(event: string, handler: (...args: unknown[]) => unknown): void;
    readonly ready: boolean;
  }
}
