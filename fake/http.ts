/**
 * The wire of the fake: requests shaped like ZAF's `client.request` options, answers shaped like an HTTP
 * response, and the error bodies Zendesk sends. No HTTP happens; the host page forwards `client.request`
 * messages here and the unit tests call it directly.
 */
import * as v from 'valibot';

/** HTTP methods the fake routes. */
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
/** An HTTP method. */
export type HttpMethod = (typeof HTTP_METHODS)[number];

/**
 * Request options as an app passes them to ZAF's `client.request` (`type` is ZAF's and jQuery's name for
 * the method; `method` is accepted too). `data` is a JSON string or an object; for a GET an object becomes
 * query parameters, as jQuery does.
 */
export interface FakeRequestOptions {
  readonly url: string;
  readonly type?: string;
  readonly method?: string;
  readonly data?: unknown;
  readonly contentType?: string | false;
  readonly headers?: Readonly<Record<string, string>>;
  readonly dataType?: string;
  readonly cors?: boolean;
  readonly secure?: boolean;
  readonly httpCompleteResponse?: boolean;
  readonly timeout?: number;
  readonly autoRetry?: boolean;
}

/**
 * Parses request options arriving as untyped data (a host page gets them from `postMessage`), so the host
 * can hand `FakeZendesk.request` a typed value or report a bad message.
 */
export const requestOptionsSchema = v.looseObject({
  url: v.string(),
  type: v.optional(v.string()),
  method: v.optional(v.string()),
  data: v.optional(v.unknown()),
  contentType: v.optional(v.union([v.string(), v.literal(false)])),
  headers: v.optional(v.record(v.string(), v.string())),
  dataType: v.optional(v.string()),
  cors: v.optional(v.boolean()),
  secure: v.optional(v.boolean()),
  httpCompleteResponse: v.optional(v.boolean()),
  timeout: v.optional(v.number()),
  autoRetry: v.optional(v.boolean()),
});

/**
 * What the fake answers. `status` 0 with `statusText` "timeout" means no answer reached the caller (what
 * a browser reports for a timed-out XHR); `body` is the parsed JSON, or null when there is none. Header
 * names are lower case, as `fetch` and XHR's `getAllResponseHeaders` present them.
 */
export interface FakeResponse {
  readonly status: number;
  readonly statusText: string;
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>>;
}

/** A request after parsing: what routes, faults and the request log see. */
export interface FakeRequest {
  readonly method: HttpMethod;
  /** Path and query as requested, with the account origin removed: `/api/v2/tickets/1.json?x=y`. */
  readonly url: string;
  /** Path only, without `.json` and without a trailing slash: `/api/v2/tickets/1`. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** Parsed JSON body, or undefined when there was none. */
  readonly body: unknown;
}

const STATUS_TEXTS: Readonly<Record<number, string>> = {
  0: 'timeout',
  200: 'OK',
  201: 'Created',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/**
 * The answer's text as a browser reads it: JSON as written, and a text answer (a third-party service's
 * `ok`) as it is, not quoted.
 */
export function responseTextOf(response: FakeResponse): string {
  if (response.body === null) return '';
  const json = (response.headers['content-type'] ?? 'application/json').includes('json');
  return typeof response.body === 'string' && !json ? response.body : JSON.stringify(response.body);
}

/** A JSON answer with Zendesk's content type. */
export function jsonResponse(
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): FakeResponse {
  return {
    status,
    statusText: STATUS_TEXTS[status] ?? 'Unknown',
    body,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  };
}

/** A Zendesk error answer: `{ error, description }`, plus `details` for validation errors. */
export function errorResponse(
  status: number,
  error: string,
  description: string,
  extra: { readonly details?: unknown; readonly headers?: Readonly<Record<string, string>> } = {},
): FakeResponse {
  const body =
    extra.details === undefined ? { error, description } : { error, description, details: extra.details };
  return jsonResponse(status, body, extra.headers);
}

/** A 422 with Zendesk's `RecordInvalid` shape, naming the field that failed. */
export function recordInvalid(field: string, message: string): FakeResponse {
  return errorResponse(422, 'RecordInvalid', 'Record validation errors', {
    details: { [field]: [{ description: message }] },
  });
}

/** The answer a caller sees when the request timed out: nothing came back. */
export function timeoutResponse(): FakeResponse {
  return { status: 0, statusText: 'timeout', body: null, headers: {} };
}

/** No answer because the request never left the browser or never arrived: status 0, as jQuery reports it. */
export function networkErrorResponse(): FakeResponse {
  return { status: 0, statusText: 'network error', body: null, headers: {} };
}

/** Thrown by request parsing; becomes the response it carries. */
export class RequestRejection extends Error {
  constructor(readonly response: FakeResponse) {
    super(`${response.status} ${response.statusText}`);
    this.name = 'RequestRejection';
  }
}

/**
 * Parses ZAF-style request options. Relative `/api/v2/...` URLs and absolute URLs on the fake's own
 * origin (the form `links.next` and `next_page` take) are accepted; anything else is not the fake's.
 */
export function parseRequest(options: FakeRequestOptions, origin: string): FakeRequest {
  const methodName = (options.type ?? options.method ?? 'GET').toUpperCase();
  const method = HTTP_METHODS.find((candidate) => candidate === methodName);
  if (method === undefined) {
    throw new RequestRejection(
      errorResponse(400, 'InvalidMethod', `The fake Zendesk does not route HTTP method ${methodName}.`),
    );
  }
  const parsedUrl = new URL(options.url, origin);
  if (parsedUrl.origin !== origin) {
    throw new RequestRejection(
      errorResponse(
        404,
        'InvalidEndpoint',
        `${options.url} is not on the fake Zendesk (${origin}); the fake serves only /api/v2/... URLs.`,
      ),
    );
  }
  let body: unknown = undefined;
  if (method === 'GET') {
    if (options.data !== undefined && options.data !== null && typeof options.data === 'object') {
      for (const [key, value] of Object.entries(options.data)) {
        const text =
          typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
            ? String(value)
            : JSON.stringify(value);
        parsedUrl.searchParams.append(key, text);
      }
    }
  } else if (typeof options.data === 'string') {
    if (options.data.trim() !== '') {
      try {
        body = JSON.parse(options.data);
      } catch {
        throw new RequestRejection(
          errorResponse(
            400,
            'InvalidJSON',
            'The request body is not valid JSON; send JSON.stringify(payload).',
          ),
        );
      }
    }
  } else {
    body = options.data;
  }
  const path = parsedUrl.pathname.replace(/\.json$/u, '').replace(/\/+$/u, '');
  return {
    method,
    url: `${parsedUrl.pathname}${parsedUrl.search}`,
    path,
    query: parsedUrl.searchParams,
    body,
  };
}
