/**
 * What the local stand-ins for the third-party services share: the request as it reaches a service after
 * Zendesk's proxy (secure settings already substituted), the answer, and the record of what each one
 * received, which the host page shows and the tests assert.
 */
import type { FakeResponse } from '../http';

/** The services the app hands escalations to. */
export const SERVICE_NAMES = ['slack', 'pagerduty', 'jira', 'carrier'] as const;
/** One of the services. */
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** A request as the service receives it: method, absolute URL, lower-case header names, raw body. */
export interface ServiceRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | null;
}

/** One local service: whether a URL is its, and how it answers. */
export interface FakeService {
  readonly name: ServiceName;
  handles(url: URL): boolean;
  handle(request: ServiceRequest): FakeResponse;
}

/** A text answer (Slack's webhooks answer `ok` or an error word as text/html). */
export function textResponse(status: number, text: string): FakeResponse {
  return {
    status,
    statusText: STATUS_TEXT[status] ?? 'Unknown',
    body: text,
    headers: { 'content-type': 'text/html; charset=utf-8' },
  };
}

/** A JSON answer. */
export function jsonAnswer(
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): FakeResponse {
  return {
    status,
    statusText: STATUS_TEXT[status] ?? 'Unknown',
    body,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  };
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** The body as JSON, or a reason it is not. */
export function parseJsonBody(
  request: ServiceRequest,
): { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string } {
  if (request.body === null || request.body.trim() === '') return { ok: false, reason: 'the body is empty' };
  try {
    return { ok: true, value: JSON.parse(request.body) as unknown };
  } catch {
    return { ok: false, reason: 'the body is not valid JSON' };
  }
}

/** A plain object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether the request says it carries JSON. */
export function isJsonContent(request: ServiceRequest): boolean {
  return (request.headers['content-type'] ?? '').toLowerCase().startsWith('application/json');
}
