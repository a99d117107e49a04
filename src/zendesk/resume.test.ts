import { describe, expect, it } from 'vitest';
import { decide, parseBundle, type Bundle } from '../engine';
import { outageBundle } from '../../fake/fixtures';
import { buildPlan } from './plan';
import { unfinishedEscalation } from './resume';
import { DEFAULT_SETTINGS } from './settings';
import type { AppSettings } from './types';

const AGENT = { id: 7, name: 'Tomasz Nowak' };
const SETTINGS: AppSettings = { ...DEFAULT_SETTINGS, groups: { l2: 9001, engineering: 9002, legal: 9005 } };

function outage(): Bundle {
  const parsed = parseBundle(outageBundle(17));
  if (!parsed.ok) throw new Error(parsed.error);
  return { ...parsed.bundle, similar_recent_tickets: 17 };
}

/** The plan a confirm to `targets` makes on `bundle`. */
function plan(bundle: Bundle, targets: ('l2' | 'engineering' | 'legal')[] = ['engineering', 'legal']) {
  return buildPlan({
    bundle,
    decision: decide(bundle),
    choice: { targets, overrideReason: 'testing', note: 'Outage note.', message: 'Hello Brenda.' },
    settings: SETTINGS,
    agent: AGENT,
  });
}

let nextId = 900;
/** `bundle` with comments appended, as Zendesk would list them after the writes. */
function withComments(
  bundle: Bundle,
  ...comments: { body: string; public: boolean; author_id: number }[]
): Bundle {
  const at = '2025-08-20T23:00:00Z';
  return {
    ...bundle,
    ticket: { ...bundle.ticket, updated_at: at },
    comments: [
      ...(bundle.comments ?? []),
      ...comments.map((comment) => ({ ...comment, id: (nextId += 1), created_at: at })),
    ],
  };
}

describe('unfinishedEscalation', () => {
  it('finds the escalation whose note is the newest comment, or is followed only by its reply', () => {
    const first = plan(outage());
    const note = { body: first.internalNote, public: false, author_id: AGENT.id };
    const reply = { body: first.customerMessage, public: true, author_id: AGENT.id };
    const afterNote = withComments(outage(), note);
    expect(unfinishedEscalation(afterNote, ['engineering', 'legal'])).toBe(first.escalationKey);
    expect(unfinishedEscalation(withComments(outage(), note, reply), ['engineering', 'legal'])).toBe(
      first.escalationKey,
    );
    // Planned again on the ticket as it reads now: the same key, and the writer looks before writing.
    const again = plan(afterNote);
    expect(again.escalationKey).toBe(first.escalationKey);
    expect(again.resumes).toBe(true);
    expect(again.warnings).toContainEqual(expect.stringContaining(first.escalationKey));
  });

  it('does not continue when the ticket moved on, the teams differ, or the note is not an escalation', () => {
    const first = plan(outage());
    const note = { body: first.internalNote, public: false, author_id: AGENT.id };
    const customer = { body: 'Any news?', public: true, author_id: 123 };
    const otherNote = { body: 'Looking into it.', public: false, author_id: AGENT.id };
    expect(unfinishedEscalation(outage(), ['engineering', 'legal'])).toBeNull();
    expect(unfinishedEscalation(withComments(outage(), note, customer), ['engineering', 'legal'])).toBeNull();
    expect(
      unfinishedEscalation(withComments(outage(), note, otherNote), ['engineering', 'legal']),
    ).toBeNull();
    expect(unfinishedEscalation(withComments(outage(), note), ['engineering'])).toBeNull();
    expect(unfinishedEscalation(withComments(outage(), note), ['legal', 'engineering'])).toBeNull();
    const other = { ...note, body: note.body.replace(/eg-433871-/u, 'eg-433872-') };
    expect(unfinishedEscalation(withComments(outage(), other), ['engineering', 'legal'])).toBeNull();
    const fresh = plan(withComments(outage(), note, customer));
    expect(fresh.escalationKey).not.toBe(first.escalationKey);
    expect(fresh.resumes).toBeUndefined();
  });
});
