/** The fake's answers as the responseArgs Zendesk's host sends for `client.request`. */
import { describe, expect, it } from 'vitest';
import type { FakeResponse } from '../../fake/zendesk';
import { isSuccess, parseRequestOptions, replyFor } from './responses';

const json = { 'content-type': 'application/json; charset=utf-8' };

function response(
  status: number,
  statusText: string,
  body: unknown,
  headers: Readonly<Record<string, string>> = json,
): FakeResponse {
  return { status, statusText, body, headers };
}

describe('replyFor', () => {
  it('resolves a 2xx with the parsed body first', () => {
    const reply = replyFor(response(200, 'OK', { ticket: { id: 1 } }), {});
    expect(reply.kind).toBe('done');
    expect(reply.responseArgs[0]).toEqual({ ticket: { id: 1 } });
    expect(reply.responseArgs[1]).toBe('success');
  });

  it('resolves with the raw text when dataType is text', () => {
    expect(replyFor(response(200, 'OK', { count: 3 }), { dataType: 'text' }).responseArgs[0]).toBe(
      '{"count":3}',
    );
  });

  it('resolves with status, headers and body when httpCompleteResponse is set', () => {
    const reply = replyFor(response(201, 'Created', { ticket: { id: 2 } }, { ...json, location: '/x' }), {
      httpCompleteResponse: true,
    });
    expect(reply.responseArgs[0]).toEqual({
      status: 201,
      statusText: 'Created',
      headers: { ...json, location: '/x' },
      responseJSON: { ticket: { id: 2 } },
      responseText: '{"ticket":{"id":2}}',
    });
  });

  it('rejects a 409 with a jqXHR-like object: status, text and parsed body', () => {
    const body = { error: 'UpdateConflict', description: 'Safe Update prevented the update' };
    const reply = replyFor(response(409, 'Conflict', body), {});
    expect(reply).toEqual({
      kind: 'fail',
      responseArgs: [
        {
          readyState: 4,
          status: 409,
          statusText: 'Conflict',
          responseText: JSON.stringify(body),
          responseJSON: body,
        },
        'error',
        'Conflict',
      ],
    });
  });

  it('gives the headers of a failure only with httpCompleteResponse (a serialized jqXHR has none)', () => {
    const limited = response(
      429,
      'Too Many Requests',
      { error: 'TooManyRequests' },
      { ...json, 'retry-after': '3' },
    );
    expect(replyFor(limited, {}).responseArgs[0]).not.toHaveProperty('headers');
    expect(replyFor(limited, { httpCompleteResponse: true }).responseArgs[0]).toMatchObject({
      headers: { 'retry-after': '3' },
    });
  });

  it('rejects a lost answer as a timed-out XHR: status 0, nothing received', () => {
    const reply = replyFor({ status: 0, statusText: 'timeout', body: null, headers: {} }, {});
    expect(reply).toEqual({
      kind: 'fail',
      responseArgs: [
        { readyState: 0, status: 0, statusText: 'timeout', responseText: '' },
        'timeout',
        'timeout',
      ],
    });
  });

  it('counts 2xx and 304 as success, as jQuery does', () => {
    expect([200, 204, 304].map(isSuccess)).toEqual([true, true, true]);
    expect([0, 199, 301, 400, 500].map(isSuccess)).toEqual([false, false, false, false, false]);
  });
});

describe('parseRequestOptions', () => {
  it('takes a bare URL, as client.request does', () => {
    expect(parseRequestOptions('/api/v2/groups.json')).toEqual({
      ok: true,
      options: { url: '/api/v2/groups.json' },
    });
  });

  it('keeps the options it knows and leaves out absent ones', () => {
    const parsed = parseRequestOptions({
      url: '/api/v2/tickets/1.json',
      type: 'PUT',
      data: '{}',
      secure: true,
    });
    expect(parsed).toEqual({
      ok: true,
      options: { url: '/api/v2/tickets/1.json', type: 'PUT', data: '{}', secure: true },
    });
  });

  it('fails options without a URL with a 400 the app can read', () => {
    const parsed = parseRequestOptions({ type: 'GET' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.reply.kind).toBe('fail');
    expect(parsed.reply.responseArgs[0]).toMatchObject({
      status: 400,
      responseJSON: { error: 'InvalidRequest' },
    });
  });
});
