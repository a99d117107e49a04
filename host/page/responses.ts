/**
 * What the host sends back for a `client.request`: the fake Zendesk's answer turned into the
 * `responseArgs` Zendesk's own host sends. Zendesk runs the request with jQuery.ajax and forwards the
 * arguments of its done/fail callbacks through postMessage, i.e. after JSON serialization; the SDK then
 * calls `resolve(...responseArgs)` or `reject(...responseArgs)`, so only the first argument reaches the app:
 *
 * - success: the parsed body (or, with `httpCompleteResponse`, `{status, statusText, headers, responseJSON,
 *   responseText}`);
 * - failure: a jqXHR as JSON keeps it: `{readyState, status, statusText, responseText, responseJSON}`
 *   (plus `headers` with `httpCompleteResponse`); a request that got no answer has status 0.
 */
import * as v from 'valibot';
import { requestOptionsSchema, type FakeRequestOptions, type FakeResponse } from '../../fake/zendesk';
import { responseTextOf } from '../../fake/http';
import type { RequestReply } from './zaf';

/** The failed-request object an app's rejection handler receives. */
export interface JqXhrLike {
  readonly readyState: number;
  readonly status: number;
  readonly statusText: string;
  readonly responseText: string;
  readonly responseJSON?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** The resolved value with `httpCompleteResponse: true`. */
export interface CompleteResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly responseJSON: unknown;
  readonly responseText: string;
}

/** jQuery counts 2xx and 304 as success; every other status, and no answer at all (0), fails. */
export function isSuccess(status: number): boolean {
  return (status >= 200 && status < 300) || status === 304;
}

/** The `responseArgs` for one answer of the fake, given the options the app sent. */
export function replyFor(
  response: FakeResponse,
  options: Pick<FakeRequestOptions, 'httpCompleteResponse' | 'dataType'>,
): RequestReply {
  const complete = options.httpCompleteResponse === true;
  // jQuery hands `dataType: 'text'` callers the raw text instead of parsed JSON.
  const asText = options.dataType === 'text';
  const responseText = responseTextOf(response);
  const answered = response.status !== 0;
  const xhr: JqXhrLike = {
    // 4 = DONE; an XHR that timed out never reached it.
    readyState: answered ? 4 : 0,
    status: response.status,
    statusText: response.statusText,
    responseText,
    ...(response.body === null ? {} : { responseJSON: response.body }),
    ...(complete ? { headers: response.headers } : {}),
  };
  if (isSuccess(response.status)) {
    const value: unknown = complete
      ? ({
          status: response.status,
          statusText: response.statusText,
          headers: response.headers,
          responseJSON: response.body,
          responseText,
        } satisfies CompleteResponse)
      : asText
        ? responseText
        : response.body;
    return { kind: 'done', responseArgs: [value, 'success', xhr] };
  }
  const textStatus = answered ? 'error' : 'timeout';
  return { kind: 'fail', responseArgs: [xhr, textStatus, answered ? response.statusText : 'timeout'] };
}

/** Parsed request options, or the failure an app gets for options no host could send. */
export type ParsedRequest =
  | { readonly ok: true; readonly options: FakeRequestOptions }
  | { readonly ok: false; readonly reply: RequestReply };

/** Reads `client.request` options from a message; a bare string is a URL, as the SDK allows. */
export function parseRequestOptions(input: unknown): ParsedRequest {
  const candidate = typeof input === 'string' ? { url: input } : input;
  const parsed = v.safeParse(requestOptionsSchema, candidate);
  if (parsed.success) {
    // valibot types an absent optional key as `undefined`, which exactOptionalPropertyTypes keeps apart
    // from "absent"; dropping those keys makes the value what FakeRequestOptions describes.
    const present = Object.entries(parsed.output).filter(([, value]) => value !== undefined);
    return { ok: true, options: Object.fromEntries(present) as unknown as FakeRequestOptions };
  }
  const issue = parsed.issues[0];
  const description = `client.request options are invalid: ${v.getDotPath(issue) ?? 'options'}: ${issue.message}`;
  return {
    ok: false,
    reply: replyFor(
      {
        status: 400,
        statusText: 'Bad Request',
        body: { error: 'InvalidRequest', description },
        headers: { 'content-type': 'application/json; charset=utf-8' },
      },
      {},
    ),
  };
}
