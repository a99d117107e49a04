/**
 * The escalation record: what a confirm decided, kept on the ticket as one line of JSON in the app's
 * "Escalation record" text field (created on install by requirements.json). It lets the sidebar show the
 * follow-up when the ticket is opened again, and lets the supervisors' page read suggested against
 * chosen routing from search results alone, without one audits request per ticket.
 */
import * as v from 'valibot';
import { TARGETS, URGENCIES } from '../engine/teams';

const target = v.picklist(TARGETS);
const isoDate = v.pipe(
  v.string(),
  v.check((text) => !Number.isNaN(Date.parse(text)), 'is not an ISO-8601 date'),
);

/** Schema of the record, version 1. Unknown keys are kept, so a newer app's record still reads. */
export const recordSchema = v.looseObject({
  v: v.literal(1),
  /** The escalation key written into the note (plan.ts `makeEscalationKey`). */
  key: v.string(),
  /** When the agent confirmed. */
  at: isoDate,
  by: v.looseObject({ id: v.number(), name: v.string() }),
  /** The guide's teams, primary first; empty when the guide said not to escalate. */
  suggested: v.array(target),
  /** The teams the agent chose, primary (the owner) first. */
  chosen: v.array(target),
  /** Why the agent chose differently from the suggestion; null when they agreed. */
  override: v.nullable(v.string()),
  urgency: v.picklist(URGENCIES),
  /** Ids of the rules that fired (src/engine/rules.ts). */
  rules: v.array(v.string()),
  followUp: v.looseObject({
    /** When to check back with the team. */
    dueAt: isoDate,
    /** The team's follow-up interval in hours (src/engine/teams.ts). */
    hours: v.number(),
    /** How many follow-ups were sent so far; each one re-arms `dueAt`. */
    sent: v.number(),
  }),
});

/** One escalation as the ticket records it. */
export type EscalationRecord = v.InferOutput<typeof recordSchema>;

/** The text stored in the field: one line of JSON. */
export function formatRecord(record: EscalationRecord): string {
  return JSON.stringify(record);
}

/**
 * Reads the field's text. Null for an empty field; a field someone edited by hand into something else
 * gives `{ problem }` naming what is wrong, so the sidebar and the review can say so instead of guessing.
 */
export function parseRecord(text: unknown): { record: EscalationRecord } | { problem: string } | null {
  if (text === null || text === undefined || (typeof text === 'string' && text.trim() === '')) return null;
  if (typeof text !== 'string') return { problem: `the escalation record is not text (got ${typeof text})` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problem: 'the escalation record is not valid JSON' };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { problem: 'the escalation record is not a JSON object' };
  }
  const result = v.safeParse(recordSchema, json);
  if (result.success) return { record: result.output };
  const issue = result.issues[0];
  const path = issue.path?.map((item) => String(item.key)).join('.') ?? '';
  return { problem: `the escalation record's ${path === '' ? 'value' : path} ${issue.message}` };
}
