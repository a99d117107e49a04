/**
 * The one place the real ZAF SDK is started. Kept out of index.ts: the SDK reads `window` when it is
 * imported, so modules that only need the adapters (and their node tests) must not pull it in.
 */
import ZAFClient from 'zendesk_app_framework_sdk';
import type { ZafClient } from './types';

/**
 * Connects to the Zendesk host frame. Returns null when the page was opened outside Zendesk (the SDK
 * finds no `origin`/`app_guid` in the URL), so the app can say "open this inside Zendesk" instead of failing.
 */
export function connect(): ZafClient | null {
  const client = ZAFClient.init();
  return client === false ? null : client;
}
