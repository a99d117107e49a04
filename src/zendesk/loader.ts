/**
 * Reads one ticket into the bundle the engine decides from (shared/cases/FORMAT.md), in as few
 * sequential round trips as the data allows: one batched `client.get` for the ids the host already holds
 * (and the installed fields' `requirement:<identifier>` ids), then every REST read at once. Only the
 * comment pages are sequential by nature; the users they name are fetched while the next page is on its
 * way.
 */
import * as v from 'valibot';
import { parseBundle, type Bundle } from '../engine';
import { parseRecord } from './record';
import { discoverFields, requirementPaths, type FieldDiscovery } from './resources';
import { allPages, restAs, ZendeskError, type RestOptions } from './rest';
import { bundleSettings } from './settings';
import type { AppSettings, ZafClient, ZafRequest } from './types';

/** Options of `loadTicket`. */
export interface LoadOptions {
  /** The bundle's clock; default the current time. */
  readonly now?: Date;
  /** Retry policy of the REST calls (tests inject `sleep`). */
  readonly rest?: RestOptions;
  /**
   * Find the app's ticket fields the settings leave empty (src/zendesk/resources.ts): their
   * `requirement:<identifier>` paths join the batched get, and a REST fallback, when one is needed, runs
   * beside the ticket reads and is awaited only once the ticket is read.
   */
  readonly discover?: boolean;
}

/** How the load went, for the latency budget and its test. */
export interface LoadStats {
  /**
   * The longest chain of calls each of which had to wait for the one before: the host `get` counts as
   * one, as does every comment page and every retry.
   */
  sequentialRoundTrips: number;
  /** REST requests sent (`client.request` calls, retries included). */
  requests: number;
}

/** The signed-in agent, who confirms the escalation (the note's "confirmed by"). */
export interface Agent {
  id: number;
  name: string;
}

/** The loaded bundle, with what could not be read (the engine then treats it as unknown). */
export interface LoadResult {
  bundle: Bundle;
  /** Who is signed in; null when the host did not say. */
  agent: Agent | null;
  stats: LoadStats;
  /** Optional parts that failed (organization, earlier tickets, similar-ticket count), in words. */
  warnings: string[];
  /**
   * The escalation record in the record field (`record_field_id`): null when the setting or the field
   * is empty; `{ problem }` when the field holds something else (src/zendesk/record.ts).
   */
  record: ReturnType<typeof parseRecord>;
  /** The settings the bundle was read with: the given ones, with the field ids `fields` found. */
  settings: AppSettings;
}

/** The ticket could not be loaded; `message` says what failed and what to do. */
export class LoadError extends Error {
  override readonly name = 'LoadError';
}

const SHOW_MANY_LIMIT = 100;
const DAY_MS = 86_400_000;

const zendeskId = v.pipe(v.number(), v.safeInteger(), v.minValue(1));
const idLike = v.union([zendeskId, v.pipe(v.string(), v.regex(/^\d+$/u), v.transform(Number), zendeskId)]);
const withId = v.nullish(v.looseObject({ id: v.nullish(idLike) }));

/** What the batched `client.get` answers, as far as the loader relies on it. */
const hostAnswer = v.looseObject({
  'ticket.id': idLike,
  'ticket.requester': withId,
  'ticket.assignee': v.nullish(v.looseObject({ user: withId })),
  'ticket.organization': withId,
  currentUser: v.nullish(v.looseObject({ id: v.nullish(idLike), name: v.nullish(v.string()) })),
});

const ticketAnswer = v.looseObject({
  ticket: v.looseObject({
    id: zendeskId,
    requester_id: v.nullish(zendeskId),
    assignee_id: v.nullish(zendeskId),
    organization_id: v.nullish(zendeskId),
    created_at: v.string(),
    updated_at: v.string(),
    custom_fields: v.nullish(v.array(v.looseObject({ id: zendeskId, value: v.unknown() }))),
  }),
});
type RestTicket = v.InferOutput<typeof ticketAnswer>['ticket'];

const commentItem = v.looseObject({ id: zendeskId, author_id: v.nullish(zendeskId) });
const userItem = v.looseObject({ id: zendeskId });
const ticketItem = v.looseObject({ id: zendeskId });
const usersAnswer = v.looseObject({ users: v.array(userItem) });
const organizationAnswer = v.looseObject({ organization: v.looseObject({ id: zendeskId }) });
const countAnswer = v.looseObject({ count: v.pipe(v.number(), v.integer(), v.minValue(0)) });

/**
 * Loads the open ticket. `checklist` is what the agent ticked in the sidebar. Throws LoadError when the
 * ticket itself, its comments or its people cannot be read, or an answer is not what Zendesk sends.
 */
export async function loadTicket(
  client: ZafClient,
  settings: AppSettings,
  checklist: Bundle['agent_checklist'],
  opts: LoadOptions = {},
): Promise<LoadResult> {
  const trips = new RoundTrips();
  const zaf = trips.wrap(client);
  const restOptions = opts.rest ?? {};
  const now = opts.now ?? new Date();
  const warnings: string[] = [];
  const host = await readHost(zaf, settings, opts.discover === true);
  const fields: Promise<FieldDiscovery> | null = opts.discover
    ? discoverFields(zaf, settings, { rest: restOptions, hostAnswer: host.answer })
    : null;

  // Wave 1: everything that needs only what the host said, started together.
  const users = new UserFetcher(zaf, restOptions);
  users.fetch([host.requesterId, host.assigneeId]);
  const ticketRead = restAs(
    zaf,
    { url: `/api/v2/tickets/${host.ticketId}.json` },
    ticketAnswer,
    'a ticket',
    restOptions,
  );
  const commentsRead = allPages(
    zaf,
    `/api/v2/tickets/${host.ticketId}/comments.json`,
    'comments',
    commentItem,
    {
      ...restOptions,
      // Authors are fetched page by page, so only the last page's new authors add a round trip.
      onPage: (items) => {
        users.fetch(items.map((item) => (item as v.InferOutput<typeof commentItem>).author_id));
      },
    },
  );
  let organization = optional(
    readOrganization(zaf, host.organizationId, restOptions),
    warnings,
    'the organization',
  );
  let requested = optional(
    readRequested(zaf, host.requesterId, restOptions),
    warnings,
    "the requester's other tickets",
  );
  let similar = optional(
    countSimilar(zaf, settings.categoryFieldId, host.category, restOptions),
    warnings,
    'the count of similar recent tickets',
  );
  quiet(ticketRead, commentsRead);

  let ticket: RestTicket;
  let comments: v.InferOutput<typeof commentItem>[];
  try {
    [{ ticket }, comments] = await Promise.all([ticketRead, commentsRead]);
  } catch (error) {
    throw loadError(host.ticketId, error);
  }

  // Field ids found at run time fill in what the settings leave empty; what is still missing is a warning.
  const discovered = fields ? await fields : null;
  if (discovered) {
    warnings.push(...discovered.problems);
    settings = discovered.settings;
  }

  // The host shows the agent's form, which may hold unsaved edits; the saved ticket is what the bundle
  // describes, so anything started from a different id is read again for the saved one.
  const category = categoryOf(ticket, settings.categoryFieldId);
  if ((ticket.requester_id ?? null) !== host.requesterId) {
    requested = optional(
      readRequested(zaf, ticket.requester_id ?? null, restOptions),
      warnings,
      "the requester's other tickets",
    );
  }
  if ((ticket.organization_id ?? null) !== host.organizationId) {
    organization = optional(
      readOrganization(zaf, ticket.organization_id ?? null, restOptions),
      warnings,
      'the organization',
    );
  }
  if (category !== host.category) {
    similar = optional(
      countSimilar(zaf, settings.categoryFieldId, category, restOptions),
      warnings,
      'the count of similar recent tickets',
    );
  }
  users.fetch([ticket.requester_id, ticket.assignee_id]);

  let people: v.InferOutput<typeof userItem>[];
  try {
    people = await users.all();
  } catch (error) {
    throw loadError(host.ticketId, error);
  }
  const [org, others, count] = await Promise.all([organization, requested, similar]);

  // Zendesk counts this ticket too when it is in the window; the bundle wants the others.
  const createdAt = Date.parse(ticket.created_at);
  const inWindow = createdAt > now.getTime() - DAY_MS && createdAt <= now.getTime();
  const raw = {
    now: now.toISOString(),
    ticket,
    comments,
    users: people,
    organization: org ?? null,
    requester_tickets: (others ?? []).filter((other) => other.id !== ticket.id),
    ...(count === null ? {} : { similar_recent_tickets: Math.max(0, count - (inWindow ? 1 : 0)) }),
    agent_checklist: checklist ?? {},
    settings: bundleSettings(settings),
  };
  const parsed = parseBundle(raw);
  if (!parsed.ok) {
    throw new LoadError(
      `Ticket ${host.ticketId}: Zendesk sent data the app cannot read (${parsed.error}). Reload the ticket; if it happens again, report this message.`,
    );
  }
  return {
    bundle: parsed.bundle,
    agent: host.agent,
    stats: { sequentialRoundTrips: trips.longest, requests: trips.requests },
    warnings,
    record:
      settings.recordFieldId === null
        ? null
        : parseRecord(ticket.custom_fields?.find((field) => field.id === settings.recordFieldId)?.value),
    settings,
  };
}

interface HostView {
  ticketId: number;
  agent: Agent | null;
  requesterId: number | null;
  assigneeId: number | null;
  organizationId: number | null;
  category: string | null;
  /** The whole answer, for what else the get asked (the installed fields' requirements). */
  answer: Readonly<Record<string, unknown>>;
}

/** The one host round trip: the ids wave 1 needs, and the installed fields' ids when `discover`. */
async function readHost(zaf: ZafClient, settings: AppSettings, discover: boolean): Promise<HostView> {
  const categoryPath =
    settings.categoryFieldId === null ? null : `ticket.customField:custom_field_${settings.categoryFieldId}`;
  const paths = ['ticket.id', 'ticket.requester', 'ticket.assignee', 'ticket.organization', 'currentUser'];
  if (categoryPath !== null) paths.push(categoryPath);
  if (discover) paths.push(...requirementPaths(settings));
  let answer: Record<string, unknown> & { errors?: Record<string, unknown> };
  try {
    answer = await zaf.get(paths);
  } catch (error) {
    throw new LoadError(
      `The Zendesk page did not answer the app (${error instanceof Error ? error.message : String(error)}). Reload the ticket.`,
    );
  }
  // A path the host could not read comes back in `errors`, not as a value; read it as absent.
  const errors = answer.errors ?? {};
  const present = Object.fromEntries(
    Object.entries(answer).filter(([path]) => path !== 'errors' && !(path in errors)),
  );
  const parsed = v.safeParse(hostAnswer, present);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = v.getDotPath(issue) ?? 'answer';
    throw new LoadError(
      path === 'ticket.id' || !('ticket.id' in present)
        ? 'The Zendesk page gave no ticket id: open the app from the sidebar of a ticket.'
        : `The Zendesk page answered ${path} in a form the app cannot read (${issue.message}). Reload the ticket.`,
    );
  }
  const host = parsed.output;
  const categoryValue = categoryPath === null ? null : present[categoryPath];
  const user = host.currentUser;
  return {
    ticketId: host['ticket.id'],
    agent: user?.id != null && user.name ? { id: user.id, name: user.name } : null,
    requesterId: host['ticket.requester']?.id ?? null,
    assigneeId: host['ticket.assignee']?.user?.id ?? null,
    organizationId: host['ticket.organization']?.id ?? null,
    category: typeof categoryValue === 'string' && categoryValue.trim() !== '' ? categoryValue : null,
    answer,
  };
}

function categoryOf(ticket: RestTicket, fieldId: number | null): string | null {
  if (fieldId === null) return null;
  const value = ticket.custom_fields?.find((field) => field.id === fieldId)?.value;
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

async function readOrganization(zaf: ZafClient, id: number | null, options: RestOptions): Promise<unknown> {
  if (id === null) return null;
  const answer = await restAs(
    zaf,
    { url: `/api/v2/organizations/${id}.json` },
    organizationAnswer,
    'an organization',
    options,
  );
  return answer.organization;
}

async function readRequested(
  zaf: ZafClient,
  requesterId: number | null,
  options: RestOptions,
): Promise<{ id: number }[] | null> {
  if (requesterId === null) return null;
  return allPages(zaf, `/api/v2/users/${requesterId}/tickets/requested.json`, 'tickets', ticketItem, options);
}

/** Tickets created in the last 24 h in this category, this one included (Zendesk counts it). */
async function countSimilar(
  zaf: ZafClient,
  fieldId: number | null,
  category: string | null,
  options: RestOptions,
): Promise<number | null> {
  if (fieldId === null || category === null) return null;
  const value = /[\s"]/u.test(category) ? `"${category.replace(/"/gu, '')}"` : category;
  const query = `type:ticket created>24hours custom_field_${fieldId}:${value}`;
  const answer = await restAs(
    zaf,
    { url: `/api/v2/search/count.json?query=${encodeURIComponent(query)}` },
    countAnswer,
    'a search count',
    options,
  );
  return answer.count;
}

/** An optional read: its HTTP failure becomes a warning and an absent value; a malformed answer still fails. */
function optional<T>(read: Promise<T>, warnings: string[], what: string): Promise<T | null> {
  const settled = read.catch((error: unknown) => {
    if (error instanceof ZendeskError && error.kind !== 'malformed') {
      warnings.push(`Could not read ${what}, so the suggestion goes without it: ${error.message}`);
      return null;
    }
    throw error;
  });
  // A read replaced after reconciling, or left behind by a failed load, is never awaited.
  quiet(settled);
  return settled;
}

/** Keeps a promise that is awaited later from counting as unhandled if another read fails first. */
function quiet(...promises: Promise<unknown>[]): void {
  for (const promise of promises) promise.catch(() => undefined);
}

function loadError(ticketId: number, error: unknown): LoadError {
  const message = error instanceof Error ? error.message : String(error);
  return new LoadError(`Could not load ticket ${ticketId}: ${message}`, { cause: error });
}

/** users/show_many, at most 100 ids a call, each id asked for once however many pages name it. */
class UserFetcher {
  private readonly asked = new Set<number>();
  private readonly reads: Promise<v.InferOutput<typeof userItem>[]>[] = [];

  constructor(
    private readonly zaf: ZafClient,
    private readonly options: RestOptions,
  ) {}

  fetch(ids: readonly (number | null | undefined)[]): void {
    const fresh = [...new Set(ids)].filter(
      (id): id is number => typeof id === 'number' && !this.asked.has(id),
    );
    for (let start = 0; start < fresh.length; start += SHOW_MANY_LIMIT) {
      const chunk = fresh.slice(start, start + SHOW_MANY_LIMIT);
      for (const id of chunk) this.asked.add(id);
      const read = restAs(
        this.zaf,
        { url: `/api/v2/users/show_many.json?ids=${chunk.join(',')}` },
        usersAnswer,
        'a list of users',
        this.options,
      ).then((answer) => answer.users);
      quiet(read);
      this.reads.push(read);
    }
  }

  /** Every user asked for so far (unknown ids are left out, as Zendesk does), each once. */
  async all(): Promise<v.InferOutput<typeof userItem>[]> {
    const lists = await Promise.all(this.reads);
    const byId = new Map(lists.flat().map((user) => [user.id, user]));
    return [...byId.values()];
  }
}

/**
 * Counts sequential round trips honestly: a call's depth is one more than the deepest call that had
 * finished when it started, so parallel calls share a depth and each page or retry adds one.
 */
class RoundTrips {
  private finishedDepth = 0;
  longest = 0;
  requests = 0;

  wrap(client: ZafClient): ZafClient {
    return {
      get: (paths) => this.track(() => client.get(paths)),
      request: <T>(options: ZafRequest) => {
        this.requests += 1;
        return this.track(() => client.request<T>(options));
      },
      set: (path, value) => client.set(path, value),
      invoke: (name, ...args) => client.invoke(name, ...args),
      metadata: () => client.metadata(),
      context: () => client.context(),
      on: (event, handler) => {
        client.on(event, handler);
      },
      off: (event, handler) => {
        client.off(event, handler);
      },
    };
  }

  private async track<T>(call: () => Promise<T>): Promise<T> {
    const depth = this.finishedDepth + 1;
    this.longest = Math.max(this.longest, depth);
    try {
      return await call();
    } finally {
      this.finishedDepth = Math.max(this.finishedDepth, depth);
    }
  }
}
