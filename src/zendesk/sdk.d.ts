/**
 * Types for the ZAF SDK (`zendesk_app_framework_sdk`), which ships CommonJS without declarations.
 * Only what src/zendesk/connect.ts uses is declared; the client's methods match `ZafClient` in types.ts
 * structurally, so connect.ts checks the two against each other.
 */
declare module 'zendesk_app_framework_sdk' {
  /** The SDK's `client`, as far as this app uses it. */
  export interface ZafSdkClient {
    get(paths: string | string[]): Promise<Record<string, unknown> & { errors?: Record<string, unknown> }>;
    set(path: string, value: unknown): Promise<Record<string, unknown>>;
    invoke(name: string, ...args: unknown[]): Promise<unknown>;
    request<T = unknown>(options: {
      url: string;
      type?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
      data?: string | Record<string, unknown>;
      contentType?: string;
      headers?: Record<string, string>;
      secure?: boolean;
      cors?: boolean;
      httpCompleteResponse?: boolean;
      autoRetry?: boolean;
      timeout?: number;
      dataType?: 'json' | 'text';
    }): Promise<T>;
    metadata(): Promise<{ settings: Record<string, unknown>; appId?: number; installationId?: number }>;
    context(): Promise<{ location: string; ticketId?: number; account?: { subdomain?: string } }>;
    on(event: string, handler: (...args: unknown[]) => unknown): void;
    off(event: string, handler: (...args: unknown[]) => unknown): void;
  }

  /** The SDK's global `ZAFClient`. */
  interface ZAFClientStatic {
    /**
     * Starts the handshake with the host frame. Returns false when the page's URL lacks the `origin` and
     * `app_guid` parameters Zendesk adds, i.e. when the page is not running inside Zendesk. SDK 2.0.11
     * reads `document.location` and ignores `loc`; later versions accept a location to read instead.
     */
    init(callback?: (context: unknown) => void, loc?: Location): ZafSdkClient | false;
  }

  const ZAFClient: ZAFClientStatic;
  export default ZAFClient;
}
