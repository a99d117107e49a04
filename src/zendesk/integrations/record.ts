/**
 * What was handed off is recorded on the ticket itself: one internal note per hand-off, ending with a
 * marker `(Escalation Guide hand-off <escalation key>/<kind>)`, and for Jira the tag `jira_<key>`. Before
 * sending, the app reads the ticket's latest comments for these markers, so nothing that landed is sent
 * again: not on a retry, not after a reload, not from another agent's sidebar.
 */
import * as v from 'valibot';
import { rest, restAs, type RestOptions } from '../rest';
import type { ZafClient } from '../types';
import { HANDOFF_KINDS, type HandoffKind } from './settings';

const MARKER = /\(Escalation Guide hand-off (\S+)\/([a-z]+)\)/gu;

/** How a hand-off's note begins, before what was sent. */
export const NOTE_PREFIX = 'Escalation Guide hand-off: ';

/** The marker line that ends a hand-off's note. */
export function handoffMarker(escalationKey: string, kind: HandoffKind): string {
  return `(Escalation Guide hand-off ${escalationKey}/${kind})`;
}

/** A hand-off the ticket records: its note's first line (what was sent, with the Jira key and link). */
export interface Recorded {
  readonly kind: HandoffKind;
  readonly summary: string;
}

/** The hand-offs of `escalationKey` recorded in `comments`. */
export function recordedHandoffs(
  comments: readonly {
    readonly body?: string | null | undefined;
    readonly plain_body?: string | null | undefined;
    readonly public?: boolean | null | undefined;
  }[],
  escalationKey: string,
): Map<HandoffKind, Recorded> {
  const found = new Map<HandoffKind, Recorded>();
  for (const comment of comments) {
    if (comment.public === true) continue;
    const text = comment.body ?? comment.plain_body ?? '';
    for (const match of text.matchAll(MARKER)) {
      const kind = HANDOFF_KINDS.find((candidate) => candidate === match[2]);
      if (match[1] !== escalationKey || kind === undefined || found.has(kind)) continue;
      const first = text.split('\n')[0]?.trim() ?? '';
      found.set(kind, {
        kind,
        summary: first.startsWith(NOTE_PREFIX) ? first.slice(NOTE_PREFIX.length) : first,
      });
    }
  }
  return found;
}

const commentsAnswer = v.looseObject({
  comments: v.array(
    v.looseObject({
      body: v.nullish(v.string()),
      plain_body: v.nullish(v.string()),
      public: v.nullish(v.boolean()),
    }),
  ),
});

/** Reads the ticket's newest 100 comments and returns the hand-offs recorded for the escalation. */
export async function readRecorded(
  client: ZafClient,
  ticketId: number,
  escalationKey: string,
  options: RestOptions = {},
): Promise<Map<HandoffKind, Recorded>> {
  const answer = await restAs(
    client,
    { url: `/api/v2/tickets/${String(ticketId)}/comments.json?sort_order=desc&page[size]=100` },
    commentsAnswer,
    'a page of comments',
    options,
  );
  return recordedHandoffs(answer.comments, escalationKey);
}

/** The tag naming a Jira issue: `jira_` and the key in lower case (a tag has no spaces or odd signs). */
export function jiraTag(issueKey: string): string {
  return `jira_${issueKey.toLowerCase().replace(/[^a-z0-9_-]/gu, '_')}`;
}

/**
 * Writes the hand-off's internal note (and tags). No `safe_update`: an added note cannot overwrite
 * anyone's change, and a hand-off that landed must be recorded even when the ticket moved on.
 */
export async function writeRecord(
  client: ZafClient,
  ticketId: number,
  note: string,
  tags: readonly string[],
  options: RestOptions = {},
): Promise<void> {
  await rest(
    client,
    {
      method: 'PUT',
      url: `/api/v2/tickets/${String(ticketId)}.json`,
      body: {
        ticket: {
          comment: { body: note, public: false },
          ...(tags.length === 0 ? {} : { additional_tags: [...tags] }),
        },
      },
    },
    options,
  );
}
