/**
 * Zendesk's two list paginations. Cursor pagination (`page[size]`, `page[after]`, `page[before]`) answers
 * `meta` and `links`; without `page[size]` a list is offset-paged (`page`, `per_page`) and answers
 * `next_page`, `previous_page` and `count`, which is what the same endpoint does in Zendesk.
 */
import { errorResponse, RequestRejection, type FakeRequest } from './http';

/** Largest page either pagination hands out. */
export const MAX_PAGE_SIZE = 100;
/** Zendesk refuses offset pages past the 100th (since 2023); cursor pagination has no such limit. */
export const MAX_OFFSET_PAGE = 100;

/** The `meta` of a cursor page. */
export interface CursorMeta {
  has_more: boolean;
  after_cursor: string | null;
  before_cursor: string | null;
}

/** The `links` of a cursor page: absolute URLs, usable as the next request as they are. */
export interface CursorLinks {
  next: string | null;
  prev: string | null;
}

/** A cursor page of items under `key` (`comments`, `tickets`, `audits`, `groups`). */
export type CursorPage<Key extends string, Item> = Record<Key, Item[]> & {
  meta: CursorMeta;
  links: CursorLinks;
};

/** An offset page of items under `key`. */
export type OffsetPage<Key extends string, Item> = Record<Key, Item[]> & {
  next_page: string | null;
  previous_page: string | null;
  count: number;
};

/** Whether a request asked for cursor pagination. */
export function wantsCursor(query: URLSearchParams): boolean {
  return query.has('page[size]') || query.has('page[after]') || query.has('page[before]');
}

// Cursors are opaque to clients; this one names the item the page ends (or starts) at, so a cursor
// stays valid while items are appended after it, like Zendesk's.
function encodeCursor(itemId: number): string {
  return btoa(`item:${itemId}`).replace(/=+$/u, '');
}

function decodeCursor(cursor: string, parameter: string): number {
  let text: string;
  try {
    text = atob(cursor);
  } catch {
    text = '';
  }
  const match = /^item:(\d+)$/u.exec(text);
  if (match?.[1] === undefined) {
    throw new RequestRejection(
      errorResponse(
        400,
        'InvalidPaginationParameter',
        `${parameter} is not a cursor this endpoint returned; pass meta.after_cursor (or follow links.next) unchanged.`,
      ),
    );
  }
  return Number(match[1]);
}

/** Reads a positive integer parameter, rejecting what Zendesk rejects. */
export function positiveInteger(query: URLSearchParams, name: string, fallback: number): number {
  const text = query.get(name);
  if (text === null || text === '') return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RequestRejection(
      errorResponse(400, 'InvalidPaginationParameter', `${name} must be a positive integer; got "${text}".`),
    );
  }
  return value;
}

/** An absolute URL for the same request with some query parameters replaced (null removes one). */
export function linkTo(
  request: FakeRequest,
  origin: string,
  changes: Readonly<Record<string, string | null>>,
): string {
  const query = new URLSearchParams(request.query);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) query.delete(name);
    else query.set(name, value);
  }
  const pathname = request.url.split('?')[0] ?? request.url;
  const search = query.toString();
  return `${origin}${pathname}${search === '' ? '' : `?${search}`}`;
}

/** One cursor page of `items` (already in answer order), under `key`. */
export function cursorPage<Key extends string, Item extends { readonly id: number }>(
  key: Key,
  items: readonly Item[],
  request: FakeRequest,
  origin: string,
): CursorPage<Key, Item> {
  const size = positiveInteger(request.query, 'page[size]', MAX_PAGE_SIZE);
  if (size > MAX_PAGE_SIZE) {
    throw new RequestRejection(
      errorResponse(
        400,
        'InvalidPaginationParameter',
        `page[size] must be at most ${MAX_PAGE_SIZE}; got ${size}.`,
      ),
    );
  }
  const after = request.query.get('page[after]');
  const before = request.query.get('page[before]');
  let start: number;
  let end: number;
  let hasMore: boolean;
  if (after !== null && after !== '') {
    start = indexOfCursor(items, decodeCursor(after, 'page[after]'), 'page[after]') + 1;
    end = Math.min(items.length, start + size);
    hasMore = end < items.length;
  } else if (before !== null && before !== '') {
    end = indexOfCursor(items, decodeCursor(before, 'page[before]'), 'page[before]');
    start = Math.max(0, end - size);
    hasMore = start > 0;
  } else {
    start = 0;
    end = Math.min(items.length, size);
    hasMore = end < items.length;
  }
  const page = items.slice(start, end);
  const first = page[0];
  const last = page[page.length - 1];
  const afterCursor = last === undefined ? null : encodeCursor(last.id);
  const beforeCursor = first === undefined ? null : encodeCursor(first.id);
  const meta: CursorMeta = { has_more: hasMore, after_cursor: afterCursor, before_cursor: beforeCursor };
  // Like Zendesk, both links are given whenever there is a cursor: `meta.has_more` says whether to follow.
  const links: CursorLinks = {
    next:
      afterCursor === null
        ? null
        : linkTo(request, origin, {
            'page[after]': afterCursor,
            'page[before]': null,
            'page[size]': String(size),
          }),
    prev:
      beforeCursor === null
        ? null
        : linkTo(request, origin, {
            'page[before]': beforeCursor,
            'page[after]': null,
            'page[size]': String(size),
          }),
  };
  return { [key]: page, meta, links } as CursorPage<Key, Item>;
}

function indexOfCursor(items: readonly { readonly id: number }[], itemId: number, parameter: string): number {
  const index = items.findIndex((item) => item.id === itemId);
  if (index === -1) {
    throw new RequestRejection(
      errorResponse(
        400,
        'InvalidPaginationParameter',
        `${parameter} points at an item this list no longer has.`,
      ),
    );
  }
  return index;
}

/** One offset page of `items`, under `key`; `per_page` above 100 is lowered to 100 as Zendesk does. */
export function offsetPage<Key extends string, Item>(
  key: Key,
  items: readonly Item[],
  request: FakeRequest,
  origin: string,
): OffsetPage<Key, Item> {
  const page = positiveInteger(request.query, 'page', 1);
  const perPage = Math.min(MAX_PAGE_SIZE, positiveInteger(request.query, 'per_page', MAX_PAGE_SIZE));
  if (page > MAX_OFFSET_PAGE) {
    throw new RequestRejection(
      errorResponse(
        400,
        'InvalidPaginationParameter',
        `Offset pagination stops at page ${MAX_OFFSET_PAGE}; use cursor pagination (page[size]) for longer lists.`,
      ),
    );
  }
  const start = (page - 1) * perPage;
  const slice = items.slice(start, start + perPage);
  return {
    [key]: slice,
    next_page: start + perPage < items.length ? linkTo(request, origin, { page: String(page + 1) }) : null,
    previous_page: page > 1 ? linkTo(request, origin, { page: String(page - 1) }) : null,
    count: items.length,
  } as OffsetPage<Key, Item>;
}

/** A list page in whichever pagination the request asked for. */
export function listPage<Key extends string, Item extends { readonly id: number }>(
  key: Key,
  items: readonly Item[],
  request: FakeRequest,
  origin: string,
): CursorPage<Key, Item> | OffsetPage<Key, Item> {
  return wantsCursor(request.query)
    ? cursorPage(key, items, request, origin)
    : offsetPage(key, items, request, origin);
}
