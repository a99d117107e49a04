/**
 * `npm run requirements`: writes requirements.json, the resources Zendesk creates when an admin installs
 * the app. The ticket fields come from src/zendesk/resources.ts (the ids the app looks up at run time);
 * the macros' text comes from the engine's own customer messages, composed for a ticket with nothing
 * filled in, whose visible [placeholders] become Zendesk placeholders; the views and the automations use
 * the teams' tags and follow-up hours (src/engine/teams.ts). No resource names another: Zendesk has no
 * syntax for one requirement to refer to the id of a field another creates, so nothing here filters on
 * the installed fields. src/ui/requirements.test.ts fails when the file drifts from this.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'prettier';
import {
  decide,
  FOLLOW_UP_DUE_TAG,
  followUpMessage,
  parseBundle,
  TARGETS,
  TEAMS,
  type Target,
} from '../src/engine';
import { INSTALLED_FIELDS } from '../src/zendesk/resources';

const ROOT = join(import.meta.dirname, '..');

/** The tag the follow-up automation adds once a follow-up is due; the "Follow-ups due" view lists it. */
export const FOLLOW_UP_TAG = FOLLOW_UP_DUE_TAG;

/** The guide's issue categories: the values the engine reads (shared/cases/FORMAT.md) and their names. */
export const CATEGORY_OPTIONS: readonly { readonly name: string; readonly value: string }[] = [
  { name: 'eSIM', value: 'esim' },
  { name: 'Port-In', value: 'port_in' },
  { name: 'Payment', value: 'payment' },
  { name: 'Network', value: 'network' },
  { name: 'Account', value: 'account' },
  { name: 'Other', value: 'other' },
];

const FIELD_DESCRIPTIONS: Readonly<Record<string, string>> = {
  issue_category: 'What the customer needs help with. The Escalation Guide app reads it for its rules.',
  refund_amount: 'The refund the customer asks for, in dollars. Above the threshold it needs L2 approval.',
  follow_up_due:
    'When to check back with the team a ticket was escalated to. Set by the Escalation Guide app.',
  escalation_record:
    'What the Escalation Guide app decided and the agent chose, as one line of data. Do not edit.',
};

/** A requester email no real ticket has: it stands for the requester's email while the text is composed. */
const EMAIL_STAND_IN = 'requester@placeholder.invalid';

/** The engine's placeholders (src/engine/compose.ts) and the Zendesk placeholders a macro uses instead. */
const PLACEHOLDERS: readonly (readonly [string, string])[] = [
  ['[Name]', '{{ticket.requester.first_name}}'],
  ['[Ticket ID]', '{{ticket.id}}'],
  ['[Agent Name]', '{{current_user.name}}'],
  [EMAIL_STAND_IN, '{{ticket.requester.email}}'],
];

/** A ticket that sends each team its escalation, through one of the team's own rules. */
const TEAM_TICKETS: Readonly<
  Record<Target, { body: string; internal?: boolean; tags?: string[]; checklist?: Record<string, boolean> }>
> = {
  l2: { body: 'Please look at my bill again.', tags: ['vip'] },
  engineering: {
    body: 'Backend bug identified: the provisioning service throws an error for this account.',
    internal: true,
    checklist: { troubleshooting_done: true, info_complete: true, known_issue_with_workaround: false },
  },
  trust_safety: { body: 'I want to appeal the suspension of my account.' },
  carrier: {
    body: 'My number is not releasing from my old carrier and the port has been stuck for a week.',
    checklist: { info_complete: true, known_issue_with_workaround: false },
  },
  legal: { body: 'We are serving a subpoena for the account records of this subscriber.' },
};

/** The engine's customer message for `target` on `channel`, with Zendesk placeholders. */
export function teamMessage(target: Target, channel: 'chat' | 'email'): string {
  const t = TEAM_TICKETS[target];
  const at = '2025-01-06T10:00:00Z';
  const parsed = parseBundle({
    now: '2025-01-06T12:00:00Z',
    ticket: { status: 'open', tags: t.tags ?? [], via: { channel }, created_at: at, requester_id: 100 },
    comments: [{ id: 1, author_id: t.internal ? 7 : 100, body: t.body, public: !t.internal, created_at: at }],
    users: [
      { id: 100, email: EMAIL_STAND_IN, role: 'end-user', tags: t.tags ?? [] },
      { id: 7, role: 'agent' },
    ],
    agent_checklist: t.checklist ?? {},
  });
  if (!parsed.ok) throw new Error(`The ${target} ticket for its macro is not a bundle: ${parsed.error}`);
  const decision = decide(parsed.bundle);
  if (!decision.escalate || decision.targets[0] !== target || decision.customer_channel !== channel) {
    throw new Error(
      `The ${target} ticket for its macro no longer escalates to ${target} on ${channel} (got ${decision.targets.join(', ') || 'no team'}): update TEAM_TICKETS in scripts/requirements.ts.`,
    );
  }
  return PLACEHOLDERS.reduce((text, [from, to]) => text.split(from).join(to), decision.customer_message);
}

/**
 * The guide's "Follow-up message if no response within SLA", for one team and channel: the engine's own
 * composer (the sidebar sends the same words), with Zendesk placeholders for the name, ticket and agent.
 * Trust & Safety is "our specialized review team" there, as in every customer message of that path.
 */
export function followUpMacroText(target: Target, channel: 'chat' | 'email'): string {
  const text = followUpMessage({ team: target, channel, firstName: null, ticketId: null, agentName: null });
  return PLACEHOLDERS.reduce((out, [from, to]) => out.split(from).join(to), text);
}

const SHORT: Readonly<Record<Target, string>> = {
  trust_safety: 'Trust & Safety',
  l2: 'L2',
  engineering: 'Engineering',
  carrier: 'Carrier',
  legal: 'Legal',
};

const publicReply = (text: string) => [
  { field: 'comment_value', value: text },
  { field: 'comment_mode_is_public', value: 'true' },
];

/** requirements.json as an object: resource types as keys, each resource under its own identifier. */
export function buildRequirements(): Record<string, Record<string, unknown>> {
  const ticketFields = Object.fromEntries(
    INSTALLED_FIELDS.map((f) => [
      f.identifier,
      {
        type: f.type,
        title: f.title,
        description: FIELD_DESCRIPTIONS[f.identifier] ?? '',
        active: true,
        ...(f.type === 'tagger' ? { custom_field_options: CATEGORY_OPTIONS.map((o) => ({ ...o })) } : {}),
      },
    ]),
  );

  const macros: Record<string, unknown> = {};
  for (const target of TARGETS) {
    for (const channel of ['chat', 'email'] as const) {
      macros[`escalate_${target}_${channel}`] = {
        title: `Escalation::${SHORT[target]}::Customer message (${channel})`,
        description: `Tells the customer the ticket is escalated to ${TEAMS[target].label} (${channel} wording) and adds the tag ${TEAMS[target].tag}.`,
        active: true,
        actions: [
          ...publicReply(teamMessage(target, channel)),
          { field: 'current_tags', value: TEAMS[target].tag },
        ],
      };
    }
  }
  for (const target of TARGETS) {
    for (const channel of ['chat', 'email'] as const) {
      macros[`follow_up_${target}_${channel}`] = {
        title: `Escalation::${SHORT[target]}::Follow-up message (${channel})`,
        description: `The guide's check-in (${channel} wording) when ${TEAMS[target].label} has not answered within its time.`,
        active: true,
        actions: publicReply(followUpMacroText(target, channel)),
      };
    }
  }

  const output = {
    columns: ['status', 'subject', 'requester', 'group', 'assignee', 'updated'],
    sort_by: 'updated',
    sort_order: 'asc',
  };
  const views: Record<string, unknown> = {};
  for (const target of TARGETS) {
    views[`escalated_${target}`] = {
      title: `Escalated to ${TEAMS[target].label}`,
      description: `Unsolved tickets tagged ${TEAMS[target].tag}.`,
      active: true,
      all: [
        { field: 'status', operator: 'less_than', value: 'solved' },
        { field: 'current_tags', operator: 'includes', value: TEAMS[target].tag },
      ],
      any: [],
      output,
    };
  }
  views.follow_ups_due = {
    title: 'Escalation follow-ups due',
    description: `Unsolved escalated tickets without an update within their team's follow-up time (tagged ${FOLLOW_UP_TAG} by the reminder automations).`,
    active: true,
    all: [
      { field: 'status', operator: 'less_than', value: 'solved' },
      { field: 'current_tags', operator: 'includes', value: FOLLOW_UP_TAG },
    ],
    any: [],
    output,
  };

  const reminder = (target: Target): string =>
    [
      `Ticket #{{ticket.id}} ("{{ticket.title}}") was escalated to ${TEAMS[target].label} and has had no update for ${TEAMS[target].followUpHours} hours: its follow-up is due.`,
      '',
      'Check with the team, then update the customer: the Escalation Guide app in the ticket sidebar has the follow-up message, and so do the "Escalation::...::Follow-up message" macros.',
      '',
      '{{ticket.link}}',
    ].join('\n');
  const subject = 'Follow-up due: ticket #{{ticket.id}}';
  // One reminder per team, on the guide's follow-up time for that team ("Follow-up message if no response
  // within SLA"): nothing has happened on the escalated ticket for that many hours. Any update re-arms it,
  // and sending the follow-up from the sidebar also removes the tag, so the next silence reminds again.
  const automations: Record<string, unknown> = {};
  for (const target of TARGETS) {
    const { tag, followUpHours } = TEAMS[target];
    automations[`follow_up_reminder_${target}`] = {
      title: `Escalation follow-up due: ${SHORT[target]} (${followUpHours} h without an update)`,
      active: true,
      conditions: {
        all: [
          { field: 'status', operator: 'less_than', value: 'solved' },
          { field: 'current_tags', operator: 'includes', value: tag },
          // Nullifies the automation: the tag it adds makes this false, so it fires once per silence.
          { field: 'current_tags', operator: 'not_includes', value: FOLLOW_UP_TAG },
          // "Hours since update", in calendar hours: the time-based condition every automation needs.
          { field: 'updated_at', operator: 'greater_than', value: String(followUpHours) },
        ],
        any: [],
      },
      actions: [
        { field: 'current_tags', value: FOLLOW_UP_TAG },
        { field: 'notification_user', value: ['assignee_id', subject, reminder(target)] },
        { field: 'notification_group', value: ['group_id', subject, reminder(target)] },
      ],
    };
  }

  return { ticket_fields: ticketFields, macros, views, automations };
}

/** requirements.json's text, formatted as the repository's Prettier settings format JSON. */
export async function requirementsText(): Promise<string> {
  const rc = JSON.parse(readFileSync(join(ROOT, '.prettierrc.json'), 'utf8')) as Record<string, unknown>;
  return format(JSON.stringify(buildRequirements(), null, 2), { ...rc, parser: 'json' });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(join(ROOT, 'requirements.json'), await requirementsText());
  console.log('requirements.json written.');
}
