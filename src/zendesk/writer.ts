/**
 * Carries out a write plan, each step exactly once: the safe update (note, status, group, assignee,
 * tags), then the customer message, then one linked ticket per further team. Whenever an earlier
 * attempt may have landed (an answer lost to a timeout, a 5xx, a repeated confirm), the step first looks
 * for its own marker on the ticket and reports `already_done` instead of writing twice.
 */
import * as v from 'valibot';
import { TEAMS } from '../engine';
import { allPages, defaultSleep, rest, restAs, ZendeskError, type RestOptions } from './rest';
import type { StepResult, WriteOutcome, WritePlan, ZafClient } from './types';

/** Options of `applyPlan`. */
export interface ApplyOptions extends RestOptions {
  /** The clock for `done.at`; default the current time. */
  readonly now?: () => Date;
}

const inFlight = new WeakMap<ZafClient, Map<string, Promise<WriteOutcome>>>();
const startedBefore = new WeakMap<ZafClient, Set<string>>();

/**
 * Applies `plan`. A second call for the same escalation key while the first runs gets the first's
 * promise; a later call (a retry after a failure) skips what already landed. Never rejects: the outcome
 * says which steps landed and which did not.
 */
export function applyPlan(
  client: ZafClient,
  plan: WritePlan,
  opts: ApplyOptions = {},
): Promise<WriteOutcome> {
  const running = inFlight.get(client) ?? new Map<string, Promise<WriteOutcome>>();
  inFlight.set(client, running);
  const current = running.get(plan.escalationKey);
  if (current !== undefined) return current;

  const started = startedBefore.get(client) ?? new Set<string>();
  startedBefore.set(client, started);
  const priorRun = started.has(plan.escalationKey) || plan.resumes === true;
  started.add(plan.escalationKey);

  const outcome = run({ client, plan, opts }, priorRun)
    .catch((error: unknown): WriteOutcome => ({
      kind: 'failed',
      steps: [],
      error: `The escalation stopped unexpectedly (${error instanceof Error ? error.message : String(error)}). Reload the ticket to see what landed.`,
    }))
    .finally(() => running.delete(plan.escalationKey));
  running.set(plan.escalationKey, outcome);
  return outcome;
}

interface Context {
  readonly client: ZafClient;
  readonly plan: WritePlan;
  readonly opts: ApplyOptions;
}

type StepOutcome =
  | { readonly kind: 'ok'; readonly step: StepResult }
  | { readonly kind: 'conflict'; readonly step: StepResult }
  | { readonly kind: 'failed'; readonly step: StepResult; readonly error: string };

const MAX_WRITE_ATTEMPTS = 3;
/**
 * The pause before sending again a write Zendesk refused with 409 although it carried no `safe_update`:
 * another request was updating the same ticket at that moment, and such a lock clears within moments.
 */
const LOCK_PAUSE_MS = 1000;

async function run(ctx: Context, priorRun: boolean): Promise<WriteOutcome> {
  const { plan } = ctx;
  const steps: StepResult[] = [
    { step: 'ticket_update', status: 'skipped', detail: 'not attempted' },
    {
      step: 'customer_message',
      status: 'skipped',
      detail: plan.customerMessage === '' ? 'no customer message to send' : 'not attempted',
    },
    ...plan.handoffs.map((handoff): StepResult => ({
      step: 'handoff',
      target: handoff.target,
      status: 'skipped',
      detail:
        handoff.groupId === null
          ? `no group is configured for ${TEAMS[handoff.target].label}, so no linked ticket was created`
          : 'not attempted',
    })),
  ];

  const update = await ticketUpdate(ctx, priorRun);
  steps[0] = update.step;
  if (update.kind === 'conflict') return { kind: 'conflict', steps };
  if (update.kind === 'failed') return failed(steps, update.error);
  // A repeated confirm, or a first step found already done, means later steps may have landed too.
  const mayHaveLanded = priorRun || update.step.status === 'already_done';

  if (plan.customerMessage !== '') {
    const message =
      plan.messageDelivery === 'editor' ? await editorMessage(ctx) : await postedMessage(ctx, mayHaveLanded);
    steps[1] = message.step;
    if (message.kind !== 'ok')
      return failed(steps, message.kind === 'failed' ? message.error : message.step.detail);
  }

  const lookup = new HandoffLookup(ctx);
  for (const [index, handoff] of plan.handoffs.entries()) {
    if (handoff.groupId === null) continue;
    const result = await createHandoff(ctx, lookup, index, mayHaveLanded);
    steps[2 + index] = result.step;
    if (result.kind !== 'ok')
      return failed(steps, result.kind === 'failed' ? result.error : result.step.detail);
  }
  return { kind: 'done', steps, at: (ctx.opts.now?.() ?? new Date()).toISOString() };
}

/** The first write: one safe update, 409 when the ticket changed since it was read. */
async function ticketUpdate(ctx: Context, priorRun: boolean): Promise<StepOutcome> {
  const { plan } = ctx;
  const ticket: Record<string, unknown> = {
    safe_update: true,
    updated_stamp: plan.updatedStamp,
    // custom_status_id decides the status category itself; sending both can contradict and be refused.
    ...(plan.customStatusId === null ? { status: plan.status } : { custom_status_id: plan.customStatusId }),
    ...(plan.groupId === null ? {} : { group_id: plan.groupId }),
    ...(plan.assigneeId === 'keep' ? {} : { assignee_id: plan.assigneeId }),
    ...(plan.additionalTags.length === 0 ? {} : { additional_tags: plan.additionalTags }),
    comment: { body: plan.internalNote, public: false },
  };
  const done = (status: 'done' | 'already_done', how: string): StepOutcome => ({
    kind: 'ok',
    step: { step: 'ticket_update', status, detail: `${how}: ${describeUpdate(plan)}` },
  });
  const noteIsThere = async (): Promise<boolean> =>
    (await latestComments(ctx)).some((c) => isOurNote(c, plan));

  return attempt(ctx, {
    step: 'ticket_update',
    what: 'the internal note and ticket changes',
    mayHaveLanded: priorRun,
    landed: noteIsThere,
    write: () =>
      rest(
        ctx.client,
        { method: 'PUT', url: `/api/v2/tickets/${plan.ticketId}.json`, body: { ticket } },
        ctx.opts,
      ),
    onDone: () => done('done', 'applied'),
    onFound: () => done('already_done', 'already on the ticket (an earlier attempt landed)'),
    onConflict: async () =>
      (await noteIsThere())
        ? done('already_done', 'already on the ticket (an earlier attempt landed)')
        : {
            kind: 'conflict',
            step: {
              step: 'ticket_update',
              status: 'failed',
              detail:
                'someone changed the ticket since it was read (409); nothing was written. Reload and decide again.',
            },
          },
  });
}

/** The customer message as a public reply of its own (Zendesk takes one comment per update). */
async function postedMessage(ctx: Context, mayHaveLanded: boolean): Promise<StepOutcome> {
  const { plan } = ctx;
  return attempt(ctx, {
    step: 'customer_message',
    what: 'the customer message',
    mayHaveLanded,
    landed: async () => replyIsThere(await latestComments(ctx), plan),
    write: () =>
      rest(
        ctx.client,
        {
          method: 'PUT',
          url: `/api/v2/tickets/${plan.ticketId}.json`,
          body: { ticket: { comment: { body: plan.customerMessage, public: true } } },
        },
        ctx.opts,
      ),
    onDone: () => ok('customer_message', 'done', 'sent to the customer as a public reply'),
    onFound: () =>
      ok(
        'customer_message',
        'already_done',
        'already on the ticket as a public reply (an earlier attempt landed)',
      ),
  });
}

/** The customer message put in the agent's reply editor, for the agent to send. */
async function editorMessage(ctx: Context): Promise<StepOutcome> {
  const { client, plan } = ctx;
  try {
    const answer = await client.get('comment.text');
    const draft = answer['comment.text'];
    if (typeof draft === 'string' && normalize(textOfHtml(draft)).includes(normalize(plan.customerMessage))) {
      return ok('customer_message', 'already_done', 'already in the reply editor');
    }
    await client.set('comment.type', 'publicReply');
    await client.invoke('comment.appendText', plan.customerMessage);
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

/** One linked ticket in the team's group, recognisable by its external_id. */
async function createHandoff(
  ctx: Context,
  lookup: HandoffLookup,
  index: number,
  mayHaveLanded: boolean,
): Promise<StepOutcome> {
  const { plan } = ctx;
  const handoff = plan.handoffs[index];
  if (handoff === undefined) throw new RangeError(`No handoff ${index} in the plan.`);
  const externalId = `${plan.escalationKey}:${handoff.target}`;
  const label = TEAMS[handoff.target].label;
  let created: number | null = null;
  const result = await attempt(ctx, {
    step: 'handoff',
    what: `the linked ticket for ${label}`,
    mayHaveLanded,
    landed: async () => {
      created = await lookup.find(externalId);
      return created !== null;
    },
    write: async () => {
      const answer = await restAs(
        ctx.client,
        {
          method: 'POST',
          url: '/api/v2/tickets.json',
          body: {
            ticket: {
              subject: handoff.subject,
              comment: { body: handoff.body, public: false },
              group_id: handoff.groupId,
              external_id: externalId,
              tags: ['escalation_handoff'],
            },
          },
        },
        createdAnswer,
        'a created ticket',
        ctx.opts,
      );
      created = answer.ticket.id;
    },
    onDone: () =>
      ok(
        'handoff',
        'done',
        `linked ticket #${String(created)} created in ${label}'s group ${String(handoff.groupId)}`,
      ),
    onFound: () =>
      ok('handoff', 'already_done', `linked ticket #${String(created)} for ${label} already exists`),
  });
  return { ...result, step: { ...result.step, target: handoff.target } };
}

const createdAnswer = v.looseObject({ ticket: v.looseObject({ id: v.number() }) });

interface AttemptSpec {
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
 * The exactly-once loop shared by every step: look for the marker when a write may have landed, write,
 * and on an answer that leaves it unknown (timeout, 5xx) look again before writing again. 429s were
 * already waited out in rest.ts. A 409 means two things: on the safe update, the ticket changed since
 * it was read (`onConflict`); on a write without `safe_update` (the reply, a linked ticket), another
 * request held the ticket at that moment and nothing was applied, so it is sent again after a pause.
 */
async function attempt(ctx: Context, spec: AttemptSpec): Promise<StepOutcome> {
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
        if (round < MAX_WRITE_ATTEMPTS) await (ctx.opts.sleep ?? defaultSleep)(LOCK_PAUSE_MS);
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

function ok(step: StepResult['step'], status: 'done' | 'already_done', detail: string): StepOutcome {
  return { kind: 'ok', step: { step, status, detail } };
}

/**
 * A failure outcome whose message says, step by step, what landed and what did not. What to do next is
 * the sidebar's to say (a retry skips what landed), next to its Retry button.
 */
function failed(steps: StepResult[], error: string): WriteOutcome {
  const name = (s: StepResult): string =>
    s.step === 'ticket_update'
      ? 'the internal note and ticket changes'
      : s.step === 'customer_message'
        ? 'the customer message'
        : `the linked ticket for ${s.target === undefined ? 'another team' : TEAMS[s.target].label}`;
  const landed = steps.filter((s) => s.status === 'done' || s.status === 'already_done').map(name);
  const notLanded = steps.filter((s) => s.status === 'failed').map(name);
  const notTried = steps.filter((s) => s.status === 'skipped' && s.detail === 'not attempted').map(name);
  const parts = [
    landed.length === 0 ? 'Nothing was written.' : `Landed: ${landed.join('; ')}.`,
    notLanded.length === 0 ? '' : `Did not land: ${notLanded.join('; ')} (${error}).`,
    notTried.length === 0 ? '' : `Not attempted: ${notTried.join('; ')}.`,
  ];
  return { kind: 'failed', steps, error: parts.filter((part) => part !== '').join(' ') };
}

function describeUpdate(plan: WritePlan): string {
  const parts = [
    'internal note added',
    plan.customStatusId === null ? `status ${plan.status}` : `custom status ${plan.customStatusId}`,
    ...(plan.groupId === null ? [] : [`group ${plan.groupId}`]),
    plan.assigneeId === 'keep'
      ? 'assignee kept'
      : plan.assigneeId === null
        ? 'unassigned'
        : `assignee ${plan.assigneeId}`,
    ...(plan.additionalTags.length === 0
      ? []
      : [`tags ${plan.additionalTags.map((tag) => `+${tag}`).join(' ')}`]),
  ];
  return parts.join(', ');
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
type RecentComment = v.InferOutput<typeof commentsAnswer>['comments'][number];

/** The ticket's newest 100 comments, newest first: a step that landed is among them. */
async function latestComments(ctx: Context): Promise<RecentComment[]> {
  const answer = await restAs(
    ctx.client,
    { url: `/api/v2/tickets/${ctx.plan.ticketId}/comments.json?sort_order=desc&page[size]=100` },
    commentsAnswer,
    'a page of comments',
    ctx.opts,
  );
  return answer.comments;
}

const textOf = (comment: RecentComment): string => comment.body ?? comment.plain_body ?? '';

function isOurNote(comment: RecentComment, plan: WritePlan): boolean {
  return comment.public !== true && textOf(comment).includes(plan.escalationKey);
}

/**
 * Our reply is a public comment with exactly the message's words, newer than our note. A continued
 * escalation (`plan.resumes`) had nothing after its note but its own reply, whose words were composed
 * from the ticket as it was before the note (the signature names the assignee the note then removed),
 * so there any public comment after the note is it.
 */
function replyIsThere(newestFirst: readonly RecentComment[], plan: WritePlan): boolean {
  const noteAt = newestFirst.findIndex((comment) => isOurNote(comment, plan));
  const after = noteAt === -1 ? newestFirst : newestFirst.slice(0, noteAt);
  if (plan.resumes === true && noteAt !== -1) return after.some((comment) => comment.public !== false);
  const wanted = normalize(plan.customerMessage);
  return after.some((comment) => comment.public !== false && normalize(textOf(comment)) === wanted);
}

const normalize = (text: string): string => text.replace(/\s+/gu, ' ').trim();

/** The editor may hold HTML; its words are what matter for "already there". */
const textOfHtml = (html: string): string => html.replace(/<br\s*\/?>/giu, '\n').replace(/<[^>]*>/gu, ' ');

/**
 * Finds a linked ticket by external_id among the tickets the signed-in agent requested (a handoff's
 * requester is the agent). This list is read from the database, unlike search, whose index lags behind
 * a ticket created seconds ago.
 */
class HandoffLookup {
  private me: Promise<number> | null = null;

  constructor(private readonly ctx: Context) {}

  /** The id of the linked ticket with this external_id, or null. Reads the list afresh each time. */
  async find(externalId: string): Promise<number | null> {
    this.me ??= restAs(
      this.ctx.client,
      { url: '/api/v2/users/me.json' },
      meAnswer,
      'the signed-in user',
      this.ctx.opts,
    ).then((answer) => answer.user.id);
    const tickets = await allPages(
      this.ctx.client,
      `/api/v2/users/${await this.me}/tickets/requested.json`,
      'tickets',
      v.looseObject({ id: v.number(), external_id: v.nullish(v.string()) }),
      this.ctx.opts,
    );
    return tickets.find((ticket) => ticket.external_id === externalId)?.id ?? null;
  }
}

const meAnswer = v.looseObject({ user: v.looseObject({ id: v.number() }) });
