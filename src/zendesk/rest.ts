/**
 * Every Zendesk REST call goes through here: JSON in and out over ZAF's `client.request`, waiting out
 * 429s for as long as `Retry-After` says (bounded), re-asking a read whose answer was lost, cursor
 * pagination, and errors that say what failed and what to do next. Nothing else in the app retries.
 */
import * as v from 'valibot';
import type { ZafClient, ZafRequest } from './types';

/** HTTP methods the app uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * What went wrong, in the terms callers act on: `conflict` (409, someone changed the ticket), `rate_limited`
 * (429 beyond what we wait for), `no_answer` (timeout or network: a write may or may not have landed),
 * `unavailable` (5xx: likewise), `rejected` (any other non-2xx: nothing was written), `malformed` (2xx
 * with an answer the app cannot read).
 */
export type ZendeskErrorKind =
  'conflict' | 'rate_limited' | 'no_answer' | 'unavailable' | 'rejected' | 'malformed';

/** A failed REST call; `message` names the call, Zendesk's answer and what to do about it. */
export class ZendeskError extends Error {
  override readonly name = 'ZendeskError';

  constructor(
    readonly kind: ZendeskErrorKind,
    message: string,
    readonly call: { readonly method: HttpMethod; readonly url: string },
    /** HTTP status; 0 when no answer arrived. */
    readonly status: number,
  ) {
    super(message);
  }

  /** True when a write may have been applied although the caller saw a failure. */
  get mayHaveLanded(): boolean {
    return this.kind === 'no_answer' || this.kind === 'unavailable';
  }
}

/** Knobs of the retry policy; tests inject `sleep`. */
export interface RestOptions {
  /** Waits `ms`; default `setTimeout`. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Tries per call, the first included; default 3. */
  readonly maxAttempts?: number;
  /** A `Retry-After` longer than this is not waited for: the call fails with `rate_limited`. Default 60. */
  readonly maxWaitSeconds?: number;
}

/** One REST call: method, a relative `/api/v2/...` URL and, for writes, a JSON body. */
export interface RestCall {
  readonly method?: HttpMethod;
  readonly url: string;
  readonly body?: unknown;
}

const DEFAULT_ATTEMPTS = 3;
const DEFAULT_MAX_WAIT_SECONDS = 60;
/** Zendesk always sends Retry-After with a 429; if a host drops the header, wait this long. */
const FALLBACK_RETRY_SECONDS = 1;

/** Waits `ms` on the real timer; the default `sleep`. */
export const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A non-2xx answer (or none), as read from whatever the host rejected or resolved with. */
interface Failure {
  readonly status: number;
  readonly statusText: string;
  readonly body: unknown;
  readonly retryAfterSeconds: number | null;
}

type Outcome =
  { readonly ok: true; readonly body: unknown } | { readonly ok: false; readonly failure: Failure };

/**
 * Sends one call and returns the parsed JSON body (null for an empty answer). Retries a 429 after
 * `Retry-After`, and a GET whose answer was lost or that met a 502/503/504; a write is never re-sent
 * here, because only the caller can tell whether it already landed.
 */
export async function rest(client: ZafClient, call: RestCall, options: RestOptions = {}): Promise<unknown> {
  const method = call.method ?? 'GET';
  const sleep = options.sleep ?? defaultSleep;
  const maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_ATTEMPTS);
  const maxWait = options.maxWaitSeconds ?? DEFAULT_MAX_WAIT_SECONDS;
  const request: ZafRequest = {
    url: call.url,
    type: method,
    dataType: 'json',
    // Headers (Retry-After) are only readable on a complete response; ZAF's own silent 429 retries are
    // replaced by the bounded ones below.
    httpCompleteResponse: true,
    autoRetry: false,
    ...(call.body === undefined ? {} : { contentType: 'application/json', data: JSON.stringify(call.body) }),
  };

  for (let attempt = 1; ; attempt += 1) {
    const outcome = await send(client, request);
    if (outcome.ok) return outcome.body;
    const { failure } = outcome;
    const waitSeconds = retryWait(failure, method, attempt, maxAttempts, maxWait);
    if (waitSeconds === null) throw toError(failure, method, call.url, attempt, maxWait);
    await sleep(waitSeconds * 1000);
  }
}

/** Like `rest`, then checks the answer against `schema`; `what` names the answer in the error. */
export async function restAs<S extends v.GenericSchema>(
  client: ZafClient,
  call: RestCall,
  schema: S,
  what: string,
  options: RestOptions = {},
): Promise<v.InferOutput<S>> {
  const body = await rest(client, call, options);
  return parseAnswer(schema, body, what, { method: call.method ?? 'GET', url: call.url });
}

/** Checks a 2xx answer; a mismatch is a `malformed` error naming the field. */
export function parseAnswer<S extends v.GenericSchema>(
  schema: S,
  body: unknown,
  what: string,
  call: { readonly method: HttpMethod; readonly url: string },
): v.InferOutput<S> {
  const result = v.safeParse(schema, body);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = v.getDotPath(issue);
  throw new ZendeskError(
    'malformed',
    `${call.method} ${call.url}: Zendesk's answer is not ${what} as expected (${path === null ? '' : `${path}: `}${issue.message}). Reload the app; if it happens again, report it with this message.`,
    call,
    200,
  );
}

/** Options of `allPages`. */
export interface PageOptions extends RestOptions {
  /** Called with each page's items as it arrives, so dependent fetches can start before the last page. */
  readonly onPage?: (items: readonly unknown[]) => void;
  /** Stop with an error after this many pages (a server that never says has_more=false); default 1000. */
  readonly maxPages?: number;
}

const cursorEnvelope = v.looseObject({
  meta: v.optional(v.looseObject({ has_more: v.boolean() })),
  links: v.optional(v.looseObject({ next: v.nullish(v.string()) })),
  // Offset pagination, which an endpoint falls back to when it ignores page[size].
  next_page: v.nullish(v.string()),
});

/**
 * Fetches every page of a list: cursor pagination with `page[size]=100`, following `links.next` while
 * `meta.has_more` (or `next_page` when the endpoint answers offset pages). Items keep the server's order.
 */
export async function allPages<S extends v.GenericSchema>(
  client: ZafClient,
  url: string,
  key: string,
  itemSchema: S,
  options: PageOptions = {},
): Promise<v.InferOutput<S>[]> {
  const items: v.InferOutput<S>[] = [];
  const pageSchema = v.looseObject({ [key]: v.array(itemSchema) });
  const seen = new Set<string>();
  const maxPages = options.maxPages ?? 1000;
  let next: string | null = withQuery(url, { 'page[size]': '100' });
  while (next !== null) {
    if (seen.has(next) || seen.size >= maxPages) {
      throw new ZendeskError(
        'malformed',
        `GET ${url}: Zendesk kept offering more pages (${seen.size} read); stopped to avoid looping. Reload the app.`,
        { method: 'GET', url },
        200,
      );
    }
    seen.add(next);
    const call: { method: HttpMethod; url: string } = { method: 'GET', url: next };
    const body = await rest(client, call, options);
    const envelope: v.InferOutput<typeof cursorEnvelope> = parseAnswer(
      cursorEnvelope,
      body,
      `a page of ${key}`,
      call,
    );
    const page = parseAnswer(pageSchema, body, `a page of ${key}`, call) as Record<
      string,
      v.InferOutput<S>[]
    >;
    const pageItems = page[key] ?? [];
    items.push(...pageItems);
    options.onPage?.(pageItems);
    const link: string | null | undefined =
      envelope.meta === undefined ? envelope.next_page : envelope.meta.has_more ? envelope.links?.next : null;
    next = link === null || link === undefined || link === '' ? null : relativeUrl(link);
  }
  return items;
}

/** Adds query parameters a URL does not already carry. */
export function withQuery(url: string, query: Readonly<Record<string, string>>): string {
  const [path = '', search = ''] = url.split('?', 2);
  const params = new URLSearchParams(search);
  for (const [name, value] of Object.entries(query)) if (!params.has(name)) params.set(name, value);
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}

/**
 * `links.next` is absolute (`https://acme.zendesk.com/api/v2/...`); ZAF runs a relative `/api/v2` URL as
 * the signed-in agent, so the path is kept and the origin dropped.
 */
function relativeUrl(link: string): string {
  if (!/^https?:\/\//iu.test(link)) return link;
  const parsed = new URL(link);
  return `${parsed.pathname}${parsed.search}`;
}

async function send(client: ZafClient, request: ZafRequest): Promise<Outcome> {
  let result: unknown;
  try {
    result = await client.request(request);
  } catch (reason) {
    return { ok: false, failure: failureOf(reason) };
  }
  // With httpCompleteResponse the host resolves with {status, responseJSON, headers}; a host that ignores
  // the option resolves with the body itself.
  if (isCompleteResponse(result)) {
    if (result.status >= 200 && result.status < 300) return { ok: true, body: bodyOf(result) };
    return { ok: false, failure: failureOf(result) };
  }
  return { ok: true, body: result ?? null };
}

interface CompleteResponse {
  readonly status: number;
  readonly responseJSON?: unknown;
  readonly responseText?: unknown;
}

function isCompleteResponse(value: unknown): value is CompleteResponse {
  return (
    typeof value === 'object' &&
    value !== null &&
    'status' in value &&
    typeof value.status === 'number' &&
    ('responseJSON' in value || 'responseText' in value)
  );
}

function bodyOf(response: CompleteResponse): unknown {
  if (response.responseJSON !== undefined) return response.responseJSON;
  if (typeof response.responseText === 'string' && response.responseText.trim() !== '') {
    try {
      return JSON.parse(response.responseText) as unknown;
    } catch {
      return response.responseText;
    }
  }
  return null;
}

/** Reads ZAF's rejection: a jqXHR-like `{status, statusText, responseText, responseJSON, ...}`, or an Error. */
function failureOf(reason: unknown): Failure {
  if (
    typeof reason === 'object' &&
    reason !== null &&
    'status' in reason &&
    typeof reason.status === 'number'
  ) {
    const record = reason as CompleteResponse & { statusText?: unknown };
    return {
      status: record.status,
      statusText: typeof record.statusText === 'string' ? record.statusText : '',
      body: bodyOf(record),
      retryAfterSeconds: retryAfterOf(reason),
    };
  }
  const text = reason instanceof Error ? reason.message : typeof reason === 'string' ? reason : 'no answer';
  return { status: 0, statusText: text, body: null, retryAfterSeconds: null };
}

/**
 * `Retry-After` from a complete response's `headers` (any case) or a same-window jqXHR's
 * `getResponseHeader`; functions do not survive ZAF's postMessage, so `headers` is the usual source.
 */
function retryAfterOf(reason: object): number | null {
  let text: unknown = null;
  if ('headers' in reason && typeof reason.headers === 'object' && reason.headers !== null) {
    const entry = Object.entries(reason.headers).find(([name]) => name.toLowerCase() === 'retry-after');
    text = entry?.[1] ?? null;
  }
  if (text === null && 'getResponseHeader' in reason && typeof reason.getResponseHeader === 'function') {
    text = (reason.getResponseHeader as (name: string) => unknown)('Retry-After');
  }
  const seconds =
    typeof text === 'number' ? text : typeof text === 'string' ? Number(text.trim()) : Number.NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds) : null;
}

/** Seconds to wait before the next attempt, or null to give up. */
function retryWait(
  failure: Failure,
  method: HttpMethod,
  attempt: number,
  maxAttempts: number,
  maxWait: number,
): number | null {
  if (attempt >= maxAttempts) return null;
  if (failure.status === 429) {
    const seconds = failure.retryAfterSeconds ?? FALLBACK_RETRY_SECONDS;
    return seconds <= maxWait ? seconds : null;
  }
  // A read changes nothing, so asking again is always safe; a write is the caller's to retry.
  const transient =
    failure.status === 0 || failure.status === 502 || failure.status === 503 || failure.status === 504;
  if (method === 'GET' && transient) return Math.min(maxWait, failure.retryAfterSeconds ?? attempt);
  return null;
}

function toError(
  failure: Failure,
  method: HttpMethod,
  url: string,
  attempts: number,
  maxWait: number,
): ZendeskError {
  const call = { method, url };
  const what = `${method} ${url}`;
  const tries = attempts > 1 ? ` after ${attempts} tries` : '';
  const said = zendeskSays(failure);
  const { status } = failure;
  if (status === 0) {
    return new ZendeskError(
      'no_answer',
      `${what}: no answer from Zendesk${tries} (${failure.statusText || 'timeout or network error'}). Check the connection and try again.`,
      call,
      0,
    );
  }
  if (status === 409) {
    return new ZendeskError(
      'conflict',
      `${what}: refused for another change to the ticket (409${said}); nothing was applied.`,
      call,
      status,
    );
  }
  if (status === 429) {
    const wait = failure.retryAfterSeconds;
    const advice =
      wait !== null && wait > maxWait
        ? `Zendesk asks to wait ${wait} s; try again after that.`
        : `try again in ${wait === null ? 'a few seconds' : `${wait} s`}.`;
    return new ZendeskError(
      'rate_limited',
      `${what}: Zendesk's rate limit was hit${tries} (429${said}); ${advice}`,
      call,
      status,
    );
  }
  if (status >= 500) {
    return new ZendeskError(
      'unavailable',
      `${what}: Zendesk had a problem${tries} (${status}${said}). Try again in a minute.`,
      call,
      status,
    );
  }
  const advice =
    status === 401 || status === 403
      ? 'Your Zendesk role may not allow this; ask an admin.'
      : status === 404
        ? 'It may have been deleted or merged; reload the ticket.'
        : status === 422 || status === 400
          ? 'Zendesk refused the data; check the app settings (group and status ids) and try again.'
          : 'Reload the app and try again.';
  return new ZendeskError('rejected', `${what}: Zendesk answered ${status}${said}. ${advice}`, call, status);
}

/** Zendesk's own words from an error body: `{error, description, details}` or `{error: {title, message}}`. */
function zendeskSays(failure: Failure): string {
  const body = failure.body;
  const parts: string[] = [];
  if (typeof body === 'object' && body !== null) {
    const record = body as Record<string, unknown>;
    const error = record.error;
    if (typeof error === 'string') parts.push(error);
    else if (typeof error === 'object' && error !== null) {
      const nested = error as Record<string, unknown>;
      if (typeof nested.title === 'string') parts.push(nested.title);
      if (typeof nested.message === 'string') parts.push(nested.message);
    }
    if (typeof record.description === 'string') parts.push(record.description);
    if (typeof record.details === 'object' && record.details !== null)
      parts.push(JSON.stringify(record.details));
  } else if (typeof body === 'string' && body.trim() !== '') {
    parts.push(body.trim().slice(0, 200));
  }
  if (parts.length === 0 && failure.statusText !== '') parts.push(failure.statusText);
  return parts.length === 0 ? '' : `: ${parts.join(' — ')}`;
}
