import { describe, expect, it } from 'vitest';
import { createFakeClient } from '../../fake/client';
import { createFakeZendesk } from '../../fake/zendesk';
import { groupProblems } from './groups';
import { parseSettings } from './settings';

const GROUPS = [
  { id: 101, name: 'Tier 2' },
  { id: 102, name: 'Engineering' },
  { id: 103, name: 'Old Trust & Safety', deleted: true },
];

function setUp(groups = GROUPS) {
  const fake = createFakeZendesk({ groups });
  return { fake, client: createFakeClient(fake, { ticketId: 1 }) };
}

const noWait = { sleep: () => Promise.resolve() };

describe('groupProblems', () => {
  it('names each setting whose id is not a live group of the account, and what to do', async () => {
    const { client, fake } = setUp();
    const { settings } = parseSettings({
      l2_group_id: '101',
      engineering_group_id: '102',
      trust_safety_group_id: '103',
      carrier_group_id: '999',
    });
    const problems = await groupProblems(client, settings.groups, noWait);
    expect(problems).toEqual([
      'trust_safety_group_id: 103 is not a group of this Zendesk account.',
      'carrier_group_id: 999 is not a group of this Zendesk account.',
    ]);
    // One listing, a read.
    expect(fake.requests().map((r) => [r.method, r.url.split('?')[0]])).toEqual([
      ['GET', '/api/v2/groups.json'],
    ]);
  });

  it('finds nothing to say when every configured group exists', async () => {
    const { client } = setUp();
    expect(await groupProblems(client, { l2: 101, engineering: 102 }, noWait)).toEqual([]);
  });

  it('reads every page of a large account', async () => {
    const many = Array.from({ length: 250 }, (_, i) => ({ id: 5000 + i, name: `Group ${i}` }));
    const { client, fake } = setUp(many);
    expect(await groupProblems(client, { l2: 5000, legal: 5249 }, noWait)).toEqual([]);
    expect(fake.requests().length).toBe(3);
  });

  it('finds nothing to say when no group is configured', async () => {
    const { client, fake } = setUp();
    expect(await groupProblems(client, {}, noWait)).toEqual([]);
    expect(fake.requests()).toEqual([]);
  });

  it('claims nothing when the listing fails', async () => {
    const { client, fake } = setUp();
    fake.failNext({ status: 403 });
    expect(await groupProblems(client, { carrier: 999 }, noWait)).toEqual([]);
    expect(fake.requests().map((r) => r.status)).toEqual([403]);
  });
});
