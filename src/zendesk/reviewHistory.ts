/**
 * What a ticket's audits tell the supervisors' review that its search result does not: the escalation
 * note's footer (for a ticket whose record field is empty or unreadable) and whether the ticket was sent
 * back down from the escalated teams. Pure functions over `GET /api/v2/tickets/{id}/audits` answers.
 *
 * Bounced, precisely: after the escalation, an audit changed the ticket's group from the group of one of
 * the chosen teams to a group of none of them (or to no group), and the ticket is in none of their groups
 * now. A ticket sent back and then taken back by a chosen team is with the team, so it is not counted.
 */
import * as v from 'valibot';
import { TARGETS, TEAMS, type Target } from '../engine';

const looseId = v.union([v.number(), v.string()]);

/** One audit, as far as the review reads it. */
export const auditSchema = v.looseObject({
  id: v.number(),
  created_at: v.string(),
  author_id: v.number(),
  events: v.array(
    v.looseObject({
      type: v.string(),
      field_name: v.optional(v.string()),
      value: v.optional(v.unknown()),
      previous_value: v.optional(v.unknown()),
      body: v.optional(v.string()),
    }),
  ),
});
/** One audit of a ticket. */
export type ReviewAudit = v.InferOutput<typeof auditSchema>;

/** An escalation as the note's footer states it. */
export interface FooterEscalation {
  /** Teams the guide suggested; empty when it said not to escalate. */
  suggested: Target[];
  chosen: Target[];
  /** Null when the agent agreed with the suggestion. */
  override: string | null;
  by: { id: number; name: string } | null;
  key: string;
}

const LABELS = new Map<string, Target>(TARGETS.map((target) => [TEAMS[target].label, target]));

function teamsIn(text: string): Target[] | null {
  const teams = text
    .split(', ')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const found = teams.map((part) => LABELS.get(part));
  return found.every((team): team is Target => team !== undefined) ? found : null;
}

/**
 * Reads the footer the sidebar's confirm ends its note with (src/zendesk/plan.ts): "Escalation Guide:
 * suggested …; chosen ….", "Override reason: …", "Confirmed by … (user N).", "Escalation key: …".
 * Null when the text holds no complete footer.
 */
export function parseFooter(body: string): FooterEscalation | null {
  const lines = body.split(/\r?\n/u).map((line) => line.trim());
  const start = lines.findLastIndex((line) => line.startsWith('Escalation Guide: suggested '));
  if (start === -1) return null;
  const head = /^Escalation Guide: suggested (.*); chosen (.*)\.$/u.exec(lines[start] ?? '');
  const keyLine = lines.slice(start).find((line) => line.startsWith('Escalation key: '));
  if (head?.[1] === undefined || head[2] === undefined || keyLine === undefined) return null;
  const chosen = teamsIn(head[2]);
  const suggestedText = head[1];
  const suggested = suggestedText.startsWith('no escalation') ? [] : teamsIn(suggestedText);
  if (chosen === null || chosen.length === 0 || suggested === null) return null;
  const reasonLine = lines.slice(start).find((line) => line.startsWith('Override reason: '));
  const byLine = lines
    .slice(start)
    .map((line) => /^Confirmed by (.+) \(user (\d+)\)\.$/u.exec(line))
    .find((match) => match !== null);
  const reason = reasonLine?.slice('Override reason: '.length).trim() ?? null;
  return {
    suggested,
    chosen,
    override: reason === '' ? '(none given)' : reason,
    by:
      byLine?.[1] === undefined || byLine[2] === undefined
        ? null
        : { id: Number(byLine[2]), name: byLine[1] },
    key: keyLine.slice('Escalation key: '.length).trim(),
  };
}

/** The latest escalation note in the audits: its footer, when it was written and by whom. */
export interface NoteEscalation {
  footer: FooterEscalation;
  at: string;
  authorId: number;
}

/** Finds the newest comment whose body carries a footer; null when none does. */
export function escalationNote(audits: readonly ReviewAudit[]): NoteEscalation | null {
  let found: NoteEscalation | null = null;
  for (const audit of sortedByTime(audits)) {
    for (const event of audit.events) {
      if (event.type !== 'Comment' || event.body === undefined) continue;
      const footer = parseFooter(event.body);
      if (footer !== null) found = { footer, at: audit.created_at, authorId: audit.author_id };
    }
  }
  return found;
}

/** A ticket sent back down: when, by whom, from which team group to which group. */
export interface Bounce {
  at: string;
  byId: number;
  fromGroupId: number;
  /** Null when the group was cleared. */
  toGroupId: number | null;
}

/** Clock skew between the agent's browser (the record's `at`) and Zendesk's audit times. */
const SKEW_MS = 5 * 60_000;

/**
 * The first change after `since` from one of `teamGroups` to a group outside them; null when there is
 * none. Whether the ticket is still away from the teams is the caller's to check (its current group).
 */
export function firstBounce(
  audits: readonly ReviewAudit[],
  since: string,
  teamGroups: ReadonlySet<number>,
): Bounce | null {
  const from = Date.parse(since) - SKEW_MS;
  for (const audit of sortedByTime(audits)) {
    if (Date.parse(audit.created_at) < from) continue;
    for (const event of audit.events) {
      if (event.type !== 'Change' || event.field_name !== 'group_id') continue;
      const previous = groupIdOf(event.previous_value);
      const next = groupIdOf(event.value);
      if (previous !== null && teamGroups.has(previous) && (next === null || !teamGroups.has(next))) {
        return { at: audit.created_at, byId: audit.author_id, fromGroupId: previous, toGroupId: next };
      }
    }
  }
  return null;
}

/** Audit values are numbers in some answers and text in others ("360001"); null for none. */
function groupIdOf(value: unknown): number | null {
  const parsed = v.safeParse(looseId, value);
  if (!parsed.success) return null;
  const n = Number(parsed.output);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

function sortedByTime(audits: readonly ReviewAudit[]): ReviewAudit[] {
  return [...audits].sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || a.id - b.id);
}
