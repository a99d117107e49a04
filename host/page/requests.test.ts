/** `client.request` around the fake: automatic 429 retries, the timeout option, bad options. */
import { describe, expect, it, vi } from 'vitest';
import { FIXTURE_IDS, outageBundle } from '../../fake/fixtures';
import { createFakeZendesk } from '../../fake/zendesk';
import { AUTO_RETRIES, sendRequest } from './requests';

const TICKET_URL = `/api/v2/tickets/${FIXTURE_IDS.ticket}.json`;

function seeded(latencyMs = 0) {
  const fake = createFakeZendesk({ latencyMs });
  fake.seed(outageBundle());
  return fake;
}

describe('sendRequest', () => {
  it('retries a 429 after its Retry-After when the app does not opt out', async () => {
    const fake = seeded();
    fake.failNext({ status: 429, retryAfter: 4, times: 2 });
    const waits: number[] = [];
    const reply = await sendRequest(TICKET_URL, {
      fake,
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    });
    expect(reply.kind).toBe('done');
    expect(waits).toEqual([4000, 4000]);
    expect(fake.requests().map((request) => request.status)).toEqual([429, 429, 200]);
  });

  it(`gives up after ${AUTO_RETRIES} retries and hands the app the 429`, async () => {
    const fake = seeded();
    fake.failNext({ status: 429, retryAfter: 0, times: AUTO_RETRIES + 1 });
    const reply = await sendRequest(TICKET_URL, { fake, sleep: () => Promise.resolve() });
    expect(reply.kind).toBe('fail');
    expect(reply.responseArgs[0]).toMatchObject({ status: 429 });
    expect(fake.requests()).toHaveLength(AUTO_RETRIES + 1);
  });

  it('hands the app the first 429 with autoRetry: false', async () => {
    const fake = seeded();
    fake.failNext({ status: 429, retryAfter: 4 });
    const reply = await sendRequest({ url: TICKET_URL, autoRetry: false }, { fake });
    expect(reply.responseArgs[0]).toMatchObject({ status: 429, responseJSON: { error: 'TooManyRequests' } });
    expect(fake.requests()).toHaveLength(1);
  });

  it('times out after `timeout` ms while the fake still applies the write', async () => {
    const fake = seeded(60);
    const reply = await sendRequest(
      {
        url: TICKET_URL,
        type: 'PUT',
        timeout: 10,
        data: JSON.stringify({ ticket: { additional_tags: ['late'] } }),
      },
      { fake },
    );
    expect(reply.kind).toBe('fail');
    expect(reply.responseArgs.slice(0, 2)).toEqual([
      { readyState: 0, status: 0, statusText: 'timeout', responseText: '' },
      'timeout',
    ]);
    await vi.waitFor(() => {
      expect(fake.ticket(FIXTURE_IDS.ticket)?.tags).toContain('late');
    });
  });

  it('fails options that name no URL, without asking the fake', async () => {
    const fake = seeded();
    const reply = await sendRequest({ type: 'GET' }, { fake });
    expect(reply.responseArgs[0]).toMatchObject({ status: 400 });
    expect(fake.requests()).toHaveLength(0);
  });
});
