/**
 * Which ZAF change events a change of the ticket form fires. The host takes a snapshot of what the app
 * can read before and after every change (the app's own set/invoke, another agent's update, a Submit)
 * and fires `<property>.changed` for each property that differs, with the new value as the payload, plus
 * the wildcard `*.changed` with `{propertyName, newValue}`.
 */
import type { CustomFieldValue } from '../../fake/types';
import type { Editor } from './form';
import type { ZafTicket } from '../../fake/zaf-objects';

/** What the app can read, at one moment. */
export interface Snapshot {
  readonly ticket: ZafTicket;
  readonly customFields: ReadonlyMap<number, CustomFieldValue>;
  readonly editor: Readonly<Editor>;
}

/** One event to send to the app. */
export interface ZafEvent {
  readonly name: string;
  readonly payload: unknown;
}

/**
 * Ticket properties with change events, and how to read each from the ZAF ticket. Related objects fire
 * per property (`ticket.requester.id.changed`, `ticket.assignee.group.id.changed`), as Zendesk's list
 * of ticket change events names them; there is no `ticket.requester.changed`.
 */
const WATCHED: readonly (readonly [string, (ticket: ZafTicket) => unknown])[] = [
  ['ticket.subject', (ticket) => ticket.subject],
  ['ticket.status', (ticket) => ticket.status],
  ['ticket.customStatus', (ticket) => ticket.customStatus],
  ['ticket.priority', (ticket) => ticket.priority],
  ['ticket.type', (ticket) => ticket.type],
  ['ticket.tags', (ticket) => ticket.tags],
  ['ticket.externalId', (ticket) => ticket.externalId],
  ['ticket.requester.id', (ticket) => ticket.requester?.id ?? null],
  ['ticket.requester.name', (ticket) => ticket.requester?.name ?? null],
  ['ticket.requester.email', (ticket) => ticket.requester?.email ?? null],
  ['ticket.assignee.user.id', (ticket) => ticket.assignee.user?.id ?? null],
  ['ticket.assignee.user.name', (ticket) => ticket.assignee.user?.name ?? null],
  ['ticket.assignee.user.email', (ticket) => ticket.assignee.user?.email ?? null],
  ['ticket.assignee.group.id', (ticket) => ticket.assignee.group?.id ?? null],
  ['ticket.assignee.group.name', (ticket) => ticket.assignee.group?.name ?? null],
  ['ticket.comments', (ticket) => ticket.comments],
];

function same(left: unknown, right: unknown): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}

/** The events that turn `before` into `after`, property events first, each followed by its wildcard. */
export function changeEvents(before: Snapshot, after: Snapshot): ZafEvent[] {
  const changed: [string, unknown][] = [];
  for (const [property, read] of WATCHED) {
    const value = read(after.ticket);
    if (!same(read(before.ticket), value)) changed.push([property, value]);
  }
  const fieldIds = new Set([...before.customFields.keys(), ...after.customFields.keys()]);
  for (const id of [...fieldIds].sort((left, right) => left - right)) {
    const value = after.customFields.get(id) ?? null;
    if (!same(before.customFields.get(id) ?? null, value)) changed.push([`ticket.custom_field_${id}`, value]);
  }
  if (before.editor.text !== after.editor.text) changed.push(['comment.text', after.editor.text]);
  if (before.editor.type !== after.editor.type) changed.push(['comment.type', after.editor.type]);
  return changed.flatMap(([propertyName, newValue]) => [
    { name: `${propertyName}.changed`, payload: newValue },
    { name: '*.changed', payload: { propertyName, newValue } },
  ]);
}
