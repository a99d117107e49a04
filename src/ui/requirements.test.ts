/**
 * requirements.json: what Zendesk creates on install. It must be what `npm run requirements` writes from
 * the engine's own messages (so it never drifts from the sidebar's wording), pass the offline validator,
 * and the validator must refuse what Zendesk refuses.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reviewMessage, TARGETS, TEAMS } from '../engine';
import {
  buildRequirements,
  CATEGORY_OPTIONS,
  followUpMacroText,
  requirementsText,
  teamMessage,
} from '../../scripts/requirements';
import { checkRequirements, duplicateKeys } from '../../scripts/validate-requirements';
import { checkPackage, type AppPackage } from '../../scripts/validate-package';
import { INSTALLED_FIELDS } from '../zendesk/resources';

const ROOT = join(import.meta.dirname, '../..');
const text = readFileSync(join(ROOT, 'requirements.json'), 'utf8');
const file = JSON.parse(text) as Record<string, Record<string, Record<string, unknown>>>;
const clone = () => structuredClone(file);

describe('requirements.json', () => {
  it('is what npm run requirements writes from the engine, so the macros never drift from its wording', async () => {
    expect(text).toBe(await requirementsText());
  });

  it('passes the offline validator', () => {
    expect(checkRequirements(text)).toEqual([]);
  });

  it('creates the fields the app looks up, with the guide categories as the dropdown values', () => {
    const fields = file.ticket_fields ?? {};
    for (const f of INSTALLED_FIELDS)
      expect(fields[f.identifier]).toMatchObject({ type: f.type, title: f.title });
    const options = fields.issue_category?.custom_field_options as { name: string; value: string }[];
    expect(options.map((o) => o.value)).toEqual([
      'esim',
      'port_in',
      'payment',
      'network',
      'account',
      'other',
    ]);
    expect(options.map((o) => o.name)).toEqual(['eSIM', 'Port-In', 'Payment', 'Network', 'Account', 'Other']);
    expect(CATEGORY_OPTIONS).toHaveLength(6);
  });

  it('has a customer-message macro per team and channel, a follow-up per team, with Zendesk placeholders', () => {
    const macros = file.macros ?? {};
    for (const t of TARGETS) {
      for (const channel of ['chat', 'email'] as const) {
        const actions = macros[`escalate_${t}_${channel}`]?.actions as { field: string; value: unknown }[];
        const comment = actions.find((a) => a.field === 'comment_value')?.value as string;
        expect(comment).toContain('{{ticket.requester.first_name}}');
        expect(comment).toContain('{{ticket.id}}');
        expect(comment).not.toMatch(/\[(Name|Ticket ID|Agent Name)\]/u);
        expect(actions).toContainEqual({ field: 'comment_mode_is_public', value: 'true' });
        expect(actions).toContainEqual({ field: 'current_tags', value: TEAMS[t].tag });
        // The guide's words review finds nothing in its own messages.
        expect(reviewMessage(comment, { bundle: { ticket: {} }, decision: { targets: [t] } })).toEqual([]);
      }
      for (const channel of ['chat', 'email'] as const) {
        const followUp = macros[`follow_up_${t}_${channel}`]?.actions as { field: string; value: unknown }[];
        const text = followUp.find((a) => a.field === 'comment_value')?.value as string;
        // The sidebar's own follow-up words, so the macro and the app never say different things.
        expect(text).toBe(followUpMacroText(t, channel));
        expect(text).toContain('{{ticket.requester.first_name}}');
        expect(text).not.toMatch(/\[(Name|Ticket ID|Agent Name)\]/u);
        // Trust & Safety is never named to the customer.
        expect(text).not.toMatch(/trust|safety/iu);
        expect(reviewMessage(text, { bundle: { ticket: {} }, decision: { targets: [t] } })).toEqual([]);
      }
    }
    expect(teamMessage('carrier', 'email')).toContain('{{current_user.name}}');
    expect(teamMessage('legal', 'chat')).toContain('{{ticket.requester.email}}');
  });

  it('has a view per team on its escalation tag and one for due follow-ups', () => {
    const views = file.views ?? {};
    for (const t of TARGETS) {
      expect(views[`escalated_${t}`]?.all).toContainEqual({
        field: 'current_tags',
        operator: 'includes',
        value: TEAMS[t].tag,
      });
    }
    expect(views.follow_ups_due?.all).toContainEqual({
      field: 'current_tags',
      operator: 'includes',
      value: 'follow_up_due',
    });
  });

  it("has one follow-up reminder per team, on the team's follow-up hours, naming no other resource", () => {
    const automations = file.automations ?? {};
    expect(Object.keys(automations).sort()).toEqual(TARGETS.map((t) => `follow_up_reminder_${t}`).sort());
    const hours = Object.fromEntries(
      TARGETS.map((t) => {
        const a = automations[`follow_up_reminder_${t}`] as {
          conditions: { all: { field: string; operator: string; value: string }[]; any: unknown[] };
          actions: { field: string; value: unknown }[];
        };
        expect(a.conditions.all).toEqual([
          { field: 'status', operator: 'less_than', value: 'solved' },
          { field: 'current_tags', operator: 'includes', value: TEAMS[t].tag },
          { field: 'current_tags', operator: 'not_includes', value: 'follow_up_due' },
          { field: 'updated_at', operator: 'greater_than', value: String(TEAMS[t].followUpHours) },
        ]);
        expect(a.conditions.any).toEqual([]);
        expect(a.actions[0]).toEqual({ field: 'current_tags', value: 'follow_up_due' });
        expect(a.actions.map((x) => x.field)).toEqual([
          'current_tags',
          'notification_user',
          'notification_group',
        ]);
        return [t, Number(a.conditions.all[3]?.value)];
      }),
    );
    // The guide's follow-up times.
    expect(hours).toEqual({ l2: 24, engineering: 48, trust_safety: 48, carrier: 72, legal: 24 });
    // No resource refers to another: Zendesk has no syntax for it.
    expect(text).not.toMatch(/\{\{\s*(ticket_fields|macros|views|automations)\./u);
  });

  it('is copied into the app package, where the package validator checks it', () => {
    const pkg = (requirements: unknown): AppPackage => ({
      manifest: JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')),
      translations: { en: JSON.parse(readFileSync(join(ROOT, 'translations/en.json'), 'utf8')) },
      files: [
        'assets/index.html',
        'assets/supervisor.html',
        'assets/icon_nav_bar.svg',
        'assets/logo.png',
        'assets/logo-small.png',
      ],
      requirements,
    });
    expect(checkPackage(pkg(text))).toEqual([]);
    expect(checkPackage(pkg('{"tickets": {}}'))).toEqual([
      expect.stringMatching(/unknown resource type "tickets"/u),
    ]);
    expect(buildRequirements()).toEqual(file);
  });
});

describe('checkRequirements refuses', () => {
  const withChange = (change: (r: ReturnType<typeof clone>) => void) => {
    const r = clone();
    change(r);
    return r;
  };
  const automation = (r: ReturnType<typeof clone>) =>
    r.automations?.follow_up_reminder_l2 as {
      conditions: { all: { field: string; operator: string; value: string }[] };
    } & {
      actions: { field: string; value: unknown }[];
    };

  it.each<[string, unknown, RegExp]>([
    ['text that is not JSON', '{"views": ', /not JSON/u],
    [
      'an unknown resource type',
      withChange((r) => (r.groups = { a: { title: 'x' } })),
      /unknown resource type "groups"/u,
    ],
    [
      'a resource without a title',
      withChange((r) => delete r.views?.escalated_l2?.title),
      /views.escalated_l2 needs a "title"/u,
    ],
    [
      'one identifier in two types',
      withChange((r) => ((r.views ?? {}).issue_category = structuredClone(r.views?.escalated_l2 ?? {}))),
      /"issue_category" is used by both ticket_fields and views/u,
    ],
    [
      'an unknown field type',
      withChange((r) => ((r.ticket_fields?.refund_amount ?? {}).type = 'money')),
      /type "money"/u,
    ],
    [
      'a dropdown without options',
      withChange((r) => delete r.ticket_fields?.issue_category?.custom_field_options),
      /needs "custom_field_options"/u,
    ],
    [
      'a macro without actions',
      withChange((r) => ((r.macros?.follow_up_l2_chat ?? {}).actions = [])),
      /needs at least one action/u,
    ],
    [
      'a view without conditions',
      withChange((r) => ((r.views?.escalated_l2 ?? {}).all = [])),
      /needs at least one condition/u,
    ],
    [
      'a condition naming a field the file creates by a reference',
      withChange((r) =>
        automation(r).conditions.all.push({
          field: 'custom_fields_{{ticket_fields.follow_up_due}}',
          operator: 'within_previous_n_days',
          value: '30',
        }),
      ),
      /automations.follow_up_reminder_l2 refers to another resource with \{\{ticket_fields.follow_up_due\}\}; Zendesk has no syntax for one requirement to refer to another/u,
    ],
    [
      'a reference in a value',
      withChange((r) =>
        (r.macros?.follow_up_l2_chat?.actions as { field: string; value: unknown }[]).push({
          field: 'set_tags',
          value: '{{ macros.escalate_l2_chat }}',
        }),
      ),
      /macros.follow_up_l2_chat refers to another resource with \{\{ macros.escalate_l2_chat \}\}/u,
    ],
    [
      'a field named through a placeholder',
      withChange((r) =>
        automation(r).conditions.all.push({ field: 'custom_fields_{{id}}', operator: 'present', value: '' }),
      ),
      /names the field "custom_fields_\{\{id\}\}" through a placeholder; Zendesk has no syntax/u,
    ],
    [
      "another account's field id",
      withChange((r) =>
        automation(r).conditions.all.push({ field: 'custom_fields_360001', operator: 'present', value: '' }),
      ),
      /names custom_fields_360001, a field id of some account, which the installing account does not have/u,
    ],
    [
      'an automation without a time-based condition',
      withChange(
        (r) =>
          (automation(r).conditions.all = automation(r).conditions.all.filter(
            (c) => c.field !== 'updated_at',
          )),
      ),
      /needs a time-based condition/u,
    ],
    [
      'an automation that never nullifies itself',
      withChange(
        (r) => (automation(r).actions = automation(r).actions.filter((a) => a.field !== 'current_tags')),
      ),
      /must nullify itself/u,
    ],
    [
      'an automation without a status, type, group, assignee or requester condition',
      withChange(
        (r) =>
          (automation(r).conditions.all = automation(r).conditions.all.filter((c) => c.field !== 'status')),
      ),
      /needs an "all" condition on status/u,
    ],
  ])('%s', (_name, input, problem) => {
    const problems = checkRequirements(input);
    expect(
      problems.some((p) => problem.test(p)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('an identifier written twice in one type, which JSON.parse would hide', () => {
    expect(duplicateKeys('{"views": {"a": {"title": "x"}, "a": {"title": "y"}}, "b": ["a", "a"]}')).toEqual([
      'a',
    ]);
    expect(
      checkRequirements(
        '{"views": {"a": {"title": "x", "all": [{"field": "status", "operator": "is", "value": "open"}]}, "a": {"title": "y"}}}',
      ),
    ).toContainEqual(expect.stringMatching(/names "a" twice/u));
  });
});
