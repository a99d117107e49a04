/**
 * One call to a third-party service through Zendesk's proxy: `secure: true` so `{{setting.NAME}}` is
 * filled in by Zendesk and never by the app, the answer read as text (Slack answers `ok`, not JSON) and
 * parsed here, no silent retries. A failure says whether the request may have landed, which decides
 * whether a retry must look before sending again.
 */
import type { ZafClient, ZafRequest } from '../types';

/** Why a call failed, in the terms the hand-off acts on. */
export type ServiceErrorKind = 'no_answer' | 'unavailable' | 'rate_limited' | 'rejected';

/** A failed call; `message` names the service, its answer and what to do. */
export class ServiceError extends Error {
  override readonly name = 'ServiceError';

  constructor(
    readonly kind: ServiceErrorKind,
    message: string,
    /** HTTP status; 0 when no answer arrived. */
    readonly status: number,
  ) {
    super(message);
  }

  /** True when the service may have acted although the app saw a failure. */
  get mayHaveLanded(): boolean {
    return this.kind === 'no_answer' || this.kind === 'unavailable';
  }
}

/** A 2xx answer: its status, raw text, and the JSON in it (null when it is not JSON). */
export interface ServiceAnswer {
  readonly status: number;
  readonly text: string;
  readonly json: unknown;
}

/** A call the app builds; the URL, headers and body may hold `{{setting.NAME}}` placeholders. */
export interface ServiceCall {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as JSON. */
  readonly body?: unknown;
}

/** How long to wait for a service before giving up (the request may still land). */
const TIMEOUT_MS = 15_000;

/** The ZAF request options for a call: what the app's frame sends to Zendesk. */
export function zafRequestFor(call: ServiceCall): ZafRequest {
  return {
    url: call.url,
    type: call.method,
    secure: true,
    cors: false,
    dataType: 'text',
    httpCompleteResponse: true,
    autoRetry: false,
    timeout: TIMEOUT_MS,
    ...(call.headers === undefined ? {} : { headers: { ...call.headers } }),
    ...(call.body === undefined ? {} : { contentType: 'application/json', data: JSON.stringify(call.body) }),
  };
}

/** Sends `call` as `service` (named in errors); resolves with a 2xx answer, rejects with ServiceError. */
export async function callService(
  client: ZafClient,
  service: string,
  call: ServiceCall,
): Promise<ServiceAnswer> {
  let result: unknown;
  try {
    result = await client.request(zafRequestFor(call));
  } catch (reason) {
    throw toError(service, read(reason));
  }
  const answer = read(result);
  if (answer.status >= 200 && answer.status < 300) return answer;
  throw toError(service, answer);
}

function read(value: unknown): ServiceAnswer {
  if (typeof value !== 'object' || value === null) {
    const text = typeof value === 'string' ? value : '';
    return { status: typeof value === 'string' ? 200 : 0, text, json: parse(text) };
  }
  const record = value as Record<string, unknown>;
  const status = typeof record.status === 'number' ? record.status : 0;
  const text = typeof record.responseText === 'string' ? record.responseText : '';
  const json = parse(text) ?? (record.responseJSON === undefined ? null : record.responseJSON);
  return { status, text, json };
}

function parse(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** The service's own words about a failure, shortened. */
export function serviceSays(answer: Pick<ServiceAnswer, 'text' | 'json'>): string {
  const { json } = answer;
  if (typeof json === 'object' && json !== null) {
    const record = json as Record<string, unknown>;
    const parts = [
      record.message,
      record.error,
      record.description,
      ...(Array.isArray(record.errors) ? (record.errors as unknown[]) : []),
      ...(Array.isArray(record.errorMessages) ? (record.errorMessages as unknown[]) : []),
      ...(typeof record.errors === 'object' && record.errors !== null && !Array.isArray(record.errors)
        ? Object.entries(record.errors).map(([field, text]) => `${field}: ${String(text)}`)
        : []),
    ].filter((part): part is string => typeof part === 'string' && part !== '');
    if (parts.length > 0) return parts.join('; ').slice(0, 300);
  }
  return answer.text.trim().slice(0, 200);
}

function toError(service: string, answer: ServiceAnswer): ServiceError {
  const said = serviceSays(answer);
  const quoted = said === '' ? '' : ` ("${said}")`;
  const { status } = answer;
  if (status === 0) {
    return new ServiceError(
      'no_answer',
      `${service} did not answer in time; it may have received the request.`,
      0,
    );
  }
  if (status === 429) {
    return new ServiceError(
      'rate_limited',
      `${service} is rate-limiting requests (429); retry in a minute.`,
      429,
    );
  }
  if (status >= 500) {
    return new ServiceError(
      'unavailable',
      `${service} had a problem (${String(status)})${quoted}; it may have received the request.`,
      status,
    );
  }
  const advice =
    status === 401 || status === 403
      ? " Check its secure setting and the app's domainWhitelist."
      : status === 404
        ? ' Check its URL in the app settings.'
        : ' Check the app settings for it.';
  return new ServiceError(
    'rejected',
    `${service} refused the request (${String(status)})${quoted}.${advice}`,
    status,
  );
}
