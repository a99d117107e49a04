/**
 * Failures on purpose: queued faults that hit the next matching request, and the ticket-update rate limit
 * Zendesk enforces. They let tests and the local host rehearse what production does to a write: 429 with
 * `Retry-After`, 5xx, an answer lost after the write was applied, another agent editing first, the
 * network gone, and a request held on the wire until the test lets it go.
 */
import type { FakeRequest } from './http';

/** Which requests a fault hits: a predicate, or a regular expression tested on the path and query. */
export type RequestMatcher = RegExp | ((request: FakeRequest) => boolean);

interface FaultBase {
  /** Which requests the fault hits; each kind has a sensible default (see the kind). */
  readonly match?: RequestMatcher;
  /** How many matching requests it hits before it is used up; default 1. */
  readonly times?: number;
}

/** Answer with an error status instead of handling the request; nothing is applied. Hits any request by default. */
export interface StatusFault extends FaultBase {
  readonly kind?: 'status';
  /** 429, 500, 503... */
  readonly status: number;
  /** Seconds for the `Retry-After` header; a 429 always carries one (default 1), as Zendesk's do. */
  readonly retryAfter?: number;
  /** Replaces the default error description. */
  readonly description?: string;
}

/**
 * Apply the request, then lose the answer: the caller sees a timeout (status 0) although the write
 * happened, the case an idempotent retry must survive. Hits any non-GET request by default.
 */
export interface TimeoutAfterApplyFault extends FaultBase {
  readonly kind: 'timeoutAfterApply';
  /** How long the caller waits before the timeout, in ms of the fake's timer; default 0. */
  readonly afterMs?: number;
}

/**
 * Another agent updates the ticket just before the matched request is handled, so a `safe_update` built
 * from an earlier read gets 409. Hits the next `PUT /api/v2/tickets/{id}` by default.
 */
export interface StaleFault extends FaultBase {
  readonly kind: 'stale';
  /** The other agent's update, as a PUT's `ticket` object; default adds the tag `fake_concurrent_edit`. */
  readonly change?: Readonly<Record<string, unknown>>;
  /** Ticket to change; default the ticket in the matched request's URL. */
  readonly ticketId?: number;
}

/**
 * The network is down: the request never reaches Zendesk, so nothing is applied, and the caller sees no
 * answer (status 0, `network error`). Hits any request by default; queue it with a large `times` and
 * clear the queue to bring the network back.
 */
export interface NetworkFault extends FaultBase {
  readonly kind: 'network';
}

/** What becomes of a held request when its hold is released. */
export type HoldRelease = 'deliver' | 'drop';

/**
 * Holds the matched request before Zendesk handles it, until `until` settles: `deliver` lets it through
 * as if it had been slow on the wire, `drop` loses it as a network error (nothing applied). A test can
 * act at an exact point of a write sequence (reload the app between two writes) without sleeping.
 * Hits any non-GET request by default.
 */
export interface HoldFault extends FaultBase {
  readonly kind: 'hold';
  readonly until: Promise<HoldRelease>;
}

/** A fault for `FakeZendesk.failNext`. */
export type FaultSpec = StatusFault | TimeoutAfterApplyFault | StaleFault | NetworkFault | HoldFault;

const TICKET_PUT = /^\/api\/v2\/tickets\/\d+$/u;

function defaultMatch(fault: FaultSpec, request: FakeRequest): boolean {
  if (fault.kind === 'stale') return request.method === 'PUT' && TICKET_PUT.test(request.path);
  if (fault.kind === 'timeoutAfterApply' || fault.kind === 'hold') return request.method !== 'GET';
  return true;
}

function matches(fault: FaultSpec, request: FakeRequest): boolean {
  const matcher = fault.match;
  if (matcher === undefined) return defaultMatch(fault, request);
  if (matcher instanceof RegExp) {
    // A /g or /y expression remembers where it stopped; every request must be tested from the start.
    matcher.lastIndex = 0;
    return matcher.test(request.url);
  }
  return matcher(request);
}

/** Queued faults, first queued first; each request takes at most one. */
export class FaultQueue {
  private readonly entries: { fault: FaultSpec; remaining: number }[] = [];

  /** Queues a fault. */
  add(fault: FaultSpec): void {
    const times = fault.times ?? 1;
    if (!Number.isSafeInteger(times) || times < 1) {
      throw new RangeError(`A fault's times must be a positive integer; got ${times}.`);
    }
    this.entries.push({ fault, remaining: times });
  }

  /** Takes the first queued fault that matches the request, using up one of its times. */
  take(request: FakeRequest): FaultSpec | undefined {
    const index = this.entries.findIndex((entry) => matches(entry.fault, request));
    const entry = this.entries[index];
    if (entry === undefined) return undefined;
    entry.remaining -= 1;
    if (entry.remaining === 0) this.entries.splice(index, 1);
    return entry.fault;
  }

  /** Faults still waiting for a request. */
  pending(): readonly FaultSpec[] {
    return this.entries.map((entry) => entry.fault);
  }

  /** Drops every queued fault. */
  clear(): void {
    this.entries.length = 0;
  }
}

/** Limits on ticket updates, per Zendesk's rate-limit reference. */
export interface UpdateRateLimit {
  /** Updates one user may make to one ticket within `windowMs`; Zendesk: 30. */
  readonly perUserAndTicket: number;
  /** The window for `perUserAndTicket`; Zendesk: 10 minutes. */
  readonly windowMs: number;
  /** Ticket updates per account per minute; Zendesk: 100. */
  readonly perAccountPerMinute: number;
}

/** Zendesk's published limits on the Update Ticket endpoint. */
export const ZENDESK_UPDATE_RATE_LIMIT: UpdateRateLimit = {
  perUserAndTicket: 30,
  windowMs: 10 * 60_000,
  perAccountPerMinute: 100,
};

/** Sliding-window counters for ticket updates. */
export class UpdateRateLimiter {
  private readonly perKey = new Map<string, number[]>();
  private readonly account: number[] = [];

  constructor(private readonly limit: UpdateRateLimit) {}

  /**
   * Records one update by `userId` to `ticketId` at `now` if the limits allow it and returns null;
   * otherwise records nothing and returns the whole seconds to wait, for `Retry-After`.
   */
  admit(userId: number, ticketId: number, now: number): { readonly retryAfterSeconds: number } | null {
    const key = `${userId}:${ticketId}`;
    const forKey = prune(this.perKey.get(key) ?? [], now - this.limit.windowMs);
    const forAccount = prune(this.account, now - 60_000);
    this.perKey.set(key, forKey);
    const waits: number[] = [];
    const oldestForKey = forKey[0];
    if (forKey.length >= this.limit.perUserAndTicket && oldestForKey !== undefined) {
      waits.push(oldestForKey + this.limit.windowMs - now);
    }
    const oldestForAccount = forAccount[0];
    if (forAccount.length >= this.limit.perAccountPerMinute && oldestForAccount !== undefined) {
      waits.push(oldestForAccount + 60_000 - now);
    }
    if (waits.length > 0) {
      return { retryAfterSeconds: Math.max(1, Math.ceil(Math.max(...waits) / 1000)) };
    }
    forKey.push(now);
    forAccount.push(now);
    return null;
  }
}

// Drops timestamps at or before `since`, in place, and returns the same array.
function prune(timestamps: number[], since: number): number[] {
  const firstKept = timestamps.findIndex((at) => at > since);
  timestamps.splice(0, firstKept === -1 ? timestamps.length : firstKept);
  return timestamps;
}
