/**
 * Carries out the hand-offs of a confirmed escalation, after the Zendesk writes: each one at most once.
 * First the ticket is read for the hand-offs already recorded (./record); each remaining one is sent,
 * then recorded in an internal note. A failure never touches the escalation itself: it is reported, and
 * a retry sends only what failed (and records what was sent but not yet recorded, without sending it
 * again). Never rejects.
 */
import * as v from 'valibot';
import type { RestOptions } from '../rest';
import type { ZafClient } from '../types';
import { carrierCall } from './carrier';
import { callService, ServiceError, type ServiceAnswer } from './external';
import { checkBusinessHours } from './hours';
import { jiraBrowseUrl, jiraCreateCall, jiraSearchCall } from './jira';
import { pagerDutyCall, pageReason } from './pagerduty';
import type { HandoffPlan } from './plan';
import { handoffMarker, jiraTag, NOTE_PREFIX, readRecorded, writeRecord, type Recorded } from './record';
import type { HandoffKind } from './settings';
import { slackCall } from './slack';

/**
 * How one hand-off ended. `unconfirmed`: sent to a service with no guard against a repeat (Slack), whose
 * answer was lost: it may be in the channel, so it is never sent again by a retry, only on the agent's word.
 */
export type HandoffStatus = 'sent' | 'already_sent' | 'not_needed' | 'failed' | 'unconfirmed';

/** One hand-off's outcome, for the sidebar. */
export interface HandoffResult {
  readonly kind: HandoffKind;
  readonly status: HandoffStatus;
  /** What happened, in words (the service's answer on a failure). */
  readonly detail: string;
  /** False when it was sent but the note recording it could not be written; a retry writes it. */
  readonly recorded: boolean;
  /** The Jira issue's page. */
  readonly link?: { readonly href: string; readonly text: string };
}

/** Options of `runHandoffs`. */
export interface RunOptions {
  /** Run only these (a retry of what failed); default all of the plan's. */
  readonly only?: readonly HandoffKind[];
  /** The clock for business hours and the page's timestamp; default now. */
  readonly now?: () => Date;
  readonly rest?: RestOptions;
}

/** Whether a result needs a retry: it failed, or it was sent and not recorded. */
export function needsRetry(result: HandoffResult): boolean {
  return result.status === 'failed' || !result.recorded;
}

/** What to write in the record after a send. */
interface Sent {
  readonly summary: string;
  readonly tags: readonly string[];
  readonly link?: { readonly href: string; readonly text: string };
}

type Attempt =
  { readonly kind: 'sent'; readonly sent: Sent } | { readonly kind: 'not_needed'; readonly detail: string };

const running = new WeakMap<ZafClient, Map<string, Promise<HandoffResult[]>>>();
/** Sent in this sidebar but not yet recorded on the ticket, by `<escalation key>/<kind>`. */
const unrecorded = new WeakMap<ZafClient, Map<string, Sent>>();

/** Runs the plan's hand-offs; a second call while one runs for the same escalation gets the first's promise. */
export function runHandoffs(
  client: ZafClient,
  plan: HandoffPlan,
  options: RunOptions = {},
): Promise<HandoffResult[]> {
  const calls = running.get(client) ?? new Map<string, Promise<HandoffResult[]>>();
  running.set(client, calls);
  const current = calls.get(plan.escalationKey);
  if (current !== undefined) return current;
  const promise = run(client, plan, options).finally(() => calls.delete(plan.escalationKey));
  calls.set(plan.escalationKey, promise);
  return promise;
}

/** The open ticket's subject, for a plan made without it; empty when ZAF cannot say. */
async function subjectOf(client: ZafClient): Promise<string> {
  try {
    const subject = (await client.get('ticket.subject'))['ticket.subject'];
    return typeof subject === 'string' ? subject.trim() : '';
  } catch {
    return '';
  }
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

async function run(client: ZafClient, given: HandoffPlan, options: RunOptions): Promise<HandoffResult[]> {
  const plan = given.subject === '' ? { ...given, subject: await subjectOf(client) } : given;
  const kinds = plan.kinds.filter((kind) => options.only?.includes(kind) ?? true);
  const pending = unrecorded.get(client) ?? new Map<string, Sent>();
  unrecorded.set(client, pending);

  let ticketUrl: string | null = null;
  let source = 'Zendesk';
  try {
    const subdomain = (await client.context()).account?.subdomain;
    if (subdomain !== undefined && subdomain !== '') {
      ticketUrl = `https://${subdomain}.zendesk.com/agent/tickets/${String(plan.ticketId)}`;
      source = `${subdomain}.zendesk.com`;
    }
  } catch {
    // Without the subdomain the messages name the ticket by number only.
  }

  let recorded: Map<HandoffKind, Recorded>;
  try {
    recorded = await readRecorded(client, plan.ticketId, plan.escalationKey, options.rest);
  } catch (error) {
    const detail = `Nothing was sent: the ticket could not be read to check what was already sent (${errorText(error)}). Retry.`;
    return kinds.map((kind) => ({ kind, status: 'failed', detail, recorded: true }));
  }

  const results: HandoffResult[] = [];
  for (const kind of kinds) {
    const id = `${plan.escalationKey}/${kind}`;
    const already = recorded.get(kind);
    if (already !== undefined) {
      pending.delete(id);
      const link = jiraLink(plan, already.summary);
      results.push({
        kind,
        status: 'already_sent',
        detail: already.summary,
        recorded: true,
        ...(link === undefined ? {} : { link }),
      });
      continue;
    }
    let sent = pending.get(id);
    if (sent === undefined) {
      let attempt: Attempt;
      try {
        attempt = await send(kind, client, plan, {
          ticketUrl,
          source,
          now: options.now ?? (() => new Date()),
          rest: options.rest ?? {},
        });
      } catch (error) {
        results.push({
          kind,
          status: unconfirmed(kind, error) ? 'unconfirmed' : 'failed',
          detail: failureText(kind, error),
          recorded: true,
        });
        continue;
      }
      if (attempt.kind === 'not_needed') {
        results.push({ kind, status: 'not_needed', detail: attempt.detail, recorded: true });
        continue;
      }
      sent = attempt.sent;
    }
    const link = sent.link === undefined ? {} : { link: sent.link };
    try {
      await writeRecord(
        client,
        plan.ticketId,
        `${NOTE_PREFIX}${sent.summary}\n${handoffMarker(plan.escalationKey, kind)}`,
        sent.tags,
        options.rest,
      );
      pending.delete(id);
      results.push({ kind, status: 'sent', detail: sent.summary, recorded: true, ...link });
    } catch (error) {
      pending.set(id, sent);
      results.push({
        kind,
        status: 'sent',
        detail: `${sent.summary} It could not be recorded on the ticket (${errorText(error)}); retry to record it: it will not be sent again.`,
        recorded: false,
        ...link,
      });
    }
  }
  return results;
}

/**
 * A Slack post whose answer never came most likely landed, and a webhook cannot be asked: sending it
 * again with the failed hand-offs would post the alert twice. (A 5xx is an answer: Slack refused it.)
 */
function unconfirmed(kind: HandoffKind, error: unknown): boolean {
  return kind === 'slack' && error instanceof ServiceError && error.kind === 'no_answer';
}

function failureText(kind: HandoffKind, error: unknown): string {
  const text = errorText(error);
  if (unconfirmed(kind, error)) {
    return `${text} It is not posted again with the failed hand-offs: look in the Slack channel, and post it again only if it is not there.`;
  }
  if (error instanceof ServiceError && error.mayHaveLanded && kind === 'slack') {
    return `${text} Look in the Slack channel before retrying: a retry posts the alert again.`;
  }
  return text;
}

function jiraLink(plan: HandoffPlan, summary: string): HandoffResult['link'] {
  const jira = plan.settings.jira;
  const key = /Jira issue ([A-Z][A-Z0-9_]*-\d+)/u.exec(summary)?.[1];
  return jira === null || key === undefined ? undefined : { href: jiraBrowseUrl(jira.site, key), text: key };
}

interface SendContext {
  readonly ticketUrl: string | null;
  readonly source: string;
  readonly now: () => Date;
  readonly rest: RestOptions;
}

async function send(
  kind: HandoffKind,
  client: ZafClient,
  plan: HandoffPlan,
  ctx: SendContext,
): Promise<Attempt> {
  switch (kind) {
    case 'slack':
      return sendSlack(client, plan, ctx);
    case 'pagerduty':
      return sendPage(client, plan, ctx);
    case 'jira':
      return sendJira(client, plan, ctx);
    case 'carrier':
      return sendCarrier(client, plan, ctx);
  }
}

async function sendSlack(client: ZafClient, plan: HandoffPlan, ctx: SendContext): Promise<Attempt> {
  if (plan.alert === null) return { kind: 'not_needed', detail: 'No urgent alert for this escalation.' };
  await callService(client, 'Slack', slackCall(plan.alert, plan.ticketId, ctx.ticketUrl));
  return { kind: 'sent', sent: { summary: 'Urgent alert posted to Slack.', tags: [] } };
}

const pagerDutyAnswer = v.looseObject({ status: v.literal('success'), dedup_key: v.string() });

async function sendPage(client: ZafClient, plan: HandoffPlan, ctx: SendContext): Promise<Attempt> {
  const at = ctx.now();
  let afterHours = true;
  let hours = '';
  if (!plan.pageAlways) {
    try {
      const verdict = await checkBusinessHours(
        client,
        plan.settings.pagerduty?.scheduleId ?? null,
        at,
        ctx.rest,
      );
      if (verdict.open) {
        return {
          kind: 'not_needed',
          detail: `No page: ${verdict.why}; on-call is paged outside business hours only.`,
        };
      }
      hours = ` (${verdict.why})`;
    } catch (error) {
      // Unknown hours on an urgent case: page rather than risk nobody answering.
      hours = ` (business hours unknown: ${errorText(error)})`;
    }
  } else {
    afterHours = false;
  }
  const reason = pageReason(plan, afterHours);
  const answer = await callService(
    client,
    'PagerDuty',
    pagerDutyCall(plan, { ticketUrl: ctx.ticketUrl, source: ctx.source, reason, at }),
  );
  const parsed = v.safeParse(pagerDutyAnswer, answer.json);
  if (!parsed.success)
    throw new Error(`PagerDuty's answer is not an accepted event: ${answer.text.slice(0, 200)}`);
  return {
    kind: 'sent',
    sent: {
      summary: `On-call paged through PagerDuty for an ${reason}${hours}; dedup key ${parsed.output.dedup_key}.`,
      tags: [],
    },
  };
}

const createdIssue = v.looseObject({ key: v.string() });
const foundIssues = v.looseObject({ issues: v.array(v.looseObject({ key: v.string() })) });

function issueKey(answer: ServiceAnswer, schema: 'created' | 'found'): string | null {
  if (schema === 'created') {
    const parsed = v.safeParse(createdIssue, answer.json);
    if (!parsed.success)
      throw new Error(`Jira's answer is not a created issue: ${answer.text.slice(0, 200)}`);
    return parsed.output.key;
  }
  const parsed = v.safeParse(foundIssues, answer.json);
  if (!parsed.success) throw new Error(`Jira's answer is not a search result: ${answer.text.slice(0, 200)}`);
  return parsed.output.issues[0]?.key ?? null;
}

async function sendJira(client: ZafClient, plan: HandoffPlan, ctx: SendContext): Promise<Attempt> {
  const jira = plan.settings.jira;
  if (jira === null) return { kind: 'not_needed', detail: 'Jira is not configured.' };
  const found = async (): Promise<string | null> =>
    issueKey(await callService(client, 'Jira', jiraSearchCall(jira, plan.escalationKey)), 'found');
  const sent = (key: string, how: string): Attempt => ({
    kind: 'sent',
    sent: {
      summary: `Jira issue ${key} ${how}: ${jiraBrowseUrl(jira.site, key)}`,
      tags: [jiraTag(key)],
      link: { href: jiraBrowseUrl(jira.site, key), text: key },
    },
  });
  const existing = await found();
  if (existing !== null) return sent(existing, 'already existed for this escalation (found by its label)');
  try {
    const key = issueKey(
      await callService(client, 'Jira', jiraCreateCall(jira, plan, ctx.ticketUrl)),
      'created',
    );
    if (key === null) throw new Error('Jira created no issue key.');
    return sent(key, 'created');
  } catch (error) {
    // The answer was lost but the issue may exist: look once more before reporting a failure.
    if (error instanceof ServiceError && error.mayHaveLanded) {
      const after = await found();
      if (after !== null) return sent(after, 'created');
    }
    throw error;
  }
}

const carrierAnswer = v.looseObject({ request_id: v.optional(v.string()) });

async function sendCarrier(client: ZafClient, plan: HandoffPlan, ctx: SendContext): Promise<Attempt> {
  const answer = await callService(client, "The carrier team's webhook", carrierCall(plan, ctx.ticketUrl));
  const parsed = v.safeParse(carrierAnswer, answer.json);
  const id =
    parsed.success && parsed.output.request_id !== undefined ? ` (request ${parsed.output.request_id})` : '';
  return { kind: 'sent', sent: { summary: `Carrier team request filed${id}.`, tags: [] } };
}
