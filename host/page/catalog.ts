/**
 * The sample tickets the host offers: every case file of shared/cases and the project's cases, as the
 * server sends them to the page. A case file is `{name, bundle, expect}` (shared/cases/FORMAT.md) or a
 * bare bundle; the page seeds the fake Zendesk with the bundle, which validates it.
 */

/** One sample ticket in the list. */
export interface CaseEntry {
  /** Unique and stable: `<source>/<file name>`, e.g. `shared/01-port-in-rejected-four-times.json`. */
  readonly id: string;
  /** The case's own name, or its file name. */
  readonly name: string;
  readonly ticketId: number | null;
  readonly subject: string;
  readonly bundle: unknown;
}

/** A case file the server could not offer, with the reason. */
export interface SkippedCase {
  readonly id: string;
  readonly reason: string;
}

/** What `/cases.json` answers. */
export interface Catalog {
  readonly cases: readonly CaseEntry[];
  readonly skipped: readonly SkippedCase[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Reads one parsed case file into an entry, or says why it cannot be one. */
export function caseEntry(id: string, json: unknown): CaseEntry | SkippedCase {
  if (!isRecord(json)) return { id, reason: 'not a JSON object' };
  const bundle = isRecord(json.bundle) ? json.bundle : json;
  const ticket = bundle.ticket;
  if (!isRecord(ticket)) return { id, reason: 'no bundle.ticket object' };
  const name = typeof json.name === 'string' && json.name !== '' ? json.name : (id.split('/').pop() ?? id);
  return {
    id,
    name,
    ticketId: typeof ticket.id === 'number' ? ticket.id : null,
    subject: typeof ticket.subject === 'string' ? ticket.subject : '',
    bundle,
  };
}

/** Whether `caseEntry` gave an entry. */
export function isCaseEntry(value: CaseEntry | SkippedCase): value is CaseEntry {
  return 'bundle' in value;
}
