/**
 * The subset of Zendesk's search query language the fake understands, for tickets only: enough to count
 * similar recent tickets and to page through a search. A query the fake cannot answer faithfully is
 * refused with a message naming the part it does not support, rather than silently matching nothing.
 *
 * Semantics follow Zendesk's search reference: terms are ANDed; the same property given several times
 * with `:` (`status:open status:pending`) is ORed; `-` negates a term; `<`/`>` compare dates, statuses
 * (new < open < pending < hold < solved < closed) and priorities; dates are read in UTC.
 */
import {
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type Ticket,
  type TicketPriority,
  type TicketStatus,
} from './types';

/** A comparison operator of the query language. */
export type SearchOperator = ':' | '<' | '>' | '<=' | '>=';

/** One term of a query: `-tags:vip` is `{ negated: true, key: 'tags', operator: ':', value: 'vip' }`. */
export interface SearchTerm {
  readonly negated: boolean;
  /** Null for free text. */
  readonly key: string | null;
  readonly operator: SearchOperator;
  readonly value: string;
}

/** A parsed query: its filtering terms and the ordering it asked for with `order_by:` / `sort:`. */
export interface ParsedSearchQuery {
  readonly terms: readonly SearchTerm[];
  readonly orderBy: SearchSortField | null;
  readonly sortOrder: 'asc' | 'desc' | null;
}

/** Fields search results can be ordered by. */
export const SEARCH_SORT_FIELDS = ['created_at', 'updated_at', 'priority', 'status', 'ticket_type'] as const;
/** A field search results can be ordered by. */
export type SearchSortField = (typeof SEARCH_SORT_FIELDS)[number];

/** A query the fake refuses; its message says which part and what is supported. */
export class SearchQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SearchQueryError';
  }
}

/** What matching needs from the store beyond the ticket itself. */
export interface SearchContext {
  /** The clock, in ms, for relative dates such as `created>24hours`. */
  readonly now: number;
  /** Ids of users whose id, email or name equals `reference` (case-insensitive). */
  readonly usersMatching: (reference: string) => ReadonlySet<number>;
  /** Ids of groups whose id or name equals `reference`. */
  readonly groupsMatching: (reference: string) => ReadonlySet<number>;
  /** Ids of organizations whose id or name equals `reference`. */
  readonly organizationsMatching: (reference: string) => ReadonlySet<number>;
  /** All words of a ticket for free-text terms: subject, description and comment bodies. */
  readonly textOf: (ticket: Ticket) => string;
}

const KEY_AND_OPERATOR = /^([A-Za-z_][A-Za-z0-9_]*)(<=|>=|:|<|>)/u;

/** Splits a query into terms; throws SearchQueryError on unbalanced quotes or empty values. */
export function parseSearchQuery(query: string): ParsedSearchQuery {
  const terms: SearchTerm[] = [];
  let orderBy: SearchSortField | null = null;
  let sortOrder: 'asc' | 'desc' | null = null;
  let position = 0;
  while (position < query.length) {
    const rest = query.slice(position);
    const leadingSpace = /^\s+/u.exec(rest);
    if (leadingSpace !== null) {
      position += leadingSpace[0].length;
      continue;
    }
    let cursor = position;
    const negated = query[cursor] === '-';
    if (negated) cursor += 1;
    const keyMatch = KEY_AND_OPERATOR.exec(query.slice(cursor));
    let key: string | null = null;
    let operator: SearchOperator = ':';
    if (keyMatch?.[1] !== undefined && keyMatch[2] !== undefined) {
      key = keyMatch[1].toLowerCase();
      operator = keyMatch[2] as SearchOperator;
      cursor += keyMatch[0].length;
    }
    let value: string;
    if (query[cursor] === '"') {
      const closing = query.indexOf('"', cursor + 1);
      if (closing === -1) throw new SearchQueryError(`Unbalanced quote in search query: ${query}`);
      value = query.slice(cursor + 1, closing);
      cursor = closing + 1;
    } else {
      const word = /^\S*/u.exec(query.slice(cursor))?.[0] ?? '';
      value = word;
      cursor += word.length;
    }
    position = cursor;
    if (value === '') {
      if (key === null) continue;
      throw new SearchQueryError(`Search term "${key}${operator}" has no value.`);
    }
    if (key === 'order_by') {
      orderBy = sortFieldOf(value);
      continue;
    }
    if (key === 'sort') {
      const order = value.toLowerCase();
      if (order !== 'asc' && order !== 'desc')
        throw new SearchQueryError(`sort:${value} must be asc or desc.`);
      sortOrder = order;
      continue;
    }
    terms.push({ negated, key, operator, value });
  }
  return { terms, orderBy, sortOrder };
}

/** Reads `order_by:` / `sort_by=` values, accepting Zendesk's short names (`created`, `updated`). */
export function sortFieldOf(value: string): SearchSortField {
  const name = value.toLowerCase();
  const field = name === 'created' ? 'created_at' : name === 'updated' ? 'updated_at' : name;
  const known = SEARCH_SORT_FIELDS.find((candidate) => candidate === field);
  if (known === undefined) {
    throw new SearchQueryError(
      `Cannot sort search results by "${value}"; use one of ${SEARCH_SORT_FIELDS.join(', ')}.`,
    );
  }
  return known;
}

type TicketPredicate = (ticket: Ticket) => boolean;

/**
 * Builds a predicate for tickets from a parsed query. Throws SearchQueryError for a `type:` other than
 * ticket and for properties the fake does not implement.
 */
export function ticketMatcher(query: ParsedSearchQuery, context: SearchContext): TicketPredicate {
  const orGroups = new Map<string, TicketPredicate[]>();
  const andPredicates: TicketPredicate[] = [];
  for (const term of query.terms) {
    const predicate = termPredicate(term, context);
    if (predicate === null) continue;
    const positive = term.negated ? (ticket: Ticket) => !predicate(ticket) : predicate;
    if (term.key !== null && !term.negated && term.operator === ':') {
      const group = orGroups.get(term.key) ?? [];
      group.push(positive);
      orGroups.set(term.key, group);
    } else {
      andPredicates.push(positive);
    }
  }
  for (const group of orGroups.values()) {
    andPredicates.push((ticket) => group.some((predicate) => predicate(ticket)));
  }
  return (ticket) => andPredicates.every((predicate) => predicate(ticket));
}

function termPredicate(term: SearchTerm, context: SearchContext): TicketPredicate | null {
  const { key, value } = term;
  if (key === null) return textPredicate(value, context.textOf);
  const lowered = value.toLowerCase();
  const customField = /^custom_field_(\d+)$/u.exec(key);
  if (customField?.[1] !== undefined) {
    requireEquality(term);
    const fieldId = Number(customField[1]);
    return (ticket) => customFieldMatches(ticket, fieldId, lowered);
  }
  switch (key) {
    case 'type':
      requireEquality(term);
      if (lowered !== 'ticket') {
        throw new SearchQueryError(`The fake Zendesk searches tickets only; type:${value} is not supported.`);
      }
      return null;
    case 'status':
      return orderedPredicate(term, TICKET_STATUSES, (ticket) => ticket.status);
    case 'priority':
      return orderedPredicate(term, TICKET_PRIORITIES, (ticket) => ticket.priority);
    case 'ticket_type':
      requireEquality(term);
      return (ticket) => (lowered === 'none' ? ticket.type === null : ticket.type === lowered);
    case 'tags':
    case 'tag':
      requireEquality(term);
      return (ticket) =>
        lowered === 'none'
          ? ticket.tags.length === 0
          : ticket.tags.some((tag) => tag.toLowerCase() === lowered);
    case 'group':
    case 'group_id':
      requireEquality(term);
      return referencePredicate(lowered, (ticket) => ticket.group_id, context.groupsMatching);
    case 'assignee':
    case 'assignee_id':
      requireEquality(term);
      return referencePredicate(lowered, (ticket) => ticket.assignee_id, context.usersMatching);
    case 'requester':
    case 'requester_id':
      requireEquality(term);
      return referencePredicate(lowered, (ticket) => ticket.requester_id, context.usersMatching);
    case 'submitter':
      requireEquality(term);
      return referencePredicate(lowered, (ticket) => ticket.submitter_id, context.usersMatching);
    case 'organization':
    case 'organization_id':
      requireEquality(term);
      return referencePredicate(lowered, (ticket) => ticket.organization_id, context.organizationsMatching);
    case 'via':
      requireEquality(term);
      return (ticket) => ticket.via.channel.toLowerCase() === lowered;
    case 'subject':
      requireEquality(term);
      return textPredicate(value, (ticket) => ticket.subject);
    case 'description':
      requireEquality(term);
      return textPredicate(value, (ticket) => ticket.description);
    case 'created':
      return datePredicate(term, context.now, (ticket) => ticket.created_at);
    case 'updated':
      return datePredicate(term, context.now, (ticket) => ticket.updated_at);
    default:
      throw new SearchQueryError(
        `The fake Zendesk does not support the search property "${key}". Supported: type, status, priority, ` +
          'ticket_type, tags, group, assignee, requester, submitter, organization, via, subject, description, ' +
          'created, updated, custom_field_<id>, order_by, sort, and free text.',
      );
  }
}

function requireEquality(term: SearchTerm): void {
  if (term.operator !== ':') {
    throw new SearchQueryError(
      `${term.key ?? 'text'}${term.operator}${term.value}: only ":" applies to this property.`,
    );
  }
}

// Zendesk matches a word when the search word is the word itself or its beginning ("top" finds "Top Ten",
// not "Desktop"); a quoted phrase must appear as a whole.
function textPredicate(value: string, textOf: (ticket: Ticket) => string): TicketPredicate {
  const words = value
    .toLowerCase()
    .split(/\s+/u)
    .filter((word) => word !== '');
  return (ticket) => {
    const haystack = ` ${textOf(ticket)
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
    const phrase = words.map((word) => word.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()).join(' ');
    return haystack.includes(` ${phrase}`);
  };
}

function customFieldMatches(ticket: Ticket, fieldId: number, wanted: string): boolean {
  const value = ticket.custom_fields.find((field) => field.id === fieldId)?.value ?? null;
  if (wanted === 'none')
    return value === null || value === '' || (Array.isArray(value) && value.length === 0);
  if (value === null) return false;
  if (Array.isArray(value)) return value.some((item) => item.toLowerCase() === wanted);
  return String(value).toLowerCase() === wanted;
}

function referencePredicate(
  reference: string,
  read: (ticket: Ticket) => number | null,
  resolve: (reference: string) => ReadonlySet<number>,
): TicketPredicate {
  if (reference === 'none') return (ticket) => read(ticket) === null;
  const ids = resolve(reference);
  return (ticket) => {
    const idOnTicket = read(ticket);
    return idOnTicket !== null && ids.has(idOnTicket);
  };
}

function orderedPredicate<Value extends TicketStatus | TicketPriority>(
  term: SearchTerm,
  order: readonly Value[],
  read: (ticket: Ticket) => Value | null,
): TicketPredicate {
  const wanted = term.value.toLowerCase();
  const rank = order.findIndex((candidate) => candidate === wanted);
  if (rank === -1) {
    if (term.operator === ':' && wanted === 'none') return (ticket) => read(ticket) === null;
    throw new SearchQueryError(
      `${term.key ?? ''}${term.operator}${term.value}: use one of ${order.join(', ')}.`,
    );
  }
  return (ticket) => {
    const current = read(ticket);
    if (current === null) return false;
    return compare(order.indexOf(current), term.operator, rank);
  };
}

function compare(left: number, operator: SearchOperator, right: number): boolean {
  switch (operator) {
    case ':':
      return left === right;
    case '<':
      return left < right;
    case '>':
      return left > right;
    case '<=':
      return left <= right;
    case '>=':
      return left >= right;
  }
}

const UNIT_MS: Readonly<Record<string, number>> = {
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
  month: 30 * 86_400_000,
  year: 365 * 86_400_000,
};
const DAY_MS = 86_400_000;

function datePredicate(term: SearchTerm, now: number, read: (ticket: Ticket) => string): TicketPredicate {
  const value = term.value.toLowerCase();
  const relative = /^(\d+)(minute|hour|day|week|month|year)s?$/u.exec(value);
  // A relative time or a timestamp names an instant; a bare date names a whole UTC day [from, to).
  let from: number;
  let to: number | null = null;
  if (relative?.[1] !== undefined && relative[2] !== undefined) {
    if (term.operator === ':') {
      throw new SearchQueryError(
        `${term.key ?? ''}:${term.value}: relative times need < or >, as in created>24hours.`,
      );
    }
    from = now - Number(relative[1]) * (UNIT_MS[relative[2]] ?? 0);
  } else if (/^\d{4}-\d{2}-\d{2}$/u.test(value)) {
    from = Date.parse(`${value}T00:00:00Z`);
    to = from + DAY_MS;
  } else {
    from = Date.parse(term.value);
  }
  if (Number.isNaN(from)) {
    throw new SearchQueryError(
      `${term.key ?? ''}${term.operator}${term.value}: use a date (2025-08-20), a timestamp ` +
        '(2025-08-20T23:10:00Z) or a relative time (24hours, 2days).',
    );
  }
  const dayEnd = to;
  return (ticket) => {
    const at = Date.parse(read(ticket));
    if (Number.isNaN(at)) return false;
    if (dayEnd === null) {
      // Zendesk timestamps have whole seconds, so ":" with a timestamp means the same second.
      return term.operator === ':'
        ? Math.floor(at / 1000) === Math.floor(from / 1000)
        : compare(at, term.operator, from);
    }
    switch (term.operator) {
      case ':':
        return at >= from && at < dayEnd;
      case '>':
        return at >= dayEnd;
      case '>=':
        return at >= from;
      case '<':
        return at < from;
      case '<=':
        return at < dayEnd;
    }
  };
}
