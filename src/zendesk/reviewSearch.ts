/**
 * Ticket search for the supervisors' review, with Zendesk's limits: offset pages of 100, at most 1,000
 * results per query (a page past the 10th is refused with 422), and `count` telling the true total.
 *
 * The first page answers `count`; the other pages are then known (`page=2…n`, exactly what `next_page`
 * links to) and are fetched a few at a time instead of one after another, which saves up to nine round
 * trips. Results are ordered by creation time, oldest first, so a ticket updated during the load does
 * not move between pages.
 */
import * as v from 'valibot';
import { parseAnswer, rest, withQuery, type RestOptions } from './rest';
import { mapBounded, REVIEW_CONCURRENCY } from './reviewPool';
import type { ZafClient } from './types';

/** Zendesk's page size ceiling for search. */
export const SEARCH_PAGE_SIZE = 100;
/** Zendesk returns at most this many results for one query. */
export const SEARCH_RESULT_LIMIT = 1000;

/** A ticket as a search result carries it, as far as the review reads it. */
export const searchTicketSchema = v.looseObject({
  id: v.number(),
  subject: v.optional(v.nullable(v.string()), ''),
  status: v.string(),
  group_id: v.optional(v.nullable(v.number()), null),
  tags: v.optional(v.array(v.string()), []),
  created_at: v.string(),
  updated_at: v.string(),
  custom_fields: v.optional(
    v.array(v.looseObject({ id: v.number(), value: v.optional(v.unknown(), null) })),
    [],
  ),
});
/** A ticket search result. */
export type SearchTicket = v.InferOutput<typeof searchTicketSchema>;

const pageSchema = v.looseObject({
  results: v.array(v.looseObject({ result_type: v.optional(v.string()) })),
  count: v.number(),
  next_page: v.nullish(v.string()),
});

/** What one query found. */
export interface SearchOutcome {
  tickets: SearchTicket[];
  /** Zendesk's count of every match, including those past the limit. */
  count: number;
  /** True when `count` is above what search hands out: only the first 1,000 are in `tickets`. */
  capped: boolean;
}

/** Options of `searchTickets`. */
export interface SearchOptions extends RestOptions {
  /** Pages in flight at once after the first; default REVIEW_CONCURRENCY. */
  readonly concurrency?: number;
}

/** Every ticket matching `query` that search hands out, oldest first; see the module header. */
export async function searchTickets(
  client: ZafClient,
  query: string,
  options: SearchOptions = {},
): Promise<SearchOutcome> {
  const base = withQuery('/api/v2/search.json', {
    query,
    sort_by: 'created_at',
    sort_order: 'asc',
    per_page: String(SEARCH_PAGE_SIZE),
  });
  const pageUrl = (page: number): string => withQuery(base, { page: String(page) });
  const readPage = async (
    page: number,
  ): Promise<{ tickets: SearchTicket[]; count: number; more: boolean }> => {
    const url = pageUrl(page);
    const call = { method: 'GET' as const, url };
    const body = parseAnswer(pageSchema, await rest(client, call, options), 'a page of search results', call);
    const tickets = body.results
      .filter((result) => result.result_type === undefined || result.result_type === 'ticket')
      .map((result) => parseAnswer(searchTicketSchema, result, 'a ticket in search results', call));
    return { tickets, count: body.count, more: body.next_page !== null && body.next_page !== undefined };
  };

  const first = await readPage(1);
  const reachable = Math.min(first.count, SEARCH_RESULT_LIMIT);
  const pages = first.more ? Math.ceil(reachable / SEARCH_PAGE_SIZE) : 1;
  const others = await mapBounded(
    Array.from({ length: Math.max(0, pages - 1) }, (_, index) => index + 2),
    options.concurrency ?? REVIEW_CONCURRENCY,
    readPage,
  );
  const seen = new Set<number>();
  const tickets: SearchTicket[] = [];
  for (const ticket of [first, ...others].flatMap((page) => page.tickets)) {
    if (seen.has(ticket.id)) continue;
    seen.add(ticket.id);
    tickets.push(ticket);
  }
  return { tickets, count: first.count, capped: first.count > SEARCH_RESULT_LIMIT };
}
