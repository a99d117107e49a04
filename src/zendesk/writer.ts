/**
 * Carries out a write plan, each step exactly once: the safe update (note, status, group, assignee,
 * tags), then the customer message, then one linked ticket per further team. Whenever an earlier
 * attempt may have landed (an answer lost to a timeout, a 5xx, a repeated confirm), the step first looks
 * for its own marker on the ticket and reports `already_done` instead of writing twice.
 */
import * as v from 'valibot';
import { TEAMS } from '../engine';
import {
  attempt,
  latestComments as recentComments,
  normalize,
  ok,
  putInEditor,
  runOnce,
  textOf,
  type RecentComment,
  type StepOutcome,
} from './once';
import { formatRecord } from './record';
import { allPages, rest, restAs, type RestOptions } from './rest';
import type { StepResult, WriteOutcome, WritePlan, ZafClient } from './types';

/** Options of `applyPlan`. */
export interface ApplyOptions extends RestOptions {
  /** The clock for `done.at`; default the current time. */
  readonly now?: () => Date;
}

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
  return runOnce(
    client,
    plan.escalationKey,
    (priorRun) => run({ client, plan, opts }, priorRun),
    (error): WriteOutcome => ({
      kind: 'failed',
      steps: [],
      error: `The escalation stopped unexpectedly (${error instanceof Error ? error.message : String(error)}). Reload the ticket to see what landed.`,
    }),
    plan.resumes === true,
  );
}

interface Context {
  readonly client: ZafClient;
  readonly plan: WritePlan;
  readonly opts: ApplyOptions;
}

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
      plan.messageDelivery === 'editor'
        ? await putInEditor(ctx.client, plan.customerMessage)
        : await postedMessage(ctx, mayHaveLanded);
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
    ...customFields(plan),
    comment: { body: plan.internalNote, public: false },
  };
  const done = (status: 'done' | 'already_done', how: string): StepOutcome => ({
    kind: 'ok',
    step: { step: 'ticket_update', status, detail: `${how}: ${describeUpdate(plan)}` },
  });
  const noteIsThere = async (): Promise<boolean> =>
    (await latestComments(ctx)).some((c) => isOurNote(c, plan));

  return attempt(ctx.opts, {
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
  return attempt(ctx.opts, {
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
  const result = await attempt(ctx.opts, {
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

/** The escalation record and the follow-up date, for the fields the settings name. */
function customFields(plan: WritePlan): { custom_fields?: { id: number; value: string }[] } {
  const fields = [
    ...(plan.record ? [{ id: plan.record.fieldId, value: formatRecord(plan.record.value) }] : []),
    ...(plan.followUpDate ? [{ id: plan.followUpDate.fieldId, value: plan.followUpDate.value }] : []),
  ];
  return fields.length === 0 ? {} : { custom_fields: fields };
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
    ...(plan.record ? ['escalation record'] : []),
    ...(plan.followUpDate ? [`follow-up date ${plan.followUpDate.value}`] : []),
  ];
  return parts.join(', ');
}

/** The ticket's newest 100 comments, newest first: a step that landed is among them. */
function latestComments(ctx: Context): Promise<RecentComment[]> {
  return recentComments(ctx.client, ctx.plan.ticketId, ctx.opts);
}

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
