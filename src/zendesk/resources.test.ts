import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeClient } from '../../fake/client';
import { installRequirements, type InstalledIds } from '../../fake/install';
import { createFakeZendesk, type FakeZendesk } from '../../fake/zendesk';
import { loadTicket } from './loader';
import { clearFieldCache, discoverFields, INSTALLED_FIELDS, requirementIdsFrom } from './resources';
import { parseSettings } from './settings';
import type { ZafClient } from './types';
import { sharedCases } from './testkit';

const requirements = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../requirements.json'), 'utf8'),
) as unknown;
const INSTALLATION = 7;
const outage = sharedCases().find((c) => c.file.startsWith('08-'));
if (!outage) throw new Error('shared case 08 is missing');
const CASE_FIELD = 27493018462210;

/** An account with the app installed, the outage case seeded with its category in the installed field. */
function account(role: 'admin' | 'agent', install = true) {
  const fake: FakeZendesk = createFakeZendesk({
    now: () => Date.parse(outage?.bundle.now ?? ''),
    currentUser: { id: 1, role },
  });
  const ids: InstalledIds | null = install ? installRequirements(fake, requirements, INSTALLATION) : null;
  const categoryId = ids?.ticket_fields.issue_category ?? CASE_FIELD;
  const bundle = JSON.parse(
    JSON.stringify(outage?.bundle).replaceAll(String(CASE_FIELD), String(categoryId)),
  ) as {
    ticket: { id: number };
  };
  fake.seed(bundle);
  const client = createFakeClient(fake, { ticketId: bundle.ticket.id, installationId: INSTALLATION });
  const requests = () => fake.requests().map((r) => r.url.split('?')[0] ?? '');
  return { fake, client, ids, requests };
}

const noIds = parseSettings({}).settings;
const REQUIREMENT_PATHS = INSTALLED_FIELDS.map((field) => `requirement:${field.identifier}`);

/** A client whose host serves no `requirement:` path (answers it in `errors`, as for an unknown path). */
function withoutRequirementPaths(client: ZafClient): ZafClient {
  return {
    ...client,
    get: async (paths) => {
      const list = (Array.isArray(paths) ? paths : [paths]).filter(
        (path) => !path.startsWith('requirement:'),
      );
      const answer = await client.get(list);
      const errors = { ...(answer.errors ?? {}) } as Record<string, unknown>;
      for (const path of Array.isArray(paths) ? paths : [paths]) {
        if (path.startsWith('requirement:')) errors[path] = { message: 'unknown path', path };
      }
      return { ...answer, errors };
    },
  };
}

beforeEach(() => {
  clearFieldCache();
});

describe('discoverFields', () => {
  it.each(['agent', 'admin'] as const)(
    "finds each field's id with ZAF's requirement:<identifier> get, in one get and no REST request (%s)",
    async (role) => {
      const { client, ids, requests } = account(role);
      const found = await discoverFields(client, noIds);
      expect(found.settings).toMatchObject({
        categoryFieldId: ids?.ticket_fields.issue_category,
        refundFieldId: ids?.ticket_fields.refund_amount,
        followUpFieldId: ids?.ticket_fields.follow_up_due,
        recordFieldId: ids?.ticket_fields.escalation_record,
      });
      expect(found.sources).toEqual({
        categoryFieldId: 'requirement',
        refundFieldId: 'requirement',
        followUpFieldId: 'requirement',
        recordFieldId: 'requirement',
      });
      expect(found.problems).toEqual([]);
      expect(client.calls.gets).toEqual([REQUIREMENT_PATHS]);
      expect(requests()).toEqual([]);
    },
  );

  it('reads the ids from an answer the caller already has, without asking the host again', async () => {
    const { client, ids, requests } = account('agent');
    const hostAnswer = await client.get(['ticket.id', ...REQUIREMENT_PATHS]);
    const found = await discoverFields(client, noIds, { hostAnswer });
    expect(found.settings.refundFieldId).toBe(ids?.ticket_fields.refund_amount);
    expect(client.calls.gets).toHaveLength(1);
    expect(requests()).toEqual([]);
  });

  it('looks for the fields asked for only, and keeps an id an admin set', async () => {
    const { client, ids } = account('agent');
    const found = await discoverFields(
      client,
      { ...noIds, categoryFieldId: 123 },
      { only: ['recordFieldId'] },
    );
    expect(client.calls.gets).toEqual([['requirement:escalation_record']]);
    expect(found.settings.recordFieldId).toBe(ids?.ticket_fields.escalation_record);
    expect(found.settings.categoryFieldId).toBe(123);
    expect(found.sources.categoryFieldId).toBe('setting');
    expect(found.settings.refundFieldId).toBeNull();
    expect(found.problems).toEqual([]);
  });

  it('asks nothing when an admin set all four', async () => {
    const { client, requests } = account('admin');
    const all = await discoverFields(client, {
      ...noIds,
      categoryFieldId: 1,
      refundFieldId: 2,
      followUpFieldId: 3,
      recordFieldId: 4,
    });
    expect(all.settings).toMatchObject({
      categoryFieldId: 1,
      refundFieldId: 2,
      followUpFieldId: 3,
      recordFieldId: 4,
    });
    expect(client.calls.gets).toEqual([]);
    expect(requests()).toEqual([]);
  });

  it("reads the installation's requirements list, as an agent, when the host answers no requirement", async () => {
    const { client, ids, fake } = account('agent');
    const found = await discoverFields(withoutRequirementPaths(client), noIds);
    expect(fake.requests().map((r) => [r.url.split('?')[0], r.status])).toEqual([
      [`/api/v2/apps/installations/${INSTALLATION}/requirements.json`, 200],
    ]);
    expect(found.settings.followUpFieldId).toBe(ids?.ticket_fields.follow_up_due);
    expect(found.sources.followUpFieldId).toBe('installation');
    expect(found.problems).toEqual([]);
  });

  it('falls back to the ticket fields by title for an app installed before its requirements were added', async () => {
    const { client, fake } = account('agent', false);
    // The fields exist (an admin made them by hand); the installation created nothing.
    fake.resources.addInstallation(INSTALLATION);
    const made = Object.fromEntries(
      INSTALLED_FIELDS.map((field) => [
        field.identifier,
        fake.resources.create('ticket_fields', {
          type: field.type,
          title: field.title,
          ...(field.type === 'tagger'
            ? { custom_field_options: [{ name: 'Network', value: 'network' }] }
            : {}),
        }).id,
      ]),
    );
    const found = await discoverFields(client, noIds);
    expect(client.calls.gets).toEqual([REQUIREMENT_PATHS]);
    expect(fake.requests().map((r) => [r.url.split('?')[0], r.status])).toEqual([
      [`/api/v2/apps/installations/${INSTALLATION}/requirements.json`, 200],
      ['/api/v2/ticket_fields.json', 200],
    ]);
    expect(found.settings.categoryFieldId).toBe(made.issue_category);
    expect(found.settings.recordFieldId).toBe(made.escalation_record);
    expect(found.sources.followUpFieldId).toBe('title');
    expect(found.problems).toEqual([]);
  });

  it('takes no field whose title is ambiguous or whose type differs', async () => {
    const { client, fake } = account('agent', false);
    fake.resources.create('ticket_fields', { type: 'decimal', title: 'Refund amount' });
    fake.resources.create('ticket_fields', { type: 'text', title: 'Refund amount' });
    fake.resources.create('ticket_fields', { type: 'date', title: 'Escalation follow-up due' });
    fake.resources.create('ticket_fields', { type: 'date', title: 'Escalation follow-up due' });
    const found = await discoverFields(client, noIds);
    expect(found.settings.refundFieldId).not.toBeNull();
    expect(found.settings.followUpFieldId).toBeNull();
    expect(found.problems).toContainEqual(
      expect.stringContaining('"Escalation follow-up due" ticket field was not found'),
    );
    expect(found.problems.some((p) => p.includes('"Refund amount"'))).toBe(false);
  });

  it('names each field it cannot find, what goes without it and the setting that would fix it', async () => {
    const { client } = account('agent', false);
    const found = await discoverFields(client, noIds);
    expect(found.settings).toMatchObject({ categoryFieldId: null, refundFieldId: null });
    expect(found.problems).toHaveLength(INSTALLED_FIELDS.length);
    for (const field of INSTALLED_FIELDS) {
      expect(found.problems.some((p) => p.includes(field.setting) && p.includes(field.title))).toBe(true);
    }
  });

  it('reads the REST fallback once per installation while the app runs', async () => {
    const { client, requests } = account('admin');
    const host = withoutRequirementPaths(client);
    await discoverFields(host, noIds);
    await discoverFields(host, noIds);
    expect(requests()).toHaveLength(1);
  });

  it('turns a failed lookup into a problem instead of failing, and tries again next time', async () => {
    const { client, fake } = account('admin');
    const host = withoutRequirementPaths(client);
    fake.failNext({ status: 500 });
    const found = await discoverFields(host, noIds, { rest: { sleep: () => Promise.resolve() } });
    expect(found.problems[0]).toMatch(/Could not look up the app's ticket fields/u);
    const again = await discoverFields(host, noIds);
    expect(again.problems).toEqual([]);
  });
});

describe('requirementIdsFrom', () => {
  it('takes ticket field requirements only, an id as text too, and nothing from errors or empty answers', () => {
    const ids = requirementIdsFrom({
      'requirement:issue_category': { requirement_id: 11, requirement_type: 'ticket_fields' },
      'requirement:refund_amount': { requirement_id: '12', requirement_type: 'ticket_fields' },
      'requirement:follow_up_due': { requirement_id: 13, requirement_type: 'macros' },
      'requirement:escalation_record': null,
      errors: {},
    });
    expect([...ids]).toEqual([
      ['issue_category', 11],
      ['refund_amount', 12],
    ]);
    const failed = requirementIdsFrom({
      'requirement:issue_category': { requirement_id: 11, requirement_type: 'ticket_fields' },
      errors: { 'requirement:issue_category': { message: 'no' } },
    });
    expect(failed.size).toBe(0);
  });
});

describe('loadTicket finding the fields', () => {
  it('asks for the requirements in its one batched get and reads the category from the installed field', async () => {
    const { client, ids, requests } = account('agent');
    const loaded = await loadTicket(client, noIds, {}, { now: new Date(outage.bundle.now), discover: true });
    expect(client.calls.gets).toHaveLength(1);
    expect(client.calls.gets[0]).toEqual(expect.arrayContaining(REQUIREMENT_PATHS));
    expect(loaded.settings.categoryFieldId).toBe(ids?.ticket_fields.issue_category);
    expect(loaded.settings.recordFieldId).toBe(ids?.ticket_fields.escalation_record);
    expect(loaded.bundle.settings?.category_field_id).toBe(ids?.ticket_fields.issue_category);
    // The category found its 17 similar tickets through the installed field.
    expect(loaded.bundle.similar_recent_tickets).toBe(outage.bundle.similar_recent_tickets);
    expect(loaded.warnings).toEqual([]);
    // No lookup of its own: neither the requirements list nor the ticket fields.
    expect(requests().filter((url) => /requirements|ticket_fields/u.test(url))).toEqual([]);
    // The host get, the reads, then the count for the category the ticket holds.
    expect(loaded.stats.sequentialRoundTrips).toBe(3);
  });

  it('leaves the requirement paths out when an admin set every field', async () => {
    const { client, ids } = account('agent');
    const set = {
      ...noIds,
      categoryFieldId: ids?.ticket_fields.issue_category ?? null,
      refundFieldId: 1,
      followUpFieldId: 2,
      recordFieldId: 3,
    };
    await loadTicket(client, set, {}, { now: new Date(outage.bundle.now), discover: true });
    expect(client.calls.gets[0]?.some((path) => path.startsWith('requirement:'))).toBe(false);
  });

  it('says which field is missing, and still loads', async () => {
    const { client } = account('agent', false);
    const loaded = await loadTicket(client, noIds, {}, { now: new Date(outage.bundle.now), discover: true });
    expect(loaded.bundle.ticket.id).toBe(outage.bundle.ticket.id);
    expect(loaded.warnings.some((w) => w.includes('category_field_id'))).toBe(true);
  });
});
