/**
 * Tells the sidebar when the ticket changed under it, so it can reload and decide again. Host events
 * come in bursts (a macro changes tags, status and comments at once), so they are collected for a
 * short quiet period and reported once.
 */
import type { ZafClient } from './types';

/** Options of `watchTicket`. */
export interface WatchOptions {
  /** Custom fields whose changes matter (the category and refund-amount fields); nulls are skipped. */
  readonly customFieldIds?: readonly (number | null)[];
  /** Quiet period before reporting, in ms; default 300. */
  readonly debounceMs?: number;
}

/** The host events that can change the decision, besides the custom fields'. */
export const WATCHED_EVENTS = [
  'ticket.tags.changed',
  'ticket.status.changed',
  'ticket.comments.changed',
  // The subject is the customer's words too: another agent retitling the ticket can change the rules.
  'ticket.subject.changed',
  'ticket.description.changed',
  // ZAF names a related object's change by the property: a new requester fires ticket.requester.id.changed.
  'ticket.requester.id.changed',
  'ticket.organization.id.changed',
] as const;

/**
 * Subscribes to the ticket's changes. `onChange` gets the events seen in the burst, comma-separated in
 * the order they first fired. Returns the unsubscribe function, which also drops a pending report.
 */
export function watchTicket(
  client: ZafClient,
  onChange: (what: string) => void,
  options: WatchOptions = {},
): () => void {
  const debounceMs = options.debounceMs ?? 300;
  const fieldEvents = (options.customFieldIds ?? [])
    .filter((id): id is number => id !== null)
    .map((id) => `ticket.custom_field_${id}.changed`);
  const events = [...new Set([...WATCHED_EVENTS, ...fieldEvents])];
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const flush = (): void => {
    timer = null;
    if (stopped || pending.size === 0) return;
    const what = [...pending].join(', ');
    pending.clear();
    onChange(what);
  };

  const subscriptions = events.map((event) => {
    const handler = (): void => {
      if (stopped) return;
      pending.add(event);
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(flush, debounceMs);
    };
    client.on(event, handler);
    return { event, handler };
  });

  return () => {
    stopped = true;
    if (timer !== null) clearTimeout(timer);
    pending.clear();
    for (const { event, handler } of subscriptions) client.off(event, handler);
  };
}
