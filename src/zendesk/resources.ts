/**
 * The ticket fields the app relies on, created on install by requirements.json, found at run time: an
 * admin's setting wins; otherwise ZAF's `client.get('requirement:<identifier>')` answers the id Zendesk
 * gave each field at install (`{requirement_id, requirement_type, identifier, ...}`). The sidebar puts
 * these paths into its one batched get, so the ids cost no request of their own. When the get answers no
 * requirement (an app installed before its requirements were added, a host that does not serve them),
 * the installation's requirements list (`GET /api/v2/apps/installations/{id}/requirements`) and then the
 * ticket fields by the titles requirements.json gives them are read, once per installation while the app
 * runs. A field still not found is named, with what goes without it, as a settings problem.
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

/** Where a field id came from: the settings, ZAF's requirement get, the requirements list, a title. */
export type FieldSource = 'setting' | 'requirement' | 'installation' | 'title';

/** The settings with every field id that could be found, and what could not. */
export interface FieldDiscovery {
  readonly settings: AppSettings;
  readonly sources: Partial<Record<FieldKey, FieldSource>>;
  /** One sentence per field not found (or per failed lookup), naming the setting that would fix it. */
  readonly problems: readonly string[];
}

/** Options of `discoverFields`. */
export interface DiscoverOptions {
  /** Retry policy of the REST fallback (tests inject `sleep`). */
  readonly rest?: RestOptions;
  /**
   * The host's answer to a batched get that included `requirementPaths(settings)`: the ids are read from
   * it. Without it, discoverFields asks the host itself, in one get.
   */
  readonly hostAnswer?: Readonly<Record<string, unknown>>;
  /** Look for these fields only (the supervisors' page needs the record field); default all of them. */
  readonly only?: readonly FieldKey[];
}

const zendeskId = v.pipe(v.number(), v.safeInteger(), v.minValue(1));
const requirementItem = v.looseObject({
  identifier: v.string(),
  requirement_id: zendeskId,
  requirement_type: v.string(),
});
/** ZAF's answer to `requirement:<identifier>`, as far as the app relies on it (an id as text is read too). */
const hostRequirement = v.looseObject({
  requirement_id: v.pipe(
    v.union([v.number(), v.pipe(v.string(), v.regex(/^\d+$/u))]),
    v.transform(Number),
    zendeskId,
  ),
  requirement_type: v.string(),
});
const ticketFieldItem = v.looseObject({
  id: zendeskId,
  title: v.string(),
  type: v.string(),
  active: v.optional(v.boolean()),
});

/** The ZAF path that answers one requirement of the app's installation. */
export const requirementPath = (identifier: string): string => `requirement:${identifier}`;

function wanted(settings: AppSettings, only: readonly FieldKey[] | undefined): InstalledField[] {
  return INSTALLED_FIELDS.filter(
    (field) => settings[field.key] === null && (only === undefined || only.includes(field.key)),
  );
}

/** The requirement paths for the fields the settings leave empty, to add to a batched `client.get`. */
export function requirementPaths(settings: AppSettings, only?: readonly FieldKey[]): string[] {
  return wanted(settings, only).map((field) => requirementPath(field.identifier));
}

/**
 * identifier → ticket field id, from a get's answer: a requirement path answered with a ticket field
 * requirement. A path in `errors` (the host does not know it) or answered with nothing (what Zendesk's
 * requirements sample app expects for a missing requirement) is not found.
 */
export function requirementIdsFrom(answer: Readonly<Record<string, unknown>>): Map<string, number> {
  const errors = answer.errors;
  const failed = typeof errors === 'object' && errors !== null ? errors : {};
  const ids = new Map<string, number>();
  for (const field of INSTALLED_FIELDS) {
    const path = requirementPath(field.identifier);
    if (path in failed) continue;
    const parsed = v.safeParse(hostRequirement, answer[path]);
    if (parsed.success && parsed.output.requirement_type === 'ticket_fields') {
      ids.set(field.identifier, parsed.output.requirement_id);
    }
  }
  return ids;
}

/** identifier → id, as the REST fallback found them, and how. */
interface Lookup {
  readonly ids: ReadonlyMap<string, { readonly id: number; readonly source: FieldSource }>;
  readonly problems: readonly string[];
}

const cache = new Map<string, Promise<Lookup>>();

/** Forgets every cached lookup (tests; an app reinstalled while the page stays open). */
export function clearFieldCache(): void {
  cache.clear();
}

/**
 * Fills in the field ids the settings leave empty. Never rejects: a failed lookup becomes a problem.
 * Sends nothing when an admin has set them all, and no REST request when the host answers them all.
 */
export async function discoverFields(
  client: ZafClient,
  settings: AppSettings,
  options: DiscoverOptions = {},
): Promise<FieldDiscovery> {
  const sources: Partial<Record<FieldKey, FieldSource>> = {};
  for (const field of INSTALLED_FIELDS) if (settings[field.key] !== null) sources[field.key] = 'setting';
  const missing = wanted(settings, options.only);
  if (!missing.length) return { settings, sources, problems: [] };

  const fromHost = requirementIdsFrom(
    options.hostAnswer ??
      (await askHost(
        client,
        missing.map((field) => requirementPath(field.identifier)),
      )),
  );
  const next: AppSettings = { ...settings };
  const rest: InstalledField[] = [];
  for (const field of missing) {
    const id = fromHost.get(field.identifier);
    if (id === undefined) {
      rest.push(field);
    } else {
      next[field.key] = id;
      sources[field.key] = 'requirement';
    }
  }
  if (!rest.length) return { settings: next, sources, problems: [] };

  const found = await fallback(client, options.rest ?? {});
  const problems = [...found.problems];
  for (const field of rest) {
    const hit = found.ids.get(field.identifier);
    if (hit !== undefined) {
      next[field.key] = hit.id;
      sources[field.key] = hit.source;
    } else {
      problems.push(
        `The "${field.title}" ticket field was not found, so ${field.without}: reinstall the app, or set ${field.setting} in its settings.`,
      );
    }
  }
  return { settings: next, sources, problems };
}

/** One get of the requirement paths; a host that cannot answer it answers nothing. */
async function askHost(client: ZafClient, paths: string[]): Promise<Readonly<Record<string, unknown>>> {
  try {
    return await client.get(paths);
  } catch {
    return {};
  }
}

/** The REST lookup, once per installation while the app runs (a failed one is tried again next time). */
async function fallback(client: ZafClient, options: RestOptions): Promise<Lookup> {
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
    void lookup.then((found) => {
      if (found.problems.length) cache.delete(key);
    });
  }
  return lookup;
}

async function lookUp(
  client: ZafClient,
  installationId: number | null,
  options: RestOptions,
): Promise<Lookup> {
  const ids = new Map<string, { id: number; source: FieldSource }>();
  if (installationId !== null) {
    try {
      for (const [identifier, id] of await fromRequirements(client, installationId, options)) {
        ids.set(identifier, { id, source: 'installation' });
      }
    } catch (error) {
      // A role or a host that may not read the list (403, 401) or an unknown installation (404) falls
      // back to the titles; anything else is a failed lookup.
      if (!(error instanceof ZendeskError && [401, 403, 404].includes(error.status))) {
        return { ids, problems: [lookupProblem(error)] };
      }
    }
  }
  if (INSTALLED_FIELDS.every((field) => ids.has(field.identifier))) return { ids, problems: [] };
  try {
    for (const [identifier, id] of await fromTitles(client, options)) {
      if (!ids.has(identifier)) ids.set(identifier, { id, source: 'title' });
    }
    return { ids, problems: [] };
  } catch (error) {
    return { ids, problems: [lookupProblem(error)] };
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
