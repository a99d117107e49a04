/**
 * Following up after an escalation ("After Escalation" in the guide): how long until the check-back with
 * the team falls due, or how long it is overdue, and the guide's follow-up message to the customer in the
 * channel's variant. Pure: the clock comes in as `now`.
 */
import type { Bundle } from './bundle';
import { channelVariant } from './compose';
import { TEAMS, type Target } from './teams';

const HOUR_MS = 3_600_000;

/**
 * The follow-up interval of an escalation to `targets`: the shortest of the teams' (so an L2 + Legal case
 * is checked after 24 h, not 72). One rule for the decision, the write plan and every re-arm. Null when
 * no team is named.
 */
export function followUpHours(targets: readonly Target[]): number | null {
  return targets.length === 0 ? null : Math.min(...targets.map((target) => TEAMS[target].followUpHours));
}

/** When a follow-up `hours` after `fromIso` falls, as ISO-8601. */
export function dueAfter(fromIso: string, hours: number): string {
  return new Date(Date.parse(fromIso) + hours * HOUR_MS).toISOString();
}

/** A Zendesk date field's value for a moment: its calendar day in UTC, `YYYY-MM-DD`. */
export function dateFieldValue(iso: string): string {
  return new Date(Date.parse(iso)).toISOString().slice(0, 10);
}

/**
 * Where a follow-up stands. `upcoming`: due in `hours` (whole hours, at least 1). `due`: within an hour
 * either side of its time. `overdue`: by `hours` (whole hours, at least 1). `sendable` says whether the
 * follow-up message should be offered: from the due time on.
 */
export type FollowUpState =
  | { kind: 'upcoming'; hours: number; dueAt: string; sendable: false }
  | { kind: 'due'; dueAt: string; sendable: boolean }
  | { kind: 'overdue'; hours: number; dueAt: string; sendable: true };

/** The follow-up's state at `now`. A due time that is not a date counts as due now, so it is never hidden. */
export function followUpState(dueAt: string, now: string | number | Date): FollowUpState {
  const due = Date.parse(dueAt);
  const at = now instanceof Date ? now.getTime() : typeof now === 'number' ? now : Date.parse(now);
  if (Number.isNaN(due) || Number.isNaN(at)) return { kind: 'due', dueAt, sendable: true };
  const ahead = due - at;
  if (ahead >= HOUR_MS)
    return { kind: 'upcoming', hours: Math.floor(ahead / HOUR_MS), dueAt, sendable: false };
  if (-ahead >= HOUR_MS)
    return { kind: 'overdue', hours: Math.floor(-ahead / HOUR_MS), dueAt, sendable: true };
  return { kind: 'due', dueAt, sendable: ahead <= 0 };
}

/**
 * The tag the follow-up reminder automation (requirements.json) adds once a follow-up falls due; the
 * "follow-ups due" view lists it, and sending the follow-up removes it, re-arming the reminder.
 */
export const FOLLOW_UP_DUE_TAG = 'follow_up_due';

/**
 * How the customer hears the team named: the guide's own customer messages say "a senior specialist",
 * "our engineering team", "our carrier team"; Trust & Safety is "our specialized review team", because a
 * Trust & Safety message says nothing about the flag (Path 3).
 */
export const CUSTOMER_TEAM_NAME: Record<Target, string> = {
  l2: 'senior support',
  engineering: 'engineering',
  trust_safety: 'specialized review',
  carrier: 'carrier',
  legal: 'legal',
};

/**
 * The guide's follow-up message as it stands in the guide, placeholders and all, with the reference and
 * sign-off lines that end the guide's customer messages. These words are the guide's own, so the wording
 * review takes them as safe (as it does the decision's customer message): pass this as
 * `customer_message` when reviewing a follow-up.
 */
export const GUIDE_FOLLOW_UP = [
  'Hi [Name], just checking in on your case.',
  '',
  "I see it's still with our [team] team. Let me ping them again to make sure it's moving along.",
  '',
  "I'll update you as soon as I hear back. Thanks for your patience!",
  '',
  'Your reference number is: [Ticket ID]',
  '',
  'Best,',
  '[Agent Name]',
  'Meow Mobile Support',
].join('\n');

/** What the follow-up message is written from. */
export interface FollowUpMessageInput {
  /** The team that owns the escalation. */
  team: Target;
  channel: 'chat' | 'email';
  /** The customer's first name; null leaves the guide's `[Name]` for the agent to fill in. */
  firstName: string | null;
  ticketId: string | null;
  /** Who signs an email; null leaves `[Agent Name]`. */
  agentName: string | null;
}

const or = (value: string | null, placeholder: string): string =>
  value === null || value === '' ? `[${placeholder}]` : value;

/**
 * The guide's "Follow-up message if no response within SLA", for the chat or the email channel, with the
 * customer's first name and the team filled in. The chat variant keeps the guide's wording line for line
 * and adds the reference; the email variant adds the reference and the sign-off, as the other email
 * messages do.
 */
export function followUpMessage(input: FollowUpMessageInput): string {
  const name = or(input.firstName, 'Name');
  const body = [
    `I see it's still with our ${CUSTOMER_TEAM_NAME[input.team]} team. Let me ping them again to make sure it's moving along.`,
    '',
    "I'll update you as soon as I hear back. Thanks for your patience!",
  ];
  if (input.channel === 'chat') {
    return [
      `Hi ${name}, just checking in on your case.`,
      '',
      ...body,
      '',
      `Your reference number is #${or(input.ticketId, 'Ticket ID')}.`,
    ].join('\n');
  }
  return [
    `Hi ${name},`,
    '',
    'Just checking in on your case.',
    '',
    ...body,
    '',
    `Your reference number is: ${or(input.ticketId, 'Ticket ID')}`,
    '',
    'Best,',
    or(input.agentName, 'Agent Name'),
    'Meow Mobile Support',
  ].join('\n');
}

/** The message's inputs that the ticket holds: the requester's first name, the ticket id and the channel. */
export function followUpMessageInput(
  bundle: Bundle,
  team: Target,
  agentName: string | null,
): FollowUpMessageInput {
  const { ticket } = bundle;
  const requester = (bundle.users ?? []).find(
    (user) => ticket.requester_id != null && String(user.id) === String(ticket.requester_id),
  );
  const firstName = requester?.name?.trim().split(/\s+/u)[0] ?? null;
  return {
    team,
    channel: channelVariant(ticket.via?.channel ?? ''),
    firstName: firstName === '' ? null : firstName,
    ticketId: ticket.id == null ? null : String(ticket.id),
    agentName: agentName?.trim() === '' ? null : (agentName?.trim() ?? null),
  };
}
