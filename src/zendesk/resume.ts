/**
 * An escalation that started on the ticket and may not have finished: a confirm whose sidebar was
 * reloaded, or whose browser closed, between its writes. Its note (with the escalation key) is on the
 * ticket, and nothing has happened since but its own reply. Confirming the same teams again continues
 * it under the same key, so the note is not written again and what is missing is completed.
 */
import { TEAMS, type Bundle, type Target } from '../engine';

/** The words of an escalation note's footer that name the chosen teams (plan.ts writes them). */
export function chosenTeams(targets: readonly Target[]): string {
  return `chosen ${targets.map((target) => TEAMS[target].label).join(', ')}.`;
}

const KEY_LINE = /^Escalation key: (eg-[\w-]+)$/mu;

/**
 * The key of the escalation to `targets` whose note (naming this ticket) is the ticket's newest internal
 * comment, with at most one comment after it, by the note's author (the escalation's own reply);
 * otherwise null.
 * Anything else after the note (a customer's answer, another agent's note) means the ticket moved on,
 * and a confirm is a new escalation.
 */
export function unfinishedEscalation(bundle: Bundle, targets: readonly Target[]): string | null {
  const comments = bundle.comments ?? [];
  const noteAt = comments.findLastIndex((comment) => comment.public === false);
  const note = comments[noteAt];
  const text = note?.body ?? '';
  const after = comments.slice(noteAt + 1);
  const key = KEY_LINE.exec(text)?.[1];
  return key?.startsWith(`eg-${String(bundle.ticket.id)}-`) === true &&
    text.includes(`; ${chosenTeams(targets)}\n`) &&
    after.length < 2 &&
    after.every((comment) => comment.author_id === note?.author_id)
    ? key
    : null;
}
