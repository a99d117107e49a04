/**
 * Exactly-once writes, shared by every write the sidebar makes (the escalation, a follow-up, a "solve
 * anyway" note): one run per key at a time, and a step that looks for its own marker on the ticket before
 * writing whenever an earlier attempt may have landed (an answer lost to a timeout, a 5xx, a repeated
 * click), reporting `already_done` instead of writing twice.
 */
import * as v from 'valibot';
import { defaultSleep, restAs, ZendeskError, type RestOptions } from './rest';
import type { StepResult, ZafClient } from './types';

/** How one step ended. `conflict`: a safe update met someone else's change (409) and wrote nothing. */
export type StepOutcome =
  | { readonly kind: 'ok'; readonly step: StepResult }
  | { readonly kind: 'conflict'; readonly step: StepResult }
  | { readonly kind: 'failed'; readonly step: StepResult; readonly error: string };

/** Writes per step before giving up when every answer is lost. */
export const MAX_WRITE_ATTEMPTS = 3;

/** One step of a write: how to write it and how to tell that it already landed. */
export interface AttemptSpec {
  readonly step: StepResult['step'];
  /** The step in words, for the failure message. */
  readonly what: string;
  /** Whether an earlier attempt may already have written this step. */
  readonly mayHaveLanded: boolean;
  /** Looks for the step's marker on the ticket. */
  readonly landed: () => Promise<boolean>;
  readonly write: () => Promise<unknown>;
  readonly onDone: () => StepOutcome;
  readonly onFound: () => StepOutcome;
  readonly onConflict?: () => Promise<StepOutcome>;
}

/**
 * The pause before sending again a write Zendesk refused with 409 although it carried no `safe_update`:
 * another request was updating the same ticket at that moment, and such a lock clears within moments.
 */
const LOCK_PAUSE_MS = 1000;

/**
 * The exactly-once loop: look for the marker when a write may have landed, write, and on an answer that
 * leaves it unknown (timeout, 5xx) look again before writing again. 429s were already waited out in
 * rest.ts. A 409 means two things: on a safe update, the ticket changed since it was read (`onConflict`);
 * on a write without `safe_update` (a reply, a linked ticket), another request held the ticket at that
 * moment and nothing was applied, so it is sent again after a pause.
 */
export async function attempt(opts: RestOptions, spec: AttemptSpec): Promise<StepOutcome> {
  let mayHaveLanded = spec.mayHaveLanded;
  let lastError: ZendeskError | null = null;
  for (let round = 1; round <= MAX_WRITE_ATTEMPTS; round += 1) {
    try {
      if (mayHaveLanded && (await spec.landed())) return spec.onFound();
    } catch (error) {
      return stepFailed(spec, `could not check whether ${spec.what} already landed`, error);
    }
    try {
      await spec.write();
      return spec.onDone();
    } catch (error) {
      if (!(error instanceof ZendeskError)) return stepFailed(spec, `${spec.what} failed`, error);
      if (error.kind === 'conflict' && spec.onConflict !== undefined) {
        try {
          return await spec.onConflict();
        } catch (checkError) {
          return stepFailed(spec, `could not check whether ${spec.what} already landed`, checkError);
        }
      }
      if (error.kind === 'conflict') {
        lastError = error;
        if (round < MAX_WRITE_ATTEMPTS) await (opts.sleep ?? defaultSleep)(LOCK_PAUSE_MS);
        continue;
      }
      if (!error.mayHaveLanded) return stepFailed(spec, `${spec.what} was refused`, error);
      lastError = error;
      mayHaveLanded = true;
    }
  }
  // Out of attempts with every answer lost: one last look says whether the step is there after all.
  try {
    if (await spec.landed()) return spec.onFound();
  } catch (error) {
    return stepFailed(spec, `could not check whether ${spec.what} already landed`, error);
  }
  return stepFailed(spec, `${spec.what} did not land after ${MAX_WRITE_ATTEMPTS} attempts`, lastError);
}

function stepFailed(spec: AttemptSpec, summary: string, error: unknown): StepOutcome {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    kind: 'failed',
    step: { step: spec.step, status: 'failed', detail: `${summary}: ${reason}` },
    error: `${summary}: ${reason}`,
  };
}

/** A step that landed now (`done`) or earlier (`already_done`). */
export function ok(step: StepResult['step'], status: 'done' | 'already_done', detail: string): StepOutcome {
  return { kind: 'ok', step: { step, status, detail } };
}

const inFlight = new WeakMap<ZafClient, Map<string, Promise<unknown>>>();
const startedBefore = new WeakMap<ZafClient, Set<string>>();

/**
 * Runs `work` for `key` once at a time: a second call while the first runs gets the first's promise (a
 * double click); a later call (a retry) runs again with `priorRun` true, so its steps look before they
 * write. `crashed` turns an unexpected exception into the caller's failure outcome: this never rejects.
 */
export function runOnce<T>(
  client: ZafClient,
  key: string,
  work: (priorRun: boolean) => Promise<T>,
  crashed: (error: unknown) => T,
  /** The work continues one that an earlier page load started (resume.ts): look before every write. */
  resumes = false,
): Promise<T> {
  const running = inFlight.get(client) ?? new Map<string, Promise<unknown>>();
  inFlight.set(client, running);
  const current = running.get(key);
  if (current !== undefined) return current as Promise<T>;

  const started = startedBefore.get(client) ?? new Set<string>();
  startedBefore.set(client, started);
  const priorRun = started.has(key) || resumes;
  started.add(key);

  const outcome = work(priorRun)
    .catch(crashed)
    .finally(() => running.delete(key));
  running.set(key, outcome);
  return outcome;
}

const commentsAnswer = v.looseObject({
  comments: v.array(
    v.looseObject({
      id: v.number(),
      body: v.nullish(v.string()),
      plain_body: v.nullish(v.string()),
      public: v.nullish(v.boolean()),
    }),
  ),
});

/** A comment as the landed-checks read it. */
export type RecentComment = v.InferOutput<typeof commentsAnswer>['comments'][number];

/** The ticket's newest 100 comments, newest first: a step that landed is among them. */
export async function latestComments(
  client: ZafClient,
  ticketId: number,
  opts: RestOptions,
): Promise<RecentComment[]> {
  const answer = await restAs(
    client,
    { url: `/api/v2/tickets/${ticketId}/comments.json?sort_order=desc&page[size]=100` },
    commentsAnswer,
    'a page of comments',
    opts,
  );
  return answer.comments;
}

/** A comment's text, whichever form the answer carries. */
export const textOf = (comment: RecentComment): string => comment.body ?? comment.plain_body ?? '';

/** Text with its runs of white space as single spaces, for "the same words" comparisons. */
export const normalize = (text: string): string => text.replace(/\s+/gu, ' ').trim();

/** The editor may hold HTML; its words are what matter for "already there". */
const textOfHtml = (html: string): string => html.replace(/<br\s*\/?>/giu, '\n').replace(/<[^>]*>/gu, ' ');

/**
 * Puts `message` in the agent's reply editor as a public reply, unless the editor already holds it (a
 * repeated click): the agent reviews it and presses Submit.
 */
export async function putInEditor(client: ZafClient, message: string): Promise<StepOutcome> {
  try {
    const answer = await client.get('comment.text');
    const draft = answer['comment.text'];
    if (typeof draft === 'string' && normalize(textOfHtml(draft)).includes(normalize(message))) {
      return ok('customer_message', 'already_done', 'already in the reply editor');
    }
    await client.set('comment.type', 'publicReply');
    await client.invoke('comment.appendText', message);
    return ok(
      'customer_message',
      'done',
      'put in the reply editor as a public reply: review it and press Submit',
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      kind: 'failed',
      step: {
        step: 'customer_message',
        status: 'failed',
        detail: `the reply editor refused the message (${reason})`,
      },
      error: `The reply editor refused the customer message (${reason}); copy it into the reply by hand.`,
    };
  }
}
