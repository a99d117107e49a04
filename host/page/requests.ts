/**
 * Carries out one `client.request` against the fake Zendesk the way Zendesk's host does around jQuery:
 * the `timeout` option gives up waiting (the request may still be applied), and a rate-limited answer
 * (429) is retried after its `Retry-After` unless the app sent `autoRetry: false`.
 */
import type { FakeRequestOptions, FakeResponse, FakeZendesk } from '../../fake/zendesk';
import { parseRequestOptions, replyFor } from './responses';
import type { RequestReply } from './zaf';

/**
 * Retries of a 429 before the app gets it. Zendesk documents that it retries rate-limited requests, not
 * how often; three bounds the wait and is an assumption of this host.
 */
export const AUTO_RETRIES = 3;

/** What a request needs besides the fake: the wait before a retry (tests pass an instant one). */
export interface RequestDeps {
  readonly fake: FakeZendesk;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Called before each automatic retry, for the page's log. */
  readonly onRetry?: (url: string, waitSeconds: number) => void;
  /**
   * Zendesk's proxy for third-party URLs (host/page/proxy.ts): its answer, or null for a Zendesk API
   * request, which goes to the fake Zendesk.
   */
  readonly proxy?: (options: FakeRequestOptions) => FakeResponse | null;
}

const TIMED_OUT: FakeResponse = { status: 0, statusText: 'timeout', body: null, headers: {} };

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function retryAfterSeconds(response: FakeResponse): number {
  const seconds = Number(response.headers['retry-after']);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : 1;
}

/** Answers one `request:K` message: parses the options, sends them, and builds the reply. */
export async function sendRequest(raw: unknown, deps: RequestDeps): Promise<RequestReply> {
  const parsed = parseRequestOptions(raw);
  if (!parsed.ok) return parsed.reply;
  const { options } = parsed;
  const sleep = deps.sleep ?? defaultSleep;
  const once = (): Promise<FakeResponse> => {
    const proxied = deps.proxy?.(options) ?? null;
    const answer = proxied === null ? deps.fake.request(options) : Promise.resolve(proxied);
    const timeout = options.timeout;
    if (timeout === undefined || timeout <= 0) return answer;
    // jQuery's timeout: stop waiting; the fake goes on and may still apply the write, as a server would.
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        resolve(TIMED_OUT);
      }, timeout);
      answer.then(
        (response) => {
          clearTimeout(timer);
          resolve(response);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  };
  let response = await once();
  for (
    let retry = 0;
    retry < AUTO_RETRIES && response.status === 429 && options.autoRetry !== false;
    retry += 1
  ) {
    const wait = retryAfterSeconds(response);
    deps.onRetry?.(options.url, wait);
    await sleep(wait * 1000);
    response = await once();
  }
  return replyFor(response, options);
}
