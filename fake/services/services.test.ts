import { describe, expect, it } from 'vitest';
import { createFakeCarrier } from './carrier';
import { adfProblem, createFakeJira } from './jira';
import { createFakePagerDuty } from './pagerduty';
import { createProxy, isWhitelisted } from './proxy';
import { createFakeSlack } from './slack';
import type { FakeService, ServiceRequest } from './types';

const SLACK_URL = 'https://hooks.slack.com/services/T1/B2/secretpath';
const ROUTING_KEY = 'abcdefghijklmnopqrstuvwxyz012345';

function post(url: string, body: unknown, headers: Record<string, string> = {}): ServiceRequest {
  return {
    method: 'POST',
    url: new URL(url),
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

describe('the Slack stand-in', () => {
  const answer = (service: FakeService, request: ServiceRequest) => {
    const response = service.handle(request);
    return [response.status, response.body];
  };

  it('accepts text at its own webhook URL, answers "ok" and notes a channel mention', () => {
    const slack = createFakeSlack(SLACK_URL);
    expect(answer(slack, post(SLACK_URL, { text: '<!channel> hi' }))).toEqual([200, 'ok']);
    expect(slack.messages()).toEqual([{ text: '<!channel> hi', mentionsChannel: true }]);
  });

  it.each<[string, ServiceRequest, number, string]>([
    [
      'another webhook',
      post('https://hooks.slack.com/services/T1/B2/other', { text: 'x' }),
      404,
      'no_service',
    ],
    ['no text', post(SLACK_URL, {}), 400, 'no_text'],
    ['not JSON', post(SLACK_URL, 'text=hi'), 400, 'invalid_payload'],
    ['too long', post(SLACK_URL, { text: 'x'.repeat(40_001) }), 400, 'msg_too_long'],
  ])('refuses %s as Slack does', (_what, request, status, word) => {
    const slack = createFakeSlack(SLACK_URL);
    expect(answer(slack, request)).toEqual([status, word]);
    expect(slack.messages()).toEqual([]);
  });
});

describe('the PagerDuty stand-in', () => {
  const event = (over: Record<string, unknown> = {}, payload: Record<string, unknown> = {}) => ({
    routing_key: ROUTING_KEY,
    event_action: 'trigger',
    dedup_key: 'd-1',
    payload: { summary: 'down', source: 'zendesk', severity: 'critical', ...payload },
    ...over,
  });

  it('answers 202 with the dedup key and pages once per dedup key', () => {
    const pd = createFakePagerDuty(ROUTING_KEY);
    const url = 'https://events.pagerduty.com/v2/enqueue';
    expect(pd.handle(post(url, event()))).toMatchObject({
      status: 202,
      body: { status: 'success', message: 'Event processed', dedup_key: 'd-1' },
    });
    pd.handle(post(url, event()));
    expect(pd.incidents()).toHaveLength(1);
    expect(pd.incidents()[0]?.repeats).toBe(1);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['a wrong routing key', event({ routing_key: 'x'.repeat(32) }), /does not match/u],
    ['a short routing key', event({ routing_key: 'short' }), /32 character/u],
    ['an unknown action', event({ event_action: 'page' }), /event_action/u],
    ['a summary over 1024 characters', event({}, { summary: 'x'.repeat(1025) }), /1024/u],
    ['an unknown severity', event({}, { severity: 'high' }), /severity/u],
    ['a dedup key over 255 characters', event({ dedup_key: 'k'.repeat(256) }), /255/u],
  ])('refuses %s with 400 and says why', (_what, body, why) => {
    const pd = createFakePagerDuty(ROUTING_KEY);
    const response = pd.handle(post('https://events.pagerduty.com/v2/enqueue', body));
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toMatch(why);
    expect(pd.incidents()).toEqual([]);
  });
});

describe('the Jira stand-in', () => {
  const site = 'acme.atlassian.net';
  const auth = { authorization: 'Basic c2VjcmV0' };
  const jira = () => createFakeJira({ site, authorization: auth.authorization, projects: { ENG: ['Bug'] } });
  const doc = {
    type: 'doc',
    version: 1,
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'hi' }] }],
  };
  const fields = (over: Record<string, unknown> = {}) => ({
    fields: {
      project: { key: 'ENG' },
      issuetype: { name: 'Bug' },
      summary: 'S',
      description: doc,
      labels: ['eg-1'],
      ...over,
    },
  });

  it('creates an issue (201 {id, key, self}) and finds it by label', () => {
    const j = jira();
    const created = j.handle(post(`https://${site}/rest/api/3/issue`, fields(), auth));
    expect(created).toMatchObject({
      status: 201,
      body: { key: 'ENG-1', self: `https://${site}/rest/api/3/issue/10001` },
    });
    const found = j.handle(
      post(`https://${site}/rest/api/3/search/jql`, { jql: 'project = "ENG" AND labels = "eg-1"' }, auth),
    );
    expect(found.body).toMatchObject({ issues: [{ key: 'ENG-1' }], isLast: true });
    const none = j.handle(
      post(`https://${site}/rest/api/3/search/jql`, { jql: 'project = "ENG" AND labels = "eg-2"' }, auth),
    );
    expect(none.body).toMatchObject({ issues: [] });
  });

  it.each<[string, ServiceRequest, number, RegExp]>([
    ['without credentials', post(`https://${site}/rest/api/3/issue`, fields()), 401, /authenticated/u],
    [
      'an unknown project',
      post(`https://${site}/rest/api/3/issue`, fields({ project: { key: 'OPS' } }), auth),
      400,
      /valid project/u,
    ],
    [
      'a long summary',
      post(`https://${site}/rest/api/3/issue`, fields({ summary: 'x'.repeat(256) }), auth),
      400,
      /255/u,
    ],
    [
      'a text description',
      post(`https://${site}/rest/api/3/issue`, fields({ description: 'plain' }), auth),
      400,
      /Atlassian Document/u,
    ],
    [
      'a label with a space',
      post(`https://${site}/rest/api/3/issue`, fields({ labels: ['a b'] }), auth),
      400,
      /without spaces/u,
    ],
    [
      'JQL it cannot read',
      post(`https://${site}/rest/api/3/search/jql`, { jql: 'text ~ "x"' }, auth),
      400,
      /JQL/u,
    ],
  ])('refuses %s', (_what, request, status, why) => {
    const j = jira();
    const response = j.handle(request);
    expect(response.status).toBe(status);
    expect(JSON.stringify(response.body)).toMatch(why);
    expect(j.issues()).toEqual([]);
  });

  it('checks Atlassian documents: empty text nodes and unknown nodes are refused', () => {
    expect(adfProblem(doc)).toBeNull();
    expect(
      adfProblem({
        type: 'doc',
        version: 1,
        content: [{ type: 'paragraph', content: [{ type: 'text', text: '' }] }],
      }),
    ).toMatch(/without text/u);
    expect(adfProblem({ type: 'doc', version: 1, content: [{ type: 'table' }] })).toMatch(
      /unknown type table/u,
    );
  });
});

describe('the carrier stand-in', () => {
  const url = 'https://carrier.example.com/intake/abc';
  const body = {
    type: 'carrier_escalation',
    escalation_key: 'eg-1-x',
    ticket: { id: 1 },
    carrier: 'Verizon',
    issue: 'Port-In Stuck',
    note: 'details',
  };

  it('files once per idempotency key and answers 202 with the same request id', () => {
    const carrier = createFakeCarrier(url);
    const first = carrier.handle(post(url, body, { 'idempotency-key': 'eg-1-x' }));
    const again = carrier.handle(post(url, body, { 'idempotency-key': 'eg-1-x' }));
    expect(first).toMatchObject({ status: 202, body: { received: true, request_id: 'CR-0001' } });
    expect(again.body).toEqual(first.body);
    expect(carrier.requests()).toHaveLength(1);
    expect(carrier.requests()[0]?.repeats).toBe(1);
  });

  it('refuses a request without the idempotency key or with missing fields', () => {
    const carrier = createFakeCarrier(url);
    expect(carrier.handle(post(url, body)).status).toBe(400);
    expect(carrier.handle(post(url, { ...body, note: '' }, { 'idempotency-key': 'eg-1-x' })).body).toEqual({
      error: 'note is missing',
    });
    expect(carrier.requests()).toEqual([]);
  });
});

describe("the model of Zendesk's proxy", () => {
  const secrets = { slack_webhook_url: SLACK_URL, token: 'T0KEN', empty: '' };
  const setup = (whitelist = ['hooks.slack.com', 'example.com']) => {
    const slack = createFakeSlack(SLACK_URL);
    const echo: FakeService & { seen: ServiceRequest[] } = {
      name: 'carrier',
      seen: [],
      handles: (u) => u.hostname.endsWith('example.com'),
      handle(request) {
        echo.seen.push(request);
        return {
          status: 200,
          statusText: 'OK',
          body: { ok: true },
          headers: { 'content-type': 'application/json' },
        };
      },
    };
    const proxy = createProxy({ whitelist, secureSettings: () => secrets, services: [slack, echo] });
    return { proxy, slack, echo };
  };
  const ZENDESK = 'https://acme.zendesk.com';

  it('leaves Zendesk API requests to the fake Zendesk', () => {
    const { proxy } = setup();
    expect(proxy.request({ url: '/api/v2/tickets/1.json' }, ZENDESK)).toBeNull();
    expect(proxy.request({ url: `${ZENDESK}/api/v2/tickets/1.json` }, ZENDESK)).toBeNull();
  });

  it('fills secure settings into the URL, headers and body of a secure request, and masks them in its record', () => {
    const { proxy, slack, echo } = setup();
    const posted = proxy.request(
      {
        url: '{{setting.slack_webhook_url}}',
        type: 'POST',
        secure: true,
        contentType: 'application/json',
        data: '{"text":"hi"}',
      },
      ZENDESK,
    );
    expect(posted?.status).toBe(200);
    expect(slack.messages()).toHaveLength(1);
    proxy.request(
      {
        url: 'https://api.example.com/x?k={{setting.token}}',
        type: 'POST',
        secure: true,
        headers: { Authorization: 'Bearer {{ setting.token }}' },
        data: '{"key":"{{setting.token}}"}',
      },
      ZENDESK,
    );
    const seen = echo.seen[0];
    expect(seen?.url.search).toBe('?k=T0KEN');
    expect(seen?.headers.authorization).toBe('Bearer T0KEN');
    expect(seen?.body).toBe('{"key":"T0KEN"}');
    const records = JSON.stringify(proxy.received());
    expect(records).not.toContain('T0KEN');
    expect(records).not.toContain('secretpath');
    expect(records).toContain('[secure token]');
  });

  it('sends a request without `secure` as written, placeholders and all', () => {
    const { proxy, echo } = setup();
    proxy.request(
      { url: 'https://api.example.com/x', type: 'POST', headers: { 'X-Key': '{{setting.token}}' } },
      ZENDESK,
    );
    expect(echo.seen[0]?.headers['x-key']).toBe('{{setting.token}}');
  });

  it.each<[string, Parameters<ReturnType<typeof setup>['proxy']['request']>[0], number, RegExp]>([
    [
      'an unknown setting',
      { url: 'https://api.example.com/{{setting.nope}}', secure: true },
      400,
      /\{\{setting\.nope\}\}/u,
    ],
    [
      'an empty setting',
      { url: 'https://api.example.com/{{setting.empty}}', secure: true },
      400,
      /is empty/u,
    ],
    [
      'a host outside the whitelist',
      { url: 'https://evil.test/?k={{setting.token}}', secure: true },
      403,
      /not in the app's domainWhitelist/u,
    ],
  ])('refuses %s, and no service sees it', (_what, request, status, why) => {
    const { proxy, echo, slack } = setup();
    const response = proxy.request(request, ZENDESK);
    expect(response?.status).toBe(status);
    expect(JSON.stringify(response?.body)).toMatch(why);
    expect(echo.seen).toEqual([]);
    expect(slack.messages()).toEqual([]);
    expect(proxy.received()[0]?.service).toBeNull();
  });

  it('matches whitelist entries as the host or a subdomain of it', () => {
    expect(isWhitelisted('acme.atlassian.net', ['atlassian.net'])).toBe(true);
    expect(isWhitelisted('atlassian.net', ['atlassian.net'])).toBe(true);
    expect(isWhitelisted('evilatlassian.net', ['atlassian.net'])).toBe(false);
    expect(isWhitelisted('atlassian.net.evil.test', ['atlassian.net'])).toBe(false);
  });

  it('plays a queued fault once: a status with nothing landing, or a lost answer after landing', () => {
    const { proxy, slack } = setup();
    const send = () =>
      proxy.request(
        { url: SLACK_URL, type: 'POST', contentType: 'application/json', data: '{"text":"x"}' },
        ZENDESK,
      );
    proxy.failNext('slack', { kind: 'status', status: 503 });
    expect(send()?.status).toBe(503);
    expect(slack.messages()).toHaveLength(0);
    proxy.failNext('slack', { kind: 'lost' });
    expect(send()?.status).toBe(0);
    expect(slack.messages()).toHaveLength(1);
    expect(send()?.status).toBe(200);
    expect(proxy.received().map((r) => r.fault)).toEqual(['status', 'lost', null]);
  });

  it('plays a fault with a path on the first request to that path only', () => {
    const { proxy, echo } = setup();
    const send = (pathname: string) =>
      proxy.request({ url: `https://carrier.example.com${pathname}`, type: 'POST' }, ZENDESK);
    proxy.failNext('carrier', { kind: 'status', status: 500, path: '/create' });
    expect(send('/search')?.status).toBe(200);
    expect(send('/create')?.status).toBe(500);
    expect(send('/create')?.status).toBe(200);
    expect(echo.seen.map((request) => request.url.pathname)).toEqual(['/search', '/create']);
    expect(proxy.pendingFaults()).toEqual([]);
  });
});
