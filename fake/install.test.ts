import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installedRequirement, installRequirements } from './install';
import { createFakeZendesk, type FakeZendesk } from './zendesk';

const requirements = JSON.parse(
  readFileSync(join(import.meta.dirname, '../requirements.json'), 'utf8'),
) as Record<string, Record<string, Record<string, unknown>>>;

const account = (role: string): FakeZendesk =>
  createFakeZendesk({ now: () => Date.parse('2025-03-01T10:00:00Z'), currentUser: { id: 1, role } });

const get = async (fake: FakeZendesk, url: string) => fake.request({ url });

describe('installRequirements', () => {
  it("creates every resource of the app's requirements.json and records identifier → id", async () => {
    const fake = account('admin');
    const ids = installRequirements(fake, requirements, 42);
    for (const type of ['ticket_fields', 'macros', 'views', 'automations'] as const) {
      expect(Object.keys(ids[type]).sort()).toEqual(Object.keys(requirements[type] ?? {}).sort());
      expect(fake.resources.list(type)).toHaveLength(Object.keys(requirements[type] ?? {}).length);
    }
    const answer = await get(fake, '/api/v2/apps/installations/42/requirements.json');
    expect(answer.status).toBe(200);
    const body = answer.body as {
      requirements: { identifier: string; requirement_id: number; requirement_type: string }[];
      count: number;
    };
    expect(body.count).toBe(body.requirements.length);
    expect(body.requirements).toContainEqual(
      expect.objectContaining({
        identifier: 'issue_category',
        requirement_type: 'ticket_fields',
        requirement_id: ids.ticket_fields.issue_category,
      }),
    );
    const ticketFieldIds = Object.values(ids.ticket_fields);
    expect(new Set([...ticketFieldIds, ...Object.values(ids.macros)]).size).toBe(
      ticketFieldIds.length + Object.values(ids.macros).length,
    );
  });

  it('creates each follow-up reminder as written, on tags and hours since update', () => {
    const fake = account('admin');
    const ids = installRequirements(fake, requirements, 1);
    const automation = fake.resources.get('automations', ids.automations.follow_up_reminder_carrier ?? 0);
    expect(automation?.conditions).toEqual(requirements.automations?.follow_up_reminder_carrier?.conditions);
    const all = (automation?.conditions as { all: { field: string; value: string }[] }).all;
    expect(all).toContainEqual({ field: 'updated_at', operator: 'greater_than', value: '72' });
  });

  it("answers ZAF's requirement:<identifier> get from the installation, and nothing for another", () => {
    const fake = account('agent');
    const ids = installRequirements(fake, requirements, 4);
    expect(installedRequirement(fake.resources, 4, 'requirement:escalation_record')).toMatchObject({
      identifier: 'escalation_record',
      requirement_type: 'ticket_fields',
      requirement_id: ids.ticket_fields.escalation_record,
    });
    expect(installedRequirement(fake.resources, 4, 'requirement:nope')).toBeUndefined();
    expect(installedRequirement(fake.resources, 5, 'requirement:escalation_record')).toBeUndefined();
    expect(installedRequirement(fake.resources, 4, 'ticket.id')).toBeUndefined();
  });

  it('creates the dropdown with an id per option and the guide values as tags', () => {
    const fake = account('admin');
    const ids = installRequirements(fake, requirements, 1);
    const field = fake.resources.get('ticket_fields', ids.ticket_fields.issue_category ?? 0);
    const options = field?.custom_field_options as { id: number; value: string }[];
    expect(options.map((o) => o.value)).toEqual([
      'esim',
      'port_in',
      'payment',
      'network',
      'account',
      'other',
    ]);
    expect(options.every((o) => Number.isSafeInteger(o.id))).toBe(true);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    [
      'an automation that would run forever',
      {
        automations: {
          a: {
            title: 'x',
            conditions: {
              all: [
                { field: 'status', operator: 'is', value: 'open' },
                { field: 'NEW', operator: 'greater_than', value: '1' },
              ],
            },
            actions: [{ field: 'priority', value: 'high' }],
          },
        },
      },
      /automations.a was refused: .*nullify/u,
    ],
    [
      'a rule naming a field by a reference to another requirement (no such syntax: it stays text)',
      {
        ticket_fields: { due: { type: 'date', title: 'Due' } },
        views: {
          v: {
            title: 'x',
            all: [{ field: 'custom_fields_{{ticket_fields.due}}', operator: 'present', value: '' }],
          },
        },
      },
      /views.v was refused: .*custom_fields_\{\{ticket_fields.due\}\}.{0,4} is not a field/u,
    ],
    [
      'an automation whose only time condition is not one Zendesk has',
      {
        automations: {
          a: {
            title: 'x',
            conditions: {
              all: [
                { field: 'status', operator: 'less_than', value: 'solved' },
                { field: 'current_tags', operator: 'not_includes', value: 'x' },
                { field: 'hours_since_update', operator: 'greater_than', value: '1' },
              ],
            },
            actions: [{ field: 'current_tags', value: 'x' }],
          },
        },
      },
      /automations.a was refused: .*time-based condition/u,
    ],
    [
      "another account's field id",
      {
        views: {
          v: { title: 'x', all: [{ field: 'custom_fields_360001', operator: 'present', value: '' }] },
        },
      },
      /ticket field 360001 does not exist/u,
    ],
    [
      'a dropdown without options',
      { ticket_fields: { f: { type: 'tagger', title: 'x' } } },
      /needs at least one option/u,
    ],
    ['a resource type the fake does not create', { targets: { t: { title: 'x' } } }, /also has targets/u],
  ])('refuses %s, naming it', (_name, input, problem) => {
    expect(() => installRequirements(account('admin'), input, 1)).toThrow(problem);
  });

  it('refuses to install the same installation twice', () => {
    const fake = account('admin');
    installRequirements(fake, { macros: {} }, 5);
    expect(() => installRequirements(fake, { macros: {} }, 5)).toThrow(/already/u);
  });
});

describe('the configuration endpoints', () => {
  it("answer an agent the installation's requirements (Zendesk: allowed for agents)", async () => {
    const fake = account('agent');
    const ids = installRequirements(fake, requirements, 3);
    const answer = await get(fake, '/api/v2/apps/installations/3/requirements.json');
    expect(answer.status).toBe(200);
    expect(
      (answer.body as { requirements: { identifier: string; requirement_id: number }[] }).requirements,
    ).toContainEqual(
      expect.objectContaining({
        identifier: 'refund_amount',
        requirement_id: ids.ticket_fields.refund_amount,
      }),
    );
    expect((await get(fake, '/api/v2/ticket_fields.json')).status).toBe(200);
  });

  it('refuse an agent creating an automation (admins only)', async () => {
    const answer = await account('agent').request({
      url: '/api/v2/automations.json',
      type: 'POST',
      data: { automation: requirements.automations?.follow_up_reminder_l2 },
    });
    expect(answer.status).toBe(403);
  });

  it('answer 404 for an installation that does not exist', async () => {
    expect((await get(account('admin'), '/api/v2/apps/installations/99/requirements.json')).status).toBe(404);
  });

  it('list ticket fields in cursor pages, and in offset pages without page[size]', async () => {
    const fake = account('admin');
    installRequirements(fake, requirements, 1);
    const first = (await get(fake, '/api/v2/ticket_fields.json?page[size]=3')).body as {
      ticket_fields: { title: string }[];
      meta: { has_more: boolean };
      links: { next: string };
    };
    expect(first.ticket_fields).toHaveLength(3);
    expect(first.meta.has_more).toBe(true);
    const second = (await get(fake, first.links.next)).body as {
      ticket_fields: { title: string }[];
      meta: { has_more: boolean };
    };
    expect([...first.ticket_fields, ...second.ticket_fields].map((f) => f.title)).toEqual(
      Object.values(requirements.ticket_fields ?? {}).map((f) => f.title),
    );
    expect(second.meta.has_more).toBe(false);
    const offset = (await get(fake, '/api/v2/macros.json?per_page=4')).body as {
      macros: unknown[];
      next_page: string;
      count: number;
    };
    expect(offset.macros).toHaveLength(4);
    expect(offset.count).toBe(Object.keys(requirements.macros ?? {}).length);
    expect(offset.next_page).toMatch(/page=2/u);
  });

  it('create a ticket field for an admin only, and check it as Zendesk does', async () => {
    const post = (fake: FakeZendesk, ticket_field: unknown) =>
      fake.request({ url: '/api/v2/ticket_fields.json', type: 'POST', data: { ticket_field } });
    expect((await post(account('agent'), { type: 'text', title: 'x' })).status).toBe(403);
    const admin = account('admin');
    const created = await post(admin, { type: 'date', title: 'Due' });
    expect(created.status).toBe(201);
    const id = (created.body as { ticket_field: { id: number } }).ticket_field.id;
    expect((await get(admin, `/api/v2/ticket_fields/${id}.json`)).body).toMatchObject({
      ticket_field: { id, type: 'date', title: 'Due' },
    });
    const refused = await post(admin, { type: 'money', title: 'x' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ error: 'RecordInvalid' });
  });

  it('create a personal view for an agent, with its conditions as Zendesk answers them', async () => {
    const fake = account('agent');
    const answer = await fake.request({
      url: '/api/v2/views.json',
      type: 'POST',
      data: { view: { title: 'Mine', all: [{ field: 'status', operator: 'is', value: 'open' }] } },
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      view: {
        title: 'Mine',
        conditions: { all: [{ field: 'status', operator: 'is', value: 'open' }], any: [] },
      },
    });
  });
});
