/**
 * Types for the ZAF SDK (`zendesk_app_framework_sdk`), which ships CommonJS without declarations.
 * Only `init` is declared: the client it returns is the slice of ZAF's client the app uses, `ZafClient`
 * in types.ts, the one contract for the real client, the fake client and the host.
 */
declare module 'zendesk_app_framework_sdk' {
  /** The SDK's global `ZAFClient`. */
  interface ZAFClientStatic {
    /**
     * Starts the handshake with the host frame. Returns false when the page's URL lacks the `origin` and
     * `app_guid` parameters Zendesk adds, i.e. when the page is not running inside Zendesk. SDK 2.0.11
     * reads `document.location` and ignores `loc`; later versions accept a location to read instead.
     */
    init(callback?: (context: unknown) => void, loc?: Location): import('./types').ZafClient | false;
  }

  const ZAFClient: ZAFClientStatic;
  export default ZAFClient;
}
