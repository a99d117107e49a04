/**
 * Zendesk's request proxy, as an app's third-party `client.request` meets it: a request with
 * `secure: true` gets every `{{setting.NAME}}` in its URL, headers and body replaced by the installation's
 * secure setting NAME, which never reaches the browser; the final host must be in the manifest's
 * `domainWhitelist` (the host itself or a subdomain of an entry), or the request is refused, as is a
 * placeholder naming no secure setting. A request without `secure` is forwarded as written. Then the
 * request goes to the local stand-in for the service (./slack, ./pagerduty, ./jira, ./carrier), with any
 * queued fault, and is recorded as the service received it (secret values masked).
 */
import type { FakeRequestOptions, FakeResponse } from '../http';
import { SERVICE_NAMES, type FakeService, type ServiceName, type ServiceRequest } from './types';

/** What a queued failure does. */
export type ServiceFaultKind =
  /** Answer this status without handling the request (nothing lands). */
  | { readonly kind: 'status'; readonly status: number; readonly retryAfter?: number }
  /** Handle the request, then lose the answer: the app sees no answer although the request landed. */
  | { readonly kind: 'lost' };

/**
 * A failure queued for a service's next request, or with `path` for its next request to that path (Jira's
 * create, after the search that precedes it).
 */
export type ServiceFault = ServiceFaultKind & { readonly path?: string };

/** One request a service received (or a request the proxy refused before any service saw it). */
export interface ReceivedRecord {
  readonly sequence: number;
  /** The service, or null when the proxy refused the request. */
  readonly service: ServiceName | null;
  readonly method: string;
  /** The URL after substitution, secret values masked as `[secure NAME]`. */
  readonly url: string;
  /** The body as received, secret values masked; parsed when it is JSON. */
  readonly body: unknown;
  readonly status: number;
  /** What the service answered (or the proxy's refusal). */
  readonly answer: unknown;
  readonly fault: ServiceFault['kind'] | null;
}

/** Options of `createProxy`. */
export interface ProxyOptions {
  /** The manifest's `domainWhitelist`. */
  readonly whitelist: readonly string[];
  /** The installation's secure settings, read at each request (the host keeps them to itself). */
  readonly secureSettings: () => Readonly<Record<string, string>>;
  readonly services: readonly FakeService[];
  /** Called after each record, for a page's view. */
  readonly onReceived?: (record: ReceivedRecord) => void;
}

/** The proxy and the services behind it. */
export interface LocalProxy {
  /**
   * Answers a request for a third-party URL; null for the Zendesk API (a relative `/api/...` URL or the
   * account's own origin), which the caller sends to the fake Zendesk.
   */
  request(options: FakeRequestOptions, zendeskOrigin: string): FakeResponse | null;
  failNext(service: ServiceName, fault: ServiceFault): void;
  pendingFaults(): readonly { readonly service: ServiceName; readonly fault: ServiceFault }[];
  received(): readonly ReceivedRecord[];
}

const PLACEHOLDER = /\{\{\s*setting\.([A-Za-z0-9_]+)\s*\}\}/gu;

/** Whether `host` is `entry` or a subdomain of it. */
export function isWhitelisted(host: string, whitelist: readonly string[]): boolean {
  const name = host.toLowerCase();
  return whitelist.some((entry) => {
    const domain = entry.toLowerCase().replace(/^\*\./u, '');
    return name === domain || name.endsWith(`.${domain}`);
  });
}

/** Creates the proxy over `services`. */
export function createProxy(options: ProxyOptions): LocalProxy {
  const received: ReceivedRecord[] = [];
  const faults: { service: ServiceName; fault: ServiceFault }[] = [];

  const refuse = (status: number, error: string, description: string): FakeResponse => ({
    status,
    statusText: status === 403 ? 'Forbidden' : status === 502 ? 'Bad Gateway' : 'Bad Request',
    body: { error, description },
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });

  const record = (entry: Omit<ReceivedRecord, 'sequence'>): void => {
    const full = { ...entry, sequence: received.length + 1 };
    received.push(full);
    options.onReceived?.(full);
  };

  return {
    request(request, zendeskOrigin) {
      if (request.url.startsWith('/')) return null;
      let target: URL;
      try {
        target = new URL(request.url);
      } catch {
        // A placeholder as the whole URL is only a URL after substitution.
        if (request.secure !== true || !request.url.includes('{{')) return null;
        target = new URL('https://placeholder.invalid');
      }
      if (target.origin === zendeskOrigin) return null;

      const method = (request.type ?? request.method ?? 'GET').toUpperCase();
      const secrets = options.secureSettings();
      const missing = new Set<string>();
      const fill = (text: string): string =>
        request.secure === true
          ? text.replace(PLACEHOLDER, (whole, name: string) => {
              const value = secrets[name];
              if (value === undefined || value === '') {
                missing.add(name);
                return whole;
              }
              return value;
            })
          : text;
      const mask = (text: string): string =>
        Object.entries(secrets).reduce(
          (masked, [name, value]) => (value === '' ? masked : masked.split(value).join(`[secure ${name}]`)),
          text,
        );

      const url = fill(request.url);
      const headers = Object.fromEntries(
        Object.entries(request.headers ?? {}).map(([name, value]) => [name.toLowerCase(), fill(value)]),
      );
      if (typeof request.contentType === 'string') headers['content-type'] = request.contentType;
      const rawBody =
        request.data === undefined || request.data === null
          ? null
          : typeof request.data === 'string'
            ? request.data
            : JSON.stringify(request.data);
      const body = rawBody === null ? null : fill(rawBody);
      const shownBody = body === null ? null : parseIfJson(mask(body));

      if (missing.size > 0) {
        const response = refuse(
          400,
          'InvalidSetting',
          `The request names ${[...missing].map((name) => `{{setting.${name}}}`).join(', ')}, which is not a secure setting of this installation (or is empty). Set it in the app's settings.`,
        );
        record({
          service: null,
          method,
          url: mask(request.url),
          body: shownBody,
          status: 400,
          answer: response.body,
          fault: null,
        });
        return response;
      }
      let finalUrl: URL;
      try {
        finalUrl = new URL(url);
      } catch {
        const response = refuse(400, 'InvalidUrl', 'The request URL is not a URL after substitution.');
        record({
          service: null,
          method,
          url: mask(url),
          body: shownBody,
          status: 400,
          answer: response.body,
          fault: null,
        });
        return response;
      }
      if (request.secure === true && !isWhitelisted(finalUrl.hostname, options.whitelist)) {
        const response = refuse(
          403,
          'DomainNotAllowed',
          `${finalUrl.hostname} is not in the app's domainWhitelist (${options.whitelist.join(', ')}), so secure settings are not sent there.`,
        );
        record({
          service: null,
          method,
          url: mask(url),
          body: shownBody,
          status: 403,
          answer: response.body,
          fault: null,
        });
        return response;
      }
      const service = options.services.find((candidate) => candidate.handles(finalUrl));
      if (service === undefined) {
        const response = refuse(
          502,
          'Unreachable',
          `The local host has no stand-in for ${finalUrl.hostname}.`,
        );
        record({
          service: null,
          method,
          url: mask(url),
          body: shownBody,
          status: 502,
          answer: response.body,
          fault: null,
        });
        return response;
      }

      const at = faults.findIndex(
        (queued) =>
          queued.service === service.name &&
          (queued.fault.path === undefined || queued.fault.path === finalUrl.pathname),
      );
      const fault = at === -1 ? null : (faults.splice(at, 1)[0]?.fault ?? null);
      const serviceRequest: ServiceRequest = { method, url: finalUrl, headers, body };
      let response: FakeResponse;
      if (fault?.kind === 'status') {
        response = {
          status: fault.status,
          statusText: 'Injected fault',
          body: { error: `injected ${String(fault.status)}` },
          headers: {
            'content-type': 'application/json; charset=utf-8',
            ...(fault.status === 429 ? { 'retry-after': String(fault.retryAfter ?? 1) } : {}),
          },
        };
      } else {
        response = service.handle(serviceRequest);
      }
      record({
        service: service.name,
        method,
        url: mask(url),
        body: shownBody,
        status: fault?.kind === 'lost' ? 0 : response.status,
        answer: typeof response.body === 'string' ? mask(response.body) : response.body,
        fault: fault?.kind ?? null,
      });
      if (fault?.kind === 'lost') return { status: 0, statusText: 'timeout', body: null, headers: {} };
      return response;
    },
    failNext(service, fault) {
      if (!SERVICE_NAMES.includes(service)) throw new RangeError(`No service ${service as string}.`);
      faults.push({ service, fault });
    },
    pendingFaults: () => faults.map((queued) => ({ ...queued })),
    received: () => received.map((entry) => ({ ...entry })),
  };
}

function parseIfJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
