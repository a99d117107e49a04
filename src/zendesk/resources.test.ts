import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeClient } from '../../fake/client';
import { installRequirements, type InstalledIds } from '../../fake/install';
import { createFakeZendesk, type FakeZendesk } from '../../fake/zendesk';
import { loadTicket } from './loader';
import { clearFieldCache, discoverFields, INSTALLED_FIELDS } from './resources';
import { parseSettings } from './settings';
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

beforeEach(() => {
  clearFieldCache();
});

describe('discoverFields', () => {
  it("maps each field's identifier to the id the install gave it, from the installation's requirements", async () => {
    const { client, ids, requests } = account('admin');
    const found = await discoverFields(client, noIds);
    expect(found.settings).toMatchObject({
      categoryFieldId: ids?.ticket_fields.issue_category,
      refundFieldId: ids?.ticket_fields.refund_amount,
      followUpFieldId: ids?.ticket_fields.follow_up_due,
      recordFieldId: ids?.ticket_fields.escalation_record,
    });
    expect(found.sources.categoryFieldId).toBe('requirements');
    expect(found.problems).toEqual([]);
    expect(requests()).toEqual([`/api/v2/apps/installations/${INSTALLATION}/requirements.json`]);
  });

  it('keeps an id an admin set, and sends nothing when all four are set', async () => {
    const { client, ids, requests } = account('admin');
    const some = await discoverFields(client, { ...noIds, categoryFieldId: 123 });
    expect(some.settings.categoryFieldId).toBe(123);
    expect(some.sources.categoryFieldId).toBe('setting');
    expect(some.settings.refundFieldId).toBe(ids?.ticket_fields.refund_amount);
    const before = requests().length;
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
    expect(requests()).toHaveLength(before);
  });

  it('falls back to the ticket fields and their titles when the requirements are refused to an agent', async () => {
    const { client, ids, fake } = account('agent');
    const found = await discoverFields(client, noIds);
    expect(fake.requests().map((r) => [r.url.split('?')[0], r.status])).toEqual([
      [`/api/v2/apps/installations/${INSTALLATION}/requirements.json`, 403],
      ['/api/v2/ticket_fields.json', 200],
    ]);
    expect(found.settings.categoryFieldId).toBe(ids?.ticket_fields.issue_category);
    expect(found.settings.recordFieldId).toBe(ids?.ticket_fields.escalation_record);
    expect(found.sources.followUpFieldId).toBe('title');
    expect(found.problems).toEqual([]);
  });

  it('takes no field whose title is ambiguous or whose type differs', async () => {
    const { client, fake } = account('agent');
    fake.resources.create('ticket_fields', { type: 'text', title: 'Refund amount' });
    fake.resources.create('ticket_fields', { type: 'date', title: 'Escalation follow-up due' });
    const found = await discoverFields(client, noIds);
    expect(found.settings.refundFieldId).not.toBeNull();
    expect(found.settings.followUpFieldId).toBeNull();
    expect(found.problems).toEqual([
      expect.stringContaining('"Escalation follow-up due" ticket field was not found'),
    ]);
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

  it('looks up once per installation while the app runs', async () => {
    const { client, requests } = account('admin');
    await discoverFields(client, noIds);
    await discoverFields(client, noIds);
    expect(requests()).toHaveLength(1);
  });

  it('turns a failed lookup into a problem instead of failing, and tries again next time', async () => {
    const { client, fake } = account('admin');
    fake.failNext({ status: 500 });
    const found = await discoverFields(client, noIds, { sleep: () => Promise.resolve() });
    expect(found.problems[0]).toMatch(/Could not look up the app's ticket fields/u);
    const again = await discoverFields(client, noIds);
    expect(again.problems).toEqual([]);
  });
});

describe('loadTicket with the fields found at run time', () => {
  it('reads the category from the installed field without any id in the settings', async () => {
    const { client, ids } = account('agent');
    const fields = discoverFields(client, noIds);
    const loaded = await loadTicket(client, noIds, {}, { now: new Date(outage.bundle.now), fields });
    expect(loaded.settings.categoryFieldId).toBe(ids?.ticket_fields.issue_category);
    expect(loaded.bundle.settings?.category_field_id).toBe(ids?.ticket_fields.issue_category);
    // The category found its 17 similar tickets through the installed field.
    expect(loaded.bundle.similar_recent_tickets).toBe(outage.bundle.similar_recent_tickets);
    expect(loaded.warnings).toEqual([]);
  });

  it('says which field is missing, and still loads', async () => {
    const { client } = account('agent', false);
    const loaded = await loadTicket(
      client,
      noIds,
      {},
      { now: new Date(outage.bundle.now), fields: discoverFields(client, noIds) },
    );
    expect(loaded.bundle.ticket.id).toBe(outage.bundle.ticket.id);
    expect(loaded.warnings.some((w) => w.includes('category_field_id'))).toBe(true);
  });
});
