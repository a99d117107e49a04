/**
 * The one fake Zendesk: an in-memory Support REST API (v2) that answers the calls the sidebar makes
 * through ZAF's `client.request`, with Zendesk's shapes and semantics (cursor pages, `safe_update` 409,
 * 429 with `Retry-After`, audits). Unit tests call `request` directly; the local host page forwards the
 * SDK's `request:K` messages to it. Isomorphic: no Node built-ins, no DOM.
 */
import * as v from 'valibot';
import { AccountResources } from './admin';
import {
  FaultQueue,
  UpdateRateLimiter,
  ZENDESK_UPDATE_RATE_LIMIT,
  type FaultSpec,
  type StatusFault,
  type UpdateRateLimit,
} from './faults';
import {
  errorResponse,
  jsonResponse,
  parseRequest,
  RequestRejection,
  timeoutResponse,
  networkErrorResponse,
  type FakeRequest,
  type FakeRequestOptions,
  type FakeResponse,
} from './http';
import { listPage, positiveInteger, linkTo, MAX_PAGE_SIZE } from './paging';
import { scheduleResponse, type BusinessSchedule } from './schedules';
import {
  parseSearchQuery,
  SearchQueryError,
  sortFieldOf,
  ticketMatcher,
  type SearchSortField,
} from './search';
import {
  applyTicketUpdate,
  commentEvent,
  createTicket,
  defaultCustomStatusId,
  describeEvent,
  htmlFromText,
  readTicketCreate,
  readTicketUpdate,
  textFromHtml,
  type AppliedWrite,
  type WriteContext,
} from './tickets';
import {
  seedBundleSchema,
  seedGroupSchema,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type Audit,
  type AuditEvent,
  type Comment,
  type CustomStatus,
  type Group,
  type Organization,
  type SeedComment,
  type SeedGroup,
  type SeedTicket,
  type SeedUser,
  type Ticket,
  type User,
} from './types';

export { describeEvent } from './tickets';
export type { FakeRequestOptions, FakeResponse, FakeRequest } from './http';
export { requestOptionsSchema } from './http';
export type {
  FaultSpec,
  HoldFault,
  HoldRelease,
  NetworkFault,
  StatusFault,
  StaleFault,
  TimeoutAfterApplyFault,
  UpdateRateLimit,
} from './faults';
export { ZENDESK_UPDATE_RATE_LIMIT } from './faults';

/** Options of `createFakeZendesk`; every one has a default that behaves like a plain Zendesk account. */
export interface FakeZendeskOptions {
  /** The account's origin: absolute `links.next`/`next_page` URLs point here. Default `https://fake.zendesk.com`. */
  readonly origin?: string;
  /** The clock in ms since the epoch; default `Date.now`. Relative searches and new timestamps read it. */
  readonly now?: () => number;
  /** Waits `ms` of latency or timeout; default `setTimeout`. Tests pass an instant or recording timer. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Latency added to every request, in ms; default 0. */
  readonly latencyMs?: number;
  /** Ticket-update rate limits; default Zendesk's (30 per user and ticket per 10 min, 100 per minute). */
  readonly rateLimit?: UpdateRateLimit | false;
  /** The signed-in agent requests run as; default user 1, "Fake Agent". */
  readonly currentUser?: {
    readonly id: number;
    readonly name?: string;
    readonly email?: string;
    /** `agent` (default) or `admin`: admin-only endpoints (fake/admin.ts) answer 403 to anyone else. */
    readonly role?: string;
  };
  /** Groups that exist besides those seeded tickets point at. */
  readonly groups?: readonly SeedGroup[];
  /** The account's custom statuses; default Zendesk's five system statuses. */
  readonly customStatuses?: readonly CustomStatus[];
  /** The issue-category field for `similar_recent_tickets` when a bundle's settings do not name one. */
  readonly categoryFieldId?: number;
  /** The account's business-hours schedules (./schedules), the default first; default none. */
  readonly schedules?: readonly BusinessSchedule[];
}

/** Options of `seed`. */
export interface SeedOptions {
  /**
   * Move every `*_at` timestamp of the bundle by (clock − bundle.now), so a case written for one moment
   * looks current on a host page that runs on the real clock. Ignored when the bundle has no `now`.
   */
  readonly shiftTimesToClock?: boolean;
}

/** What `seed` did. */
export interface SeedReport {
  readonly ticketId: number;
  /** Tickets created so `similar_recent_tickets` others match the category within the last 24 h. */
  readonly similarTicketIds: readonly number[];
  /** How far timestamps were moved, in ms (0 unless `shiftTimesToClock`). */
  readonly timeShiftMs: number;
  /** What the fake could not honour, in words (e.g. a similar-ticket count without a category field). */
  readonly notes: readonly string[];
}

/** Who made a write: a request, or the fake standing in for another agent (`simulateConcurrentEdit`). */
export type WriteOrigin = 'request' | 'concurrent-edit';

/** One applied write, for a host page's write log and for tests' exact assertions. */
export interface WriteRecord {
  readonly sequence: number;
  readonly at: string;
  readonly origin: WriteOrigin;
  readonly method: 'PUT' | 'POST';
  readonly url: string;
  readonly ticketId: number;
  readonly auditId: number;
  readonly authorId: number;
  readonly events: readonly AuditEvent[];
  /** One line per event, e.g. `status: "open" → "pending"`, `tags +escalated_l2`, `internal note by user 7: ...`. */
  readonly summary: readonly string[];
  /** False when a `timeoutAfterApply` fault kept the answer from the caller (the write still happened). */
  readonly delivered: boolean;
}

/** What befell a request besides normal handling. */
export type RequestFault = 'status' | 'timeoutAfterApply' | 'stale' | 'rateLimit' | 'network' | 'hold';

/** One request as the fake saw it, for a host page's network log and for tests counting retries. */
export interface RequestRecord {
  readonly sequence: number;
  readonly at: string;
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly fault: RequestFault | null;
}

/** What subscribers hear, in order: each write as it is applied, each request as it is answered. */
export type FakeZendeskEvent =
  | { readonly type: 'write'; readonly write: WriteRecord }
  | { readonly type: 'request'; readonly request: RequestRecord };

/** The fake Zendesk account. */
export interface FakeZendesk {
  /** The account origin absolute links point at. */
  readonly origin: string;
  /**
   * Loads one ticket bundle (shared/cases/FORMAT.md) into the store. Throws a TypeError naming the
   * invalid field. Seeding again replaces the bundle's ticket, its comments and its users.
   */
  seed(bundle: unknown, options?: SeedOptions): SeedReport;
  /** Adds or replaces groups, so `group_id` writes to them are accepted and `groups.json` lists them. */
  seedGroups(groups: readonly SeedGroup[]): void;
  /**
   * Gives a seeded ticket a past: applies `change` (a PUT's `ticket` object) as `authorId` at `at`, so the
   * ticket, its comments and its audits end up exactly as that update would leave them (group changes,
   * notes, fields). History, not traffic: nothing enters the write or request logs and no event fires.
   * Throws a RangeError for an unknown ticket, a time before the ticket's `updated_at` or a change that
   * changes nothing, and a TypeError naming the field Zendesk would refuse.
   */
  seedUpdate(
    ticketId: number,
    change: Readonly<Record<string, unknown>>,
    options: { readonly at: string; readonly authorId: number },
  ): Audit;
  /** Answers one ZAF-style request, after the configured latency. Never rejects for HTTP errors. */
  request(options: FakeRequestOptions): Promise<FakeResponse>;
  /** Queues a fault for the next matching request(s). */
  failNext(fault: FaultSpec): void;
  /** Faults still waiting for a matching request. */
  pendingFaults(): readonly FaultSpec[];
  /** Drops every queued fault. */
  clearFaults(): void;
  /** Changes the latency added to every request from now on. */
  setLatency(ms: number): void;
  /**
   * Another agent updates the ticket now (default: adds the tag `fake_concurrent_edit`), moving
   * `updated_at` so a `safe_update` built from an earlier read gets 409.
   */
  simulateConcurrentEdit(ticketId: number, change?: Readonly<Record<string, unknown>>): WriteRecord;
  /** A copy of the stored ticket, or undefined. */
  ticket(id: number): Ticket | undefined;
  /** Copies of the ticket's comments, oldest first ([] for an unknown ticket). */
  comments(ticketId: number): Comment[];
  /** Copies of the ticket's audits, oldest first ([] for an unknown ticket). */
  audits(ticketId: number): Audit[];
  /** A copy of the stored user, or undefined. */
  user(id: number): User | undefined;
  /** Every applied write so far, oldest first. */
  writes(): readonly WriteRecord[];
  /** Every answered request so far, oldest first. */
  requests(): readonly RequestRecord[];
  /** Calls `listener` on each write and each answered request; returns the unsubscribe function. */
  subscribe(listener: (event: FakeZendeskEvent) => void): () => void;
  /** The account's ticket fields, macros, views, automations and app installations (fake/admin.ts). */
  readonly resources: AccountResources;
}

const DEFAULT_ORIGIN = 'https://fake.zendesk.com';
const DAY_MS = 86_400_000;
const SEARCH_RESULT_CAP = 1000;
const SHOW_MANY_LIMIT = 100;
/** The user standing in for "another agent" in concurrent edits. */
const OTHER_AGENT_ID = 2;
// Above any id Zendesk hands out today (ids are around 3e13), below Number.MAX_SAFE_INTEGER.
const FIRST_GENERATED_ID = 900_000_000_000_000;

const FIRST_SIMILAR_TICKET_ID = 800_000_000;

const SYSTEM_STATUS_TIME = '2020-01-01T00:00:00Z';

/** Zendesk's five system custom statuses, one default per status category. */
export const DEFAULT_CUSTOM_STATUSES: readonly CustomStatus[] = (
  [
    [1001, 'new', 'New', 'Ticket is awaiting assignment to an agent'],
    [1002, 'open', 'Open', 'Staff is working on the ticket'],
    [1003, 'pending', 'Pending', 'Staff is waiting for the requester to reply'],
    [1004, 'hold', 'On-hold', 'Staff is waiting for a third party'],
    [1005, 'solved', 'Solved', 'The ticket has been solved'],
  ] as const
).map(([id, category, label, description]) => ({
  id,
  status_category: category,
  agent_label: label,
  end_user_label: label === 'On-hold' || label === 'Pending' ? 'Awaiting your reply' : label,
  description,
  end_user_description: description,
  active: true,
  default: true,
  created_at: SYSTEM_STATUS_TIME,
  updated_at: SYSTEM_STATUS_TIME,
}));

/** Zendesk formats timestamps to the second; a fraction appears only when the fake must separate two writes. */
function isoTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.000Z$/u, 'Z');
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function clone<Value>(value: Value): Value {
  return structuredClone(value);
}

interface TicketRecord {
  ticket: Ticket;
  comments: Comment[];
  audits: Audit[];
}

interface Route {
  readonly method: FakeRequest['method'];
  readonly pattern: RegExp;
  readonly handle: (request: FakeRequest, params: readonly string[], scope: RequestScope) => FakeResponse;
}

interface WriteHow {
  readonly origin: WriteOrigin;
  readonly method: 'PUT' | 'POST';
  readonly url: string;
  readonly delivered: boolean;
}

interface RequestScope {
  /** False when the caller will not see this answer (a timeoutAfterApply fault). */
  readonly delivered: boolean;
  /** Set by a handler that refused the request for the rate limit. */
  rateLimited: boolean;
}

/** Creates an empty fake account; seed it with bundles. */
export function createFakeZendesk(options: FakeZendeskOptions = {}): FakeZendesk {
  return new InMemoryZendesk(options);
}

class InMemoryZendesk implements FakeZendesk {
  readonly origin: string;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private latencyMs: number;
  private readonly limiter: UpdateRateLimiter | null;
  private readonly currentUserId: number;
  private readonly customStatuses: readonly CustomStatus[];
  private readonly schedules: readonly BusinessSchedule[];
  private readonly categoryFieldId: number | undefined;

  private readonly tickets = new Map<number, TicketRecord>();
  private readonly users = new Map<number, User>();
  private readonly organizations = new Map<number, Organization>();
  private readonly groups = new Map<number, Group>();
  private readonly faults = new FaultQueue();
  private readonly writeLog: WriteRecord[] = [];
  private readonly requestLog: RequestRecord[] = [];
  private readonly listeners = new Set<(event: FakeZendeskEvent) => void>();
  private lastId = FIRST_GENERATED_ID;
  private lastTicketId = 0;
  // Similar tickets get ids of their own range, so seeding a later bundle never overwrites one.
  private lastSimilarTicketId = FIRST_SIMILAR_TICKET_ID;
  private readonly routes: readonly Route[];
  readonly resources: AccountResources;
  /** The signed-in user's role as configured; a seeded bundle's copy of that user does not change it. */
  private readonly currentRole: string | undefined;

  constructor(options: FakeZendeskOptions) {
    this.origin = (options.origin ?? DEFAULT_ORIGIN).replace(/\/+$/u, '');
    this.now = options.now ?? (() => Date.now());
    this.sleep = options.sleep ?? defaultSleep;
    this.latencyMs = options.latencyMs ?? 0;
    this.limiter =
      options.rateLimit === false
        ? null
        : new UpdateRateLimiter(options.rateLimit ?? ZENDESK_UPDATE_RATE_LIMIT);
    this.customStatuses = options.customStatuses ?? DEFAULT_CUSTOM_STATUSES;
    this.schedules = options.schedules ?? [];
    this.categoryFieldId = options.categoryFieldId;
    const agent = options.currentUser ?? { id: 1 };
    this.currentUserId = agent.id;
    const created = isoTimestamp(this.now());
    this.putUser(
      {
        id: agent.id,
        name: agent.name ?? 'Fake Agent',
        email: agent.email ?? 'agent@fake.zendesk.invalid',
        role: agent.role ?? 'agent',
      },
      created,
    );
    if (agent.id !== OTHER_AGENT_ID) {
      this.putUser(
        {
          id: OTHER_AGENT_ID,
          name: 'Another Agent (fake)',
          email: 'another.agent@fake.zendesk.invalid',
          role: 'agent',
        },
        created,
      );
    }
    this.seedGroups(options.groups ?? []);
    this.currentRole = options.currentUser?.role;
    this.resources = new AccountResources({
      origin: this.origin,
      nextId: this.nextId,
      timestamp: () => isoTimestamp(this.now()),
    });
    this.routes = this.buildRoutes();
  }

  // ── seeding ────────────────────────────────────────────────────────────────────────────────────────

  seed(input: unknown, seedOptions: SeedOptions = {}): SeedReport {
    const parsed = v.safeParse(seedBundleSchema, input);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      throw new TypeError(
        `Cannot seed the fake Zendesk: ${v.getDotPath(issue) ?? 'bundle'}: ${issue.message}`,
      );
    }
    const bundleNow = parsed.output.now;
    const timeShiftMs =
      seedOptions.shiftTimesToClock === true && bundleNow !== undefined
        ? this.now() - Date.parse(bundleNow)
        : 0;
    const bundle = timeShiftMs === 0 ? parsed.output : shiftTimestamps(parsed.output, timeShiftMs);
    const fallbackTime = bundle.now ?? isoTimestamp(this.now());
    const notes: string[] = [];

    for (const user of bundle.users) this.putUser(user, fallbackTime);
    if (bundle.organization !== null) {
      const organization = bundle.organization;
      const at = organization.created_at ?? fallbackTime;
      this.organizations.set(organization.id, {
        ...organization,
        url: organization.url ?? `${this.origin}/api/v2/organizations/${organization.id}.json`,
        created_at: at,
        updated_at: organization.updated_at ?? at,
      });
    }

    const ticket = this.ticketFromSeed(bundle.ticket, fallbackTime);
    const comments = bundle.comments.map((comment) => this.commentFromSeed(comment, ticket.created_at));
    this.tickets.set(ticket.id, { ticket, comments, audits: this.seedAudits(ticket, comments) });

    for (const other of bundle.requester_tickets) {
      if (this.tickets.has(other.id)) continue;
      const requesterTicket = this.ticketFromSeed(
        { ...other, requester_id: other.requester_id ?? ticket.requester_id },
        fallbackTime,
      );
      this.tickets.set(requesterTicket.id, {
        ticket: requesterTicket,
        comments: [],
        audits: this.seedAudits(requesterTicket, []),
      });
    }

    const similarTicketIds =
      bundle.similar_recent_tickets === undefined
        ? []
        : this.seedSimilarTickets(
            ticket,
            bundle.similar_recent_tickets,
            bundle.settings?.category_field_id,
            Date.parse(fallbackTime),
            notes,
          );
    return { ticketId: ticket.id, similarTicketIds, timeShiftMs, notes };
  }

  seedGroups(groups: readonly SeedGroup[]): void {
    for (const input of groups) {
      const parsed = v.safeParse(seedGroupSchema, input);
      if (!parsed.success) {
        const issue = parsed.issues[0];
        throw new TypeError(
          `Cannot seed group ${JSON.stringify(input)}: ${v.getDotPath(issue) ?? 'group'}: ${issue.message}`,
        );
      }
      const group = parsed.output;
      this.noteId(group.id);
      this.groups.set(group.id, {
        ...group,
        url: `${this.origin}/api/v2/groups/${group.id}.json`,
        created_at: SYSTEM_STATUS_TIME,
        updated_at: SYSTEM_STATUS_TIME,
      });
    }
  }

  seedUpdate(
    ticketId: number,
    change: Readonly<Record<string, unknown>>,
    options: { readonly at: string; readonly authorId: number },
  ): Audit {
    const record = this.tickets.get(ticketId);
    if (record === undefined) throw new RangeError(`seedUpdate: ticket ${ticketId} is not seeded.`);
    const at = Date.parse(options.at);
    if (Number.isNaN(at) || at < Date.parse(record.ticket.updated_at)) {
      throw new RangeError(
        `seedUpdate: ${options.at} is not a time at or after ticket ${ticketId}'s updated_at (${record.ticket.updated_at}); seed its history in order.`,
      );
    }
    let applied: AppliedWrite;
    try {
      applied = applyTicketUpdate(
        record.ticket,
        readTicketUpdate({ ticket: change }),
        this.writeContext(isoTimestamp(at), options.authorId),
      );
    } catch (error) {
      if (!(error instanceof RequestRejection)) throw error;
      throw new TypeError(
        `seedUpdate: ticket ${ticketId}: Zendesk would refuse this update (${JSON.stringify(error.response.body)}).`,
      );
    }
    if (applied.audit === null) {
      throw new RangeError(`seedUpdate: ${JSON.stringify(change)} changes nothing on ticket ${ticketId}.`);
    }
    record.ticket = applied.ticket;
    if (applied.comment !== null) record.comments.push(applied.comment);
    record.audits.push(applied.audit);
    return clone(applied.audit);
  }

  private noteId(id: number): void {
    if (id > this.lastId) this.lastId = id;
  }

  private nextId = (): number => {
    this.lastId += 1;
    return this.lastId;
  };

  private putUser(user: Partial<SeedUser> & { readonly id: number }, fallbackTime: string): void {
    this.noteId(user.id);
    const created = user.created_at ?? fallbackTime;
    this.users.set(user.id, {
      ...user,
      url: user.url ?? `${this.origin}/api/v2/users/${user.id}.json`,
      id: user.id,
      name: user.name ?? '',
      email: user.email ?? null,
      role: user.role ?? 'end-user',
      tags: user.tags ?? [],
      organization_id: user.organization_id ?? null,
      created_at: created,
      updated_at: user.updated_at ?? created,
      user_fields: user.user_fields ?? {},
    });
  }

  private ticketFromSeed(seed: SeedTicket, fallbackTime: string): Ticket {
    if (seed.id > this.lastTicketId && seed.id <= FIRST_SIMILAR_TICKET_ID) this.lastTicketId = seed.id;
    const created = seed.created_at ?? fallbackTime;
    // A seeded ticket's group exists in its account even when the bundle does not describe it.
    if (seed.group_id !== null && !this.groups.has(seed.group_id)) {
      this.seedGroups([{ id: seed.group_id, name: `Group ${seed.group_id}` }]);
    }
    return {
      ...seed,
      url: seed.url ?? `${this.origin}/api/v2/tickets/${seed.id}.json`,
      raw_subject: seed.raw_subject ?? seed.subject,
      created_at: created,
      updated_at: seed.updated_at ?? created,
      submitter_id: seed.submitter_id ?? seed.requester_id,
      custom_status_id: seed.custom_status_id ?? defaultCustomStatusId(this.customStatuses, seed.status),
      tags: [...seed.tags],
      custom_fields: seed.custom_fields.map((field) => ({ ...field })),
    };
  }

  private commentFromSeed(seed: SeedComment, ticketCreatedAt: string): Comment {
    this.noteId(seed.id);
    const body =
      seed.body ?? seed.plain_body ?? (seed.html_body === undefined ? '' : textFromHtml(seed.html_body));
    return {
      ...seed,
      type: 'Comment',
      body,
      html_body: seed.html_body ?? htmlFromText(body),
      plain_body: seed.plain_body ?? body,
      via: seed.via ?? { channel: 'web' },
      created_at: seed.created_at ?? ticketCreatedAt,
    };
  }

  // Seeded tickets get the history Zendesk would have: a Create audit (with the first comment) and one
  // audit per later comment, so the audits endpoint answers something true to the bundle.
  private seedAudits(ticket: Ticket, comments: Comment[]): Audit[] {
    const audits: Audit[] = [];
    const createId = this.nextId();
    const createEvents: AuditEvent[] = (
      [
        ['subject', ticket.subject],
        ['status', ticket.status],
        ['priority', ticket.priority],
        ['type', ticket.type],
        ['requester_id', ticket.requester_id],
        ['group_id', ticket.group_id],
        ['assignee_id', ticket.assignee_id],
        ['tags', ticket.tags],
      ] as const
    ).map(([fieldName, value]) => ({ id: this.nextId(), type: 'Create', field_name: fieldName, value }));
    const [first, ...rest] = comments;
    if (first !== undefined) {
      first.audit_id = createId;
      createEvents.unshift(commentEvent(first, this.nextId()));
    }
    const authorOf = (userId: number | null): number => userId ?? this.currentUserId;
    audits.push(
      this.auditRecord(
        createId,
        ticket.id,
        ticket.created_at,
        authorOf(ticket.submitter_id),
        ticket.via,
        createEvents,
      ),
    );
    for (const comment of rest) {
      const auditId = this.nextId();
      comment.audit_id = auditId;
      audits.push(
        this.auditRecord(auditId, ticket.id, comment.created_at, comment.author_id, comment.via, [
          commentEvent(comment, this.nextId()),
        ]),
      );
    }
    return audits;
  }

  private auditRecord(
    id: number,
    ticketId: number,
    createdAt: string,
    authorId: number,
    via: Audit['via'],
    events: AuditEvent[],
  ): Audit {
    return {
      id,
      ticket_id: ticketId,
      created_at: createdAt,
      author_id: authorId,
      metadata: { system: {}, custom: {} },
      via,
      events,
    };
  }

  /**
   * Makes `wanted` tickets other than `ticket` carry its category and have been created in the 24 h
   * before `windowEnd`, counting tickets already stored; so a category search like
   * `type:ticket custom_field_<id>:<category> created>24hours` counts them (plus `ticket` itself when it
   * is that recent, as in Zendesk).
   */
  private seedSimilarTickets(
    ticket: Ticket,
    wanted: number,
    bundleFieldId: number | string | undefined,
    windowEnd: number,
    notes: string[],
  ): number[] {
    const fieldId = bundleFieldId === undefined ? this.categoryFieldId : Number(bundleFieldId);
    if (fieldId === undefined) {
      notes.push(
        `similar_recent_tickets (${wanted}) not seeded: name the category field in settings.category_field_id or the categoryFieldId option.`,
      );
      return [];
    }
    const category = ticket.custom_fields.find((field) => field.id === fieldId)?.value ?? null;
    if (typeof category !== 'string' || category === '') {
      notes.push(
        `similar_recent_tickets (${wanted}) not seeded: ticket ${ticket.id} has no category in field ${fieldId}.`,
      );
      return [];
    }
    const windowStart = windowEnd - DAY_MS;
    const alreadyThere = [...this.tickets.values()].filter(({ ticket: other }) => {
      if (other.id === ticket.id) return false;
      const createdAt = Date.parse(other.created_at);
      const value = other.custom_fields.find((field) => field.id === fieldId)?.value;
      return createdAt > windowStart && createdAt <= windowEnd && value === category;
    }).length;
    if (alreadyThere > wanted) {
      notes.push(
        `${alreadyThere} stored tickets already match category ${category} in the window; wanted ${wanted}.`,
      );
    }
    const missing = Math.max(0, wanted - alreadyThere);
    // Spread evenly in whole seconds strictly inside the window, newest first.
    const stepSeconds = Math.max(1, Math.floor(DAY_MS / 1000 / (missing + 1)));
    const ids: number[] = [];
    for (let index = 0; index < missing; index += 1) {
      const createdAt = isoTimestamp(Math.floor(windowEnd / 1000) * 1000 - (index + 1) * stepSeconds * 1000);
      const requesterId = this.nextId();
      this.putUser(
        {
          id: requesterId,
          name: `Similar Customer ${index + 1}`,
          email: `similar.${requesterId}@example.invalid`,
          role: 'end-user',
        },
        createdAt,
      );
      this.lastSimilarTicketId += 1;
      const similar = this.ticketFromSeed(
        {
          id: this.lastSimilarTicketId,
          external_id: null,
          subject: `Similar ${category} issue ${index + 1} of ${missing} (fake)`,
          description: `Seeded by the fake Zendesk as one of ${wanted} recent tickets in category ${category}.`,
          status: 'open',
          priority: 'normal',
          type: 'incident',
          tags: [],
          via: { channel: 'web' },
          created_at: createdAt,
          updated_at: createdAt,
          requester_id: requesterId,
          organization_id: null,
          group_id: null,
          assignee_id: null,
          custom_fields: [{ id: fieldId, value: category }],
        },
        createdAt,
      );
      this.tickets.set(similar.id, { ticket: similar, comments: [], audits: this.seedAudits(similar, []) });
      ids.push(similar.id);
    }
    return ids;
  }

  // ── requests ───────────────────────────────────────────────────────────────────────────────────────

  async request(options: FakeRequestOptions): Promise<FakeResponse> {
    let request: FakeRequest;
    try {
      request = parseRequest(options, this.origin);
    } catch (error) {
      if (!(error instanceof RequestRejection)) throw error;
      return this.answered(options.type ?? options.method ?? 'GET', options.url, error.response, null);
    }
    if (this.latencyMs > 0) await this.sleep(this.latencyMs);

    let fault = this.faults.take(request);
    let held = false;
    if (fault?.kind === 'hold') {
      const release = await fault.until;
      if (release === 'drop') {
        return this.answered(request.method, request.url, networkErrorResponse(), 'hold');
      }
      // Let through, late but otherwise as sent.
      held = true;
      fault = undefined;
    }
    if (fault?.kind === 'network') {
      return this.answered(request.method, request.url, networkErrorResponse(), 'network');
    }
    if (fault !== undefined && (fault.kind === undefined || fault.kind === 'status')) {
      return this.answered(request.method, request.url, statusFaultResponse(fault), 'status');
    }
    if (fault?.kind === 'stale') {
      const ticketId = fault.ticketId ?? ticketIdInPath(request.path);
      if (ticketId !== undefined && this.tickets.has(ticketId))
        this.simulateConcurrentEdit(ticketId, fault.change);
    }
    const scope: RequestScope = { delivered: fault?.kind !== 'timeoutAfterApply', rateLimited: false };
    const response = this.route(request, scope);
    if (fault?.kind === 'timeoutAfterApply') {
      if (fault.afterMs !== undefined && fault.afterMs > 0) await this.sleep(fault.afterMs);
      return this.answered(request.method, request.url, timeoutResponse(), 'timeoutAfterApply');
    }
    return this.answered(
      request.method,
      request.url,
      response,
      scope.rateLimited ? 'rateLimit' : (fault?.kind ?? (held ? 'hold' : null)),
    );
  }

  private answered(
    method: string,
    url: string,
    response: FakeResponse,
    fault: RequestFault | null,
  ): FakeResponse {
    const record: RequestRecord = {
      sequence: this.requestLog.length + 1,
      at: isoTimestamp(this.now()),
      method: method.toUpperCase(),
      url,
      status: response.status,
      fault,
    };
    this.requestLog.push(record);
    this.emit({ type: 'request', request: record });
    return response;
  }

  private route(request: FakeRequest, scope: RequestScope): FakeResponse {
    const onPath = this.routes.flatMap((route) => {
      const match = route.pattern.exec(request.path);
      return match === null ? [] : [{ route, params: match.slice(1) }];
    });
    const chosen = onPath.find((candidate) => candidate.route.method === request.method);
    if (chosen === undefined) {
      const methods = onPath.map((candidate) => candidate.route.method);
      const description =
        methods.length === 0
          ? `The fake Zendesk has no endpoint ${request.path}. It serves tickets, comments, audits, users, organizations, groups, custom statuses, search, ticket fields, macros, views, automations and app installations' requirements under /api/v2.`
          : `The fake Zendesk serves ${request.path} only with ${methods.join(', ')}, not ${request.method}.`;
      return errorResponse(404, 'InvalidEndpoint', description);
    }
    try {
      return chosen.route.handle(request, chosen.params, scope);
    } catch (error) {
      if (error instanceof RequestRejection) return error.response;
      throw error;
    }
  }

  /** The signed-in user's role, for the endpoints Zendesk allows admins only. */
  private signedInRole(): string {
    return this.currentRole ?? this.users.get(this.currentUserId)?.role ?? 'agent';
  }

  private buildRoutes(): Route[] {
    const route = (method: Route['method'], path: string, handle: Route['handle']): Route => ({
      method,
      pattern: new RegExp(`^/api/v2/${path}$`, 'u'),
      handle,
    });
    return [
      route('GET', 'tickets/(\\d+)', (_request, [id]) =>
        jsonResponse(200, { ticket: clone(this.requireTicket(id).ticket) }),
      ),
      route('PUT', 'tickets/(\\d+)', (request, [id], scope) =>
        this.updateTicket(request, this.requireTicket(id), scope),
      ),
      route('POST', 'tickets', (request, _params, scope) => this.createTicket(request, scope)),
      route('GET', 'tickets/(\\d+)/comments', (request, [id]) => {
        const comments = this.requireTicket(id).comments;
        const ordered = request.query.get('sort_order') === 'desc' ? [...comments].reverse() : comments;
        return jsonResponse(200, clone(listPage('comments', ordered, request, this.origin)));
      }),
      route('GET', 'tickets/(\\d+)/audits', (request, [id]) =>
        jsonResponse(200, clone(listPage('audits', this.requireTicket(id).audits, request, this.origin))),
      ),
      route('GET', 'users/show_many', (request) => this.showManyUsers(request)),
      route('GET', 'users/me', () => jsonResponse(200, { user: clone(this.users.get(this.currentUserId)) })),
      route('GET', 'users/(\\d+)', (_request, [id]) => {
        const user = this.users.get(Number(id));
        return user === undefined ? notFound() : jsonResponse(200, { user: clone(user) });
      }),
      route('GET', 'users/(\\d+)/tickets/requested', (request, [id]) => {
        const requesterId = Number(id);
        if (!this.users.has(requesterId)) return notFound();
        const requested = [...this.tickets.values()]
          .map((record) => record.ticket)
          .filter((ticket) => ticket.requester_id === requesterId)
          .sort((left, right) => left.id - right.id);
        return jsonResponse(200, clone(listPage('tickets', requested, request, this.origin)));
      }),
      route('GET', 'organizations/(\\d+)', (_request, [id]) => {
        const organization = this.organizations.get(Number(id));
        return organization === undefined
          ? notFound()
          : jsonResponse(200, { organization: clone(organization) });
      }),
      route('GET', 'groups', (request) => {
        const groups = [...this.groups.values()]
          .filter((group) => !group.deleted)
          .sort((left, right) => left.id - right.id);
        return jsonResponse(200, clone(listPage('groups', groups, request, this.origin)));
      }),
      route(
        'GET',
        'business_hours/schedules(?:/\\d+(?:/holidays)?)?',
        (request) => scheduleResponse(request.path, this.schedules, this.signedInRole()) ?? notFound(),
      ),
      route('GET', 'custom_statuses', () =>
        jsonResponse(200, { custom_statuses: clone(this.customStatuses) }),
      ),
      route('GET', 'search/count', (request) =>
        jsonResponse(200, { count: this.searchTickets(request).length }),
      ),
      route('GET', 'search', (request) => this.searchPage(request)),
      // Ticket fields, macros, views, automations and installations' requirements (fake/admin.ts).
      ...this.resources
        .routes(() => this.signedInRole())
        .map(({ method, path, handle }) => route(method, path, (request, params) => handle(request, params))),
    ];
  }

  private requireTicket(id: string | undefined): TicketRecord {
    const record = this.tickets.get(Number(id));
    if (record === undefined) throw new RequestRejection(notFound());
    return record;
  }

  // ── writes ─────────────────────────────────────────────────────────────────────────────────────────

  /** A timestamp strictly after `previous`, so every write moves `updated_at` even within one ms. */
  private writeTime(previous: string): string {
    const previousMs = Date.parse(previous);
    return isoTimestamp(Math.max(this.now(), Number.isNaN(previousMs) ? 0 : previousMs + 1));
  }

  private writeContext(at: string, userId: number): WriteContext {
    return {
      nextId: this.nextId,
      at,
      userId,
      customStatuses: this.customStatuses,
      groupExists: (groupId) => this.groups.get(groupId)?.deleted === false,
    };
  }

  private updateTicket(request: FakeRequest, record: TicketRecord, scope: RequestScope): FakeResponse {
    const ticketId = record.ticket.id;
    const refusal = this.limiter?.admit(this.currentUserId, ticketId, this.now()) ?? null;
    if (refusal !== null) {
      scope.rateLimited = true;
      return errorResponse(
        429,
        'TooManyRequests',
        `Too many updates to ticket ${ticketId}; retry after ${refusal.retryAfterSeconds} s.`,
        { headers: { 'retry-after': String(refusal.retryAfterSeconds) } },
      );
    }
    const update = readTicketUpdate(request.body);
    if (update.safe_update === true) {
      if (update.updated_stamp === undefined) {
        return errorResponse(
          422,
          'RecordInvalid',
          'safe_update needs updated_stamp: the updated_at of the ticket as read.',
        );
      }
      const stamp = Date.parse(update.updated_stamp);
      if (Number.isNaN(stamp) || stamp !== Date.parse(record.ticket.updated_at)) {
        return errorResponse(
          409,
          'UpdateConflict',
          'Safe Update prevented the update due to outdated ticket data. Please fetch the latest ticket data and try again.',
        );
      }
    }
    const applied = applyTicketUpdate(
      record.ticket,
      update,
      this.writeContext(this.writeTime(record.ticket.updated_at), this.currentUserId),
    );
    this.commit(record, applied, {
      origin: 'request',
      method: 'PUT',
      url: request.url,
      delivered: scope.delivered,
    });
    const body =
      applied.audit === null
        ? { ticket: clone(applied.ticket) }
        : { ticket: clone(applied.ticket), audit: clone(applied.audit) };
    return jsonResponse(200, body);
  }

  private createTicket(request: FakeRequest, scope: RequestScope): FakeResponse {
    const input = readTicketCreate(request.body);
    const at = isoTimestamp(this.now());
    let requesterId = input.requester_id ?? this.currentUserId;
    if (input.requester_id === undefined && input.requester !== undefined) {
      const email = input.requester.email.toLowerCase();
      const known = [...this.users.values()].find((user) => user.email?.toLowerCase() === email);
      requesterId = known?.id ?? this.nextId();
      if (known === undefined) {
        this.putUser(
          {
            id: requesterId,
            name: input.requester.name ?? input.requester.email,
            email: input.requester.email,
          },
          at,
        );
      }
    }
    this.lastTicketId += 1;
    const ticketId = this.lastTicketId;
    const applied = createTicket(
      input,
      { ticketId, requesterId, url: `${this.origin}/api/v2/tickets/${ticketId}.json` },
      this.writeContext(at, this.currentUserId),
    );
    const record: TicketRecord = { ticket: applied.ticket, comments: [], audits: [] };
    this.tickets.set(ticketId, record);
    this.commit(record, applied, {
      origin: 'request',
      method: 'POST',
      url: request.url,
      delivered: scope.delivered,
    });
    return jsonResponse(
      201,
      { ticket: clone(applied.ticket), audit: clone(applied.audit) },
      { location: `${this.origin}/api/v2/tickets/${ticketId}.json` },
    );
  }

  simulateConcurrentEdit(
    ticketId: number,
    change: Readonly<Record<string, unknown>> = { additional_tags: ['fake_concurrent_edit'] },
  ): WriteRecord {
    const record = this.tickets.get(ticketId);
    if (record === undefined)
      throw new RangeError(`simulateConcurrentEdit: ticket ${ticketId} is not seeded.`);
    const update = readTicketUpdate({ ticket: change });
    const applied = applyTicketUpdate(
      record.ticket,
      update,
      this.writeContext(this.writeTime(record.ticket.updated_at), OTHER_AGENT_ID),
    );
    if (applied.audit === null) {
      throw new RangeError(
        `simulateConcurrentEdit: ${JSON.stringify(change)} changes nothing on ticket ${ticketId}; pick a change that does.`,
      );
    }
    return this.commit(
      record,
      { ...applied, audit: applied.audit },
      {
        origin: 'concurrent-edit',
        method: 'PUT',
        url: `/api/v2/tickets/${ticketId}.json`,
        delivered: true,
      },
    );
  }

  /** Stores an applied write and logs it; a write that changed nothing (no audit) is not a write. */
  private commit(
    record: TicketRecord,
    applied: AppliedWrite & { readonly audit: Audit },
    how: WriteHow,
  ): WriteRecord;
  private commit(record: TicketRecord, applied: AppliedWrite, how: WriteHow): WriteRecord | null;
  private commit(record: TicketRecord, applied: AppliedWrite, how: WriteHow): WriteRecord | null {
    const audit = applied.audit;
    if (audit === null) return null;
    record.ticket = applied.ticket;
    if (applied.comment !== null) record.comments.push(applied.comment);
    record.audits.push(audit);
    const write: WriteRecord = {
      sequence: this.writeLog.length + 1,
      at: audit.created_at,
      origin: how.origin,
      method: how.method,
      url: how.url,
      ticketId: record.ticket.id,
      auditId: audit.id,
      authorId: audit.author_id,
      events: clone(audit.events),
      summary: audit.events.map(describeEvent),
      delivered: how.delivered,
    };
    this.writeLog.push(write);
    this.emit({ type: 'write', write });
    return write;
  }

  // ── reads ──────────────────────────────────────────────────────────────────────────────────────────

  private showManyUsers(request: FakeRequest): FakeResponse {
    const text = request.query.get('ids') ?? '';
    const ids = text
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '');
    if (ids.length === 0) {
      return errorResponse(
        400,
        'InvalidParameter',
        'users/show_many needs ids=1,2,3 (comma-separated user ids).',
      );
    }
    if (ids.length > SHOW_MANY_LIMIT) {
      return errorResponse(
        400,
        'InvalidParameter',
        `users/show_many takes at most ${SHOW_MANY_LIMIT} ids; got ${ids.length}. Split the request.`,
      );
    }
    if (ids.some((part) => !/^\d+$/u.test(part))) {
      return errorResponse(400, 'InvalidParameter', `users/show_many ids must be numbers; got "${text}".`);
    }
    // Unknown ids are left out, as Zendesk does, rather than failing the whole request.
    const users = [...new Set(ids.map(Number))].flatMap((id) => {
      const user = this.users.get(id);
      return user === undefined ? [] : [clone(user)];
    });
    return jsonResponse(200, { users });
  }

  private searchTickets(request: FakeRequest): Ticket[] {
    const text = request.query.get('query');
    if (text === null || text.trim() === '') {
      throw new RequestRejection(
        errorResponse(
          400,
          'InvalidSearch',
          'Search needs a query parameter, e.g. query=type:ticket status:open.',
        ),
      );
    }
    try {
      const parsed = parseSearchQuery(text);
      const matches = ticketMatcher(parsed, {
        now: this.now(),
        usersMatching: (reference) =>
          this.idsMatching(this.users.values(), reference, (user) => [user.email, user.name]),
        groupsMatching: (reference) =>
          this.idsMatching(this.groups.values(), reference, (group) => [group.name]),
        organizationsMatching: (reference) =>
          this.idsMatching(this.organizations.values(), reference, (organization) => [organization.name]),
        textOf: (ticket) =>
          [
            ticket.subject,
            ticket.description,
            ...(this.tickets.get(ticket.id)?.comments ?? []).map((comment) => comment.body),
          ].join(' '),
      });
      const sortParam = request.query.get('sort_by');
      const orderParam = request.query.get('sort_order');
      const sortBy = sortParam === null ? parsed.orderBy : sortFieldOf(sortParam);
      const sortOrder =
        orderParam === 'asc' || orderParam === 'desc' ? orderParam : (parsed.sortOrder ?? 'desc');
      const found = [...this.tickets.values()].map((record) => record.ticket).filter(matches);
      // Zendesk orders by relevance when no sort is given; the fake's stand-in for relevance is id order.
      return sortBy === null
        ? found.sort((left, right) => left.id - right.id)
        : sortTickets(found, sortBy, sortOrder);
    } catch (error) {
      if (error instanceof SearchQueryError)
        throw new RequestRejection(errorResponse(400, 'InvalidSearch', error.message));
      throw error;
    }
  }

  private idsMatching<Item extends { readonly id: number }>(
    items: Iterable<Item>,
    reference: string,
    namesOf: (item: Item) => readonly (string | null)[],
  ): ReadonlySet<number> {
    const wanted = reference === 'me' ? String(this.currentUserId) : reference.toLowerCase();
    const ids = new Set<number>();
    for (const item of items) {
      if (String(item.id) === wanted || namesOf(item).some((name) => name?.toLowerCase() === wanted))
        ids.add(item.id);
    }
    return ids;
  }

  private searchPage(request: FakeRequest): FakeResponse {
    const found = this.searchTickets(request);
    const page = positiveInteger(request.query, 'page', 1);
    const perPage = Math.min(MAX_PAGE_SIZE, positiveInteger(request.query, 'per_page', MAX_PAGE_SIZE));
    const start = (page - 1) * perPage;
    if (start >= SEARCH_RESULT_CAP) {
      return errorResponse(
        422,
        'InvalidSearch',
        `Requested response size was greater than Search Response Limits: search returns at most ${SEARCH_RESULT_CAP} results; narrow the query (e.g. by created date).`,
      );
    }
    const reachable = Math.min(found.length, SEARCH_RESULT_CAP);
    const end = Math.min(start + perPage, reachable);
    const results = found.slice(start, end).map((ticket) => ({ ...clone(ticket), result_type: 'ticket' }));
    return jsonResponse(200, {
      results,
      facets: null,
      next_page: end < reachable ? linkTo(request, this.origin, { page: String(page + 1) }) : null,
      previous_page: page > 1 ? linkTo(request, this.origin, { page: String(page - 1) }) : null,
      count: found.length,
    });
  }

  // ── inspection and control ─────────────────────────────────────────────────────────────────────────

  failNext(fault: FaultSpec): void {
    this.faults.add(fault);
  }

  pendingFaults(): readonly FaultSpec[] {
    return this.faults.pending();
  }

  clearFaults(): void {
    this.faults.clear();
  }

  setLatency(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0)
      throw new RangeError(`Latency must be a non-negative number of ms; got ${ms}.`);
    this.latencyMs = ms;
  }

  ticket(id: number): Ticket | undefined {
    const record = this.tickets.get(id);
    return record === undefined ? undefined : clone(record.ticket);
  }

  comments(ticketId: number): Comment[] {
    return clone(this.tickets.get(ticketId)?.comments ?? []);
  }

  audits(ticketId: number): Audit[] {
    return clone(this.tickets.get(ticketId)?.audits ?? []);
  }

  user(id: number): User | undefined {
    const user = this.users.get(id);
    return user === undefined ? undefined : clone(user);
  }

  writes(): readonly WriteRecord[] {
    return [...this.writeLog];
  }

  requests(): readonly RequestRecord[] {
    return [...this.requestLog];
  }

  subscribe(listener: (event: FakeZendeskEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private emit(event: FakeZendeskEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        // A broken subscriber must not turn into a failed request; report it where it cannot be missed.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}

function notFound(): FakeResponse {
  return errorResponse(404, 'RecordNotFound', 'Not found');
}

function ticketIdInPath(path: string): number | undefined {
  const match = /^\/api\/v2\/tickets\/(\d+)/u.exec(path);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function statusFaultResponse(fault: StatusFault): FakeResponse {
  const retryAfter = fault.retryAfter ?? (fault.status === 429 ? 1 : undefined);
  const headers: Record<string, string> =
    retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) };
  const [error, description] =
    fault.status === 429
      ? ['TooManyRequests', `Rate limit exceeded; retry after ${retryAfter ?? 1} s.`]
      : fault.status === 503
        ? ['ServiceUnavailable', 'Zendesk is temporarily unavailable; retry later.']
        : fault.status >= 500
          ? ['InternalServerError', 'Something went wrong on the Zendesk side (injected fault).']
          : ['InjectedFault', `Injected ${fault.status} response.`];
  return errorResponse(fault.status, error, fault.description ?? description, { headers });
}

const RANKS: Readonly<Record<'priority' | 'status', readonly string[]>> = {
  priority: TICKET_PRIORITIES,
  status: TICKET_STATUSES,
};

function sortTickets(tickets: Ticket[], field: SearchSortField, order: 'asc' | 'desc'): Ticket[] {
  const key = (ticket: Ticket): number | string => {
    switch (field) {
      case 'created_at':
        return Date.parse(ticket.created_at);
      case 'updated_at':
        return Date.parse(ticket.updated_at);
      case 'priority':
        return ticket.priority === null ? -1 : RANKS.priority.indexOf(ticket.priority);
      case 'status':
        return RANKS.status.indexOf(ticket.status);
      case 'ticket_type':
        return ticket.type ?? '';
    }
  };
  const direction = order === 'asc' ? 1 : -1;
  return tickets.sort((left, right) => {
    const a = key(left);
    const b = key(right);
    const compared = a < b ? -1 : a > b ? 1 : left.id - right.id;
    return compared * direction;
  });
}

/** Keys of timestamps inside a custom field's JSON text (the app's escalation record: `at`, `dueAt`). */
const EMBEDDED_TIME_KEY = /^at$|_at$|At$/u;

/**
 * Moves every `*_at` ISO timestamp (and `now`) in a value by `shiftMs`, and the timestamps inside a custom
 * field whose text is a JSON object (the escalation record), so a case's record stays in step with its
 * ticket.
 */
function shiftTimestamps<Value>(value: Value, shiftMs: number): Value {
  const shiftEmbedded = (text: string): string => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return text;
    }
    if (json === null || typeof json !== 'object' || Array.isArray(json)) return text;
    const inner = (node: unknown, key: string): unknown => {
      if (typeof node === 'string' && EMBEDDED_TIME_KEY.test(key)) {
        const at = Date.parse(node);
        return Number.isNaN(at) ? node : new Date(at + shiftMs).toISOString();
      }
      if (Array.isArray(node)) return node.map((item) => inner(item, key));
      if (node !== null && typeof node === 'object') {
        return Object.fromEntries(Object.entries(node).map(([k, child]) => [k, inner(child, k)]));
      }
      return node;
    };
    return JSON.stringify(inner(json, ''));
  };
  const visit = (node: unknown, key: string): unknown => {
    if (typeof node === 'string') {
      if (key === 'value' && node.startsWith('{')) return shiftEmbedded(node);
      if (key !== 'now' && !key.endsWith('_at')) return node;
      const at = Date.parse(node);
      return Number.isNaN(at) ? node : isoTimestamp(at + shiftMs);
    }
    if (Array.isArray(node)) return node.map((item) => visit(item, key));
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(
        Object.entries(node).map(([childKey, child]) => [childKey, visit(child, childKey)]),
      );
    }
    return node;
  };
  return visit(value, '') as Value;
}
