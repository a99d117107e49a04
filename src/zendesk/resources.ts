/**
 * The ticket fields the app relies on, created on install by requirements.json, found at run time: an
 * admin's setting wins; otherwise the installation's requirements list maps each field's identifier to
 * the id Zendesk gave it. That list is for admins only, so for an agent (403) the app lists the ticket
 * fields and matches the titles requirements.json gives them. A field still not found is named, with what
 * goes without it, as a settings problem the sidebar shows. One lookup per installation while the app
 * runs (an in-memory cache), started beside the ticket load so the first suggestion does not wait for it.
 */
import * as v from 'valibot';
import { allPages, ZendeskError, type RestOptions } from './rest';
import type { AppSettings, ZafClient } from './types';

/** The settings that hold a ticket field id. */
export type FieldKey = 'categoryFieldId' | 'refundFieldId' | 'followUpFieldId' | 'recordFieldId';

/** One field the app relies on: its requirements.json identifier and title, and its setting. */
export interface InstalledField {
  readonly identifier: string;
  readonly key: FieldKey;
  /** The manifest parameter an admin may fill in instead. */
  readonly setting: string;
  readonly title: string;
  /** Zendesk's ticket field type. */
  readonly type: 'tagger' | 'decimal' | 'date' | 'textarea';
  /** What goes without the field, for the sidebar's settings problem. */
  readonly without: string;
}

/** The fields requirements.json creates (scripts/requirements.ts writes them from this list). */
export const INSTALLED_FIELDS: readonly InstalledField[] = [
  {
    identifier: 'issue_category',
    key: 'categoryFieldId',
    setting: 'category_field_id',
    title: 'Issue category',
    type: 'tagger',
    without: 'the outage rules go without the category',
  },
  {
    identifier: 'refund_amount',
    key: 'refundFieldId',
    setting: 'refund_amount_field_id',
    title: 'Refund amount',
    type: 'decimal',
    without: 'refunds are read from the notes only',
  },
  {
    identifier: 'follow_up_due',
    key: 'followUpFieldId',
    setting: 'follow_up_field_id',
    title: 'Escalation follow-up due',
    type: 'date',
    without: 'follow-up dates are not kept',
  },
  {
    identifier: 'escalation_record',
    key: 'recordFieldId',
    setting: 'record_field_id',
    title: 'Escalation record',
    type: 'textarea',
    without: 'escalations are not recorded',
  },
];

/** Where a field id came from. */
export type FieldSource = 'setting' | 'requirements' | 'title';

/** The settings with every field id that could be found, and what could not. */
export interface FieldDiscovery {
  readonly settings: AppSettings;
  readonly sources: Partial<Record<FieldKey, FieldSource>>;
  /** One sentence per field not found (or per failed lookup), naming the setting that would fix it. */
  readonly problems: readonly string[];
}

const zendeskId = v.pipe(v.number(), v.safeInteger(), v.minValue(1));
const requirementItem = v.looseObject({
  identifier: v.string(),
  requirement_id: zendeskId,
  requirement_type: v.string(),
});
const ticketFieldItem = v.looseObject({
  id: zendeskId,
  title: v.string(),
  type: v.string(),
  active: v.optional(v.boolean()),
});

/** identifier → id, as the lookup found them, and how. */
interface Lookup {
  readonly ids: ReadonlyMap<string, number>;
  readonly source: 'requirements' | 'title';
  readonly problems: readonly string[];
}

const cache = new Map<string, Promise<Lookup>>();

/** Forgets every cached lookup (tests; an app reinstalled while the page stays open). */
export function clearFieldCache(): void {
  cache.clear();
}

/**
 * Fills in the field ids the settings leave empty. Never rejects: a failed lookup becomes a problem.
 * Sends nothing when an admin has set all four.
 */
export async function discoverFields(
  client: ZafClient,
  settings: AppSettings,
  options: RestOptions = {},
): Promise<FieldDiscovery> {
  const sources: Partial<Record<FieldKey, FieldSource>> = {};
  const missing = INSTALLED_FIELDS.filter((f) => {
    if (settings[f.key] === null) return true;
    sources[f.key] = 'setting';
    return false;
  });
  if (!missing.length) return { settings, sources, problems: [] };

  let installationId: number | null = null;
  try {
    const metadata = await client.metadata();
    installationId = typeof metadata.installationId === 'number' ? metadata.installationId : null;
  } catch {
    installationId = null;
  }
  const key = installationId === null ? 'no-installation' : String(installationId);
  let lookup = cache.get(key);
  if (!lookup) {
    lookup = lookUp(client, installationId, options);
    cache.set(key, lookup);
    // A failed lookup is not kept: the next ticket tries again.
    void lookup.then((found) => {
      if (found.problems.length) cache.delete(key);
    });
  }
  const found = await lookup;

  const next: AppSettings = { ...settings };
  const problems = [...found.problems];
  for (const field of missing) {
    const id = found.ids.get(field.identifier);
    if (id !== undefined) {
      next[field.key] = id;
      sources[field.key] = found.source;
    } else {
      problems.push(
        `The "${field.title}" ticket field was not found, so ${field.without}: reinstall the app, or set ${field.setting} in its settings.`,
      );
    }
  }
  return { settings: next, sources, problems };
}

async function lookUp(
  client: ZafClient,
  installationId: number | null,
  options: RestOptions,
): Promise<Lookup> {
  if (installationId !== null) {
    try {
      return {
        ids: await fromRequirements(client, installationId, options),
        source: 'requirements',
        problems: [],
      };
    } catch (error) {
      // Only admins may read an installation's requirements; anyone else falls back to the titles.
      if (!(error instanceof ZendeskError && (error.status === 403 || error.status === 401))) {
        return { ids: new Map(), source: 'requirements', problems: [lookupProblem(error)] };
      }
    }
  }
  try {
    return { ids: await fromTitles(client, options), source: 'title', problems: [] };
  } catch (error) {
    return { ids: new Map(), source: 'title', problems: [lookupProblem(error)] };
  }
}

function lookupProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `Could not look up the app's ticket fields: ${message}`;
}

/** The installation's requirements list (all its pages), ticket fields only. */
async function fromRequirements(
  client: ZafClient,
  installationId: number,
  options: RestOptions,
): Promise<Map<string, number>> {
  const items = await allPages(
    client,
    `/api/v2/apps/installations/${installationId}/requirements.json`,
    'requirements',
    requirementItem,
    options,
  );
  return new Map(
    items.filter((r) => r.requirement_type === 'ticket_fields').map((r) => [r.identifier, r.requirement_id]),
  );
}

/** Every ticket field, matched by the title and type requirements.json gives each; ambiguity is a miss. */
async function fromTitles(client: ZafClient, options: RestOptions): Promise<Map<string, number>> {
  const fields = await allPages(
    client,
    '/api/v2/ticket_fields.json',
    'ticket_fields',
    ticketFieldItem,
    options,
  );
  const ids = new Map<string, number>();
  for (const wanted of INSTALLED_FIELDS) {
    const matches = fields.filter(
      (f) => f.active !== false && f.type === wanted.type && f.title.trim() === wanted.title,
    );
    const only = matches.length === 1 ? matches[0] : undefined;
    if (only) ids.set(wanted.identifier, only.id);
  }
  return ids;
}
