/**
 * The supervisors' review as rows and numbers, from what src/zendesk/review.ts loaded: one row per
 * escalation, the open tickets that were not escalated, and per rule how often it fired, how often agents
 * took its routing and the overrides, so the team can tune the rules. Pure: the clock comes in as `now`.
 *
 * A rule's routing is the teams it points to that the app suggested. When the app suggested none of them
 * (a specialist team covered an L2 fallback rule, or a guard held the escalation back), the firing did
 * not route the ticket and counts as "not routing". Accepted: the agent's chosen teams include all of the
 * rule's routing.
 */
import { RULES, TEAMS, type Target, type Urgency } from '../engine';
import type { LoadedEscalation, ReviewData, ReviewTicket } from '../zendesk/review';

/** Where the follow-up stands: due later, overdue (open and past due), or no longer needed (solved). */
export type FollowUpState = 'due' | 'overdue' | 'done';

/** One escalation as the page and the CSV show it. */
export interface EscalationRow {
  ticketId: number;
  subject: string;
  status: string;
  escalatedAt: string;
  by: string;
  suggested: Target[];
  chosen: Target[];
  /** The agent chose other teams than suggested. */
  overridden: boolean;
  overrideReason: string | null;
  urgency: Urgency | null;
  rules: string[] | null;
  followUpDue: string;
  followUp: FollowUpState;
  /** Null when not bounced; `known` false when no chosen team has a group set. */
  bounce: { at: string; toGroup: string } | null;
  bounceKnown: boolean;
  /** The record field, or the note's footer when the record was missing or unreadable. */
  source: 'record' | 'note';
}

/** An open ticket that met a rule and was not escalated. */
export interface SuggestedRow {
  ticketId: number;
  subject: string;
  status: string;
  group: string;
  updatedAt: string;
}

/** How one rule fared in the period. */
export interface RuleStat {
  rule: string;
  guideRow: string;
  fired: number;
  /** Firings whose routing the app suggested (see the module header). */
  routed: number;
  accepted: number;
  /** Firings on escalations where the agent chose other teams than suggested. */
  overrides: number;
  /** The agents' reasons on those overrides, newest first, each once. */
  reasons: string[];
}

/** Everything the page shows. */
export interface Report {
  rows: EscalationRow[];
  suggested: SuggestedRow[];
  rules: RuleStat[];
  /** Escalations read from notes only: the rule statistics do not include them. */
  withoutRules: number;
  unreadable: { ticketId: number; subject: string; problem: string }[];
  totals: { escalations: number; overridden: number; bounced: number; overdue: number; suggested: number };
  /** Plain sentences for what could not be read in full (a capped search). */
  warnings: string[];
}

const SOLVED = new Set(['solved', 'closed']);

const sameTeams = (a: readonly Target[], b: readonly Target[]): boolean =>
  a.length === b.length && a.every((team, index) => team === b[index]);

/** Builds the report; `groupName` names a group id for the bounce column. */
export function buildReport(data: ReviewData, now: number): Report {
  const groupName = (id: number | null): string =>
    id === null ? 'no group' : (data.groupNames[id] ?? `group ${id}`);
  const rows = data.escalations.map((escalation) => escalationRow(escalation, now, groupName));
  const suggested = data.suggested.map((ticket) => suggestedRow(ticket, groupName));
  const warnings: string[] = [];
  if (data.searches.escalations.capped) {
    warnings.push(
      `Zendesk found ${data.searches.escalations.count} escalated tickets updated in this period but search hands out only the first 1,000, so this review is incomplete. Choose a shorter period (for example one week at a time) to see them all.`,
    );
  }
  if (data.searches.suggested.capped) {
    warnings.push(
      `Zendesk found ${data.searches.suggested.count} open tickets tagged escalation_suggested; only the first 1,000 are listed. Choose a shorter period to see them all.`,
    );
  }
  return {
    rows,
    suggested,
    rules: ruleStats(data.escalations),
    withoutRules: data.escalations.filter((escalation) => escalation.rules === null).length,
    unreadable: data.unreadable.map((item) => ({
      ticketId: item.ticket.id,
      subject: item.ticket.subject,
      problem: item.problem,
    })),
    totals: {
      escalations: rows.length,
      overridden: rows.filter((row) => row.overridden).length,
      bounced: rows.filter((row) => row.bounce !== null).length,
      overdue: rows.filter((row) => row.followUp === 'overdue').length,
      suggested: suggested.length,
    },
    warnings,
  };
}

function escalationRow(
  escalation: LoadedEscalation,
  now: number,
  groupName: (id: number | null) => string,
): EscalationRow {
  const { ticket } = escalation;
  const followUp: FollowUpState = SOLVED.has(ticket.status)
    ? 'done'
    : Date.parse(escalation.followUp.dueAt) < now
      ? 'overdue'
      : 'due';
  return {
    ticketId: ticket.id,
    subject: ticket.subject,
    status: ticket.status,
    escalatedAt: escalation.at,
    by: escalation.by?.name ?? '',
    suggested: escalation.suggested,
    chosen: escalation.chosen,
    overridden: !sameTeams(escalation.suggested, escalation.chosen),
    overrideReason: escalation.override,
    urgency: escalation.urgency,
    rules: escalation.rules,
    followUpDue: escalation.followUp.dueAt,
    followUp,
    bounce:
      escalation.bounce === null
        ? null
        : { at: escalation.bounce.at, toGroup: groupName(escalation.bounce.toGroupId) },
    bounceKnown: escalation.bounceKnown,
    source: escalation.source,
  };
}

function suggestedRow(ticket: ReviewTicket, groupName: (id: number | null) => string): SuggestedRow {
  return {
    ticketId: ticket.id,
    subject: ticket.subject,
    status: ticket.status,
    group: groupName(ticket.groupId),
    updatedAt: ticket.updatedAt,
  };
}

/** Per-rule statistics, in the rule table's order, for rules that fired at least once. */
export function ruleStats(escalations: readonly LoadedEscalation[]): RuleStat[] {
  const known = new Map(RULES.map((rule) => [rule.id, rule]));
  const stats = new Map<string, RuleStat>();
  const newestFirst = [...escalations].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  for (const escalation of newestFirst) {
    const overridden = !sameTeams(escalation.suggested, escalation.chosen);
    for (const id of new Set(escalation.rules ?? [])) {
      const rule = known.get(id);
      const stat =
        stats.get(id) ??
        ({
          rule: id,
          guideRow: rule?.guideRow ?? 'not in this version of the rules',
          fired: 0,
          routed: 0,
          accepted: 0,
          overrides: 0,
          reasons: [],
        } satisfies RuleStat);
      stats.set(id, stat);
      stat.fired += 1;
      const routing = (rule?.targets ?? []).filter((team) => escalation.suggested.includes(team));
      if (routing.length > 0) {
        stat.routed += 1;
        if (routing.every((team) => escalation.chosen.includes(team))) stat.accepted += 1;
      }
      if (overridden) {
        stat.overrides += 1;
        const reason = escalation.override?.trim() ?? '';
        if (reason !== '' && !stat.reasons.includes(reason)) stat.reasons.push(reason);
      }
    }
  }
  const order = new Map(RULES.map((rule, index) => [rule.id, index]));
  return [...stats.values()].sort(
    (a, b) =>
      (order.get(a.rule) ?? RULES.length) - (order.get(b.rule) ?? RULES.length) ||
      a.rule.localeCompare(b.rule),
  );
}

/** Team labels in the page's words: "L2 (Senior CS), Legal"; "none" for an empty list. */
export function teamsText(teams: readonly Target[]): string {
  return teams.length === 0 ? 'none' : teams.map((team) => TEAMS[team].label).join(', ');
}
