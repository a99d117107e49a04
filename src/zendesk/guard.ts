/**
 * The save guard: Zendesk asks the app through the `ticket.save` hook before every Submit. The app
 * blocks solving or closing a ticket whose escalation is still open, or a critical Trust & Safety case,
 * until the agent records why it should be solved anyway; and it lets a save go ahead but warns (and
 * tags the ticket `escalation_suggested`) when the guide says escalate and the ticket is saved without it.
 *
 * An escalation is **open** when the ticket carries a valid escalation record (record.ts) and still sits
 * with the team that owns it (the record's first chosen team): it still has that team's escalation tag
 * (`escalated_carrier`...) and, when the app's settings name a group for that team, it is still in that
 * group. The team hands it back by moving it to another group or removing the tag; from then on solving
 * goes through. What counts is the ticket as it is being saved (the agent's form), read at save time.
 *
 * Zendesk's hook semantics: a handler blocks by rejecting (its message is shown to the agent); a handler
 * that resolves lets the save go ahead, and changes it made to the ticket form meanwhile
 * (`ticket.tags.add`) are part of the save.
 */
import { TEAMS, TARGETS, type Decision, type Target } from '../engine';
import { comeForward } from './editor';
import { attempt, latestComments, ok, runOnce, textOf } from './once';
import { fnv1a } from './plan';
import type { EscalationRecord } from './record';
import { rest, type RestOptions } from './rest';
import type { AppSettings, StepResult, ZafClient } from './types';

/** The tag a save without the escalation the guide calls for gets, so supervisors can find it. */
export const SUGGESTED_TAG = 'escalation_suggested';

/** The ticket as it is being saved. */
export interface SaveFacts {
  /** The status category (`ticket.status`: new, open, pending, hold, solved, closed); null when unread. */
  status: string | null;
  groupId: number | null;
  tags: readonly string[];
}

/** What the guard knows besides the ticket: the record, the current decision, and what was allowed. */
export interface GuardContext {
  record: EscalationRecord | null;
  decision: Pick<Decision, 'escalate' | 'targets' | 'urgency' | 'reasons'> | null;
  settings: AppSettings;
  /** Statuses the agent chose to save anyway, after recording why ("Solve anyway"). */
  allowed: ReadonlySet<string>;
}

/** Why a solve is blocked. */
export type BlockReason =
  | { kind: 'open_escalation'; record: EscalationRecord; team: Target }
  | { kind: 'critical_trust_safety'; rows: string[] };

/** The guard's answer for one save. */
export type SaveVerdict =
  | { kind: 'allow' }
  | { kind: 'block'; status: string; reasons: BlockReason[] }
  | { kind: 'warn'; teams: Target[]; rows: string[] };

const CLOSING = new Set(['solved', 'closed']);

/** Whether the escalation `record` describes is still with its team, on the ticket as `facts` show it. */
export function escalationOpen(
  record: EscalationRecord | null,
  facts: Pick<SaveFacts, 'groupId' | 'tags'>,
  settings: AppSettings,
): record is EscalationRecord {
  const team = record?.chosen[0];
  if (record === null || team === undefined) return false;
  if (!facts.tags.includes(TEAMS[team].tag)) return false;
  const group = settings.groups[team];
  return group === undefined || facts.groupId === group;
}

/** The guard's decision for one save. Pure. */
export function judgeSave(facts: SaveFacts, context: GuardContext): SaveVerdict {
  const { record, decision, settings } = context;
  if (facts.status !== null && CLOSING.has(facts.status) && !context.allowed.has(facts.status)) {
    const reasons: BlockReason[] = [];
    if (escalationOpen(record, facts, settings)) {
      reasons.push({ kind: 'open_escalation', record, team: record.chosen[0] ?? 'l2' });
    }
    if (
      decision?.escalate === true &&
      decision.urgency === 'critical' &&
      decision.targets.includes('trust_safety')
    ) {
      const rows = decision.reasons.filter((r) => r.targets.includes('trust_safety')).map((r) => r.guide_row);
      reasons.push({ kind: 'critical_trust_safety', rows });
    }
    if (reasons.length > 0) return { kind: 'block', status: facts.status, reasons };
  }
  const escalated = record !== null || TARGETS.some((team) => facts.tags.includes(TEAMS[team].tag));
  if (decision?.escalate === true && !escalated) {
    return { kind: 'warn', teams: decision.targets, rows: decision.reasons.map((r) => r.guide_row) };
  }
  return { kind: 'allow' };
}

const idOf = (value: unknown): number | null => {
  const id = typeof value === 'string' && /^\d+$/u.test(value) ? Number(value) : value;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : null;
};

/** Reads the ticket as it is being saved: one host round trip. Null when the host does not answer. */
export async function readSaveFacts(client: ZafClient): Promise<SaveFacts | null> {
  let answer: Record<string, unknown>;
  try {
    answer = await client.get(['ticket.status', 'ticket.assignee', 'ticket.tags']);
  } catch {
    return null;
  }
  const assignee = answer['ticket.assignee'];
  const group =
    assignee !== null && typeof assignee === 'object' && 'group' in assignee ? assignee.group : null;
  const groupId = group !== null && typeof group === 'object' && 'id' in group ? idOf(group.id) : null;
  const tags = answer['ticket.tags'];
  const status = answer['ticket.status'];
  return {
    status: typeof status === 'string' ? status : null,
    groupId,
    tags: Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : [],
  };
}

/** What the guard does with a verdict, given by the sidebar (its words come from the translations). */
export interface GuardHandlers {
  /** The current context; null while the ticket is still loading (then every save goes ahead). */
  context: () => GuardContext | null;
  /** The short message Zendesk shows for a blocked save. */
  blockMessage: (verdict: Extract<SaveVerdict, { kind: 'block' }>) => string;
  /** The message in Zendesk's notification area for a warning. */
  warnMessage: (verdict: Extract<SaveVerdict, { kind: 'warn' }>) => string;
  /** Tells the sidebar, to show the full explanation. */
  onVerdict: (verdict: SaveVerdict) => void;
}

/**
 * Answers Zendesk's `ticket.save` hook. The handler reads nothing until a save happens, so it costs the
 * first suggestion nothing. Returns the unsubscribe function.
 */
export function guardSaves(client: ZafClient, handlers: GuardHandlers): () => void {
  const handler = async (): Promise<true> => {
    const context = handlers.context();
    if (context === null) return true;
    const facts = await readSaveFacts(client);
    // A host that cannot say what is being saved: the agent is not held up by the app.
    if (facts === null) return true;
    const verdict = judgeSave(facts, context);
    handlers.onVerdict(verdict);
    if (verdict.kind === 'block') {
      const message = handlers.blockMessage(verdict);
      await comeForward(client, message);
      // The SDK sends a rejection's message back to Zendesk, which shows it and does not save.
      throw new Error(message);
    }
    if (verdict.kind === 'warn') {
      // Added to the form before the handler allows the save, so the save carries the tag.
      if (!facts.tags.includes(SUGGESTED_TAG)) {
        await client.invoke('ticket.tags.add', [SUGGESTED_TAG]).catch(() => undefined);
      }
      await client.invoke('notify', handlers.warnMessage(verdict), 'alert').catch(() => undefined);
    }
    return true;
  };
  client.on('ticket.save', handler);
  return () => {
    client.off('ticket.save', handler);
  };
}

/** What a "Solve anyway" records. */
export interface SolveAnyway {
  ticketId: number;
  agent: { id: number; name: string };
  /** The status the agent is saving (solved or closed). */
  status: string;
  reason: string;
  /** What the guard said, one line each, for the note. */
  blockedBecause: readonly string[];
}

/** How recording a "Solve anyway" ended. */
export type SolveAnywayOutcome =
  { kind: 'done'; step: StepResult } | { kind: 'failed'; step: StepResult | null; error: string };

/**
 * Records who solves anyway and why, as an internal note by REST, exactly once (a double click, a retry
 * after a lost answer). The note carries a key in the app's `Escalation key: eg-` form, so the app's other
 * readers know it for the app's own note. An empty reason is refused.
 */
export function recordSolveAnyway(
  client: ZafClient,
  input: SolveAnyway,
  opts: RestOptions = {},
): Promise<SolveAnywayOutcome> {
  const reason = input.reason.trim();
  if (reason === '') {
    return Promise.resolve({
      kind: 'failed',
      step: null,
      error: 'Give the reason for solving anyway: it goes into an internal note for supervisors.',
    });
  }
  const key = `eg-${input.ticketId}-solve-${fnv1a(`${input.status}|${input.agent.id}|${reason}`)}`;
  const body = [
    `Escalation Guide: set to ${input.status} anyway by ${input.agent.name} (user ${input.agent.id}).`,
    `Reason given: ${reason}`,
    'The guide held it back because:',
    ...input.blockedBecause.map((line) => `- ${line}`),
    `Escalation key: ${key}`,
  ].join('\n');
  return runOnce(
    client,
    key,
    async (priorRun): Promise<SolveAnywayOutcome> => {
      const outcome = await attempt(opts, {
        step: 'solve_anyway',
        what: 'the solve-anyway note',
        mayHaveLanded: priorRun,
        landed: async () =>
          (await latestComments(client, input.ticketId, opts)).some(
            (comment) => comment.public !== true && textOf(comment).includes(key),
          ),
        write: () =>
          rest(
            client,
            {
              method: 'PUT',
              url: `/api/v2/tickets/${input.ticketId}.json`,
              body: { ticket: { comment: { body, public: false } } },
            },
            opts,
          ),
        onDone: () => ok('solve_anyway', 'done', 'internal note added'),
        onFound: () => ok('solve_anyway', 'already_done', 'the internal note is already on the ticket'),
      });
      return outcome.kind === 'ok'
        ? { kind: 'done', step: outcome.step }
        : {
            kind: 'failed',
            step: outcome.step,
            error: 'error' in outcome ? outcome.error : outcome.step.detail,
          };
    },
    (error) => ({
      kind: 'failed',
      step: null,
      error: `The note stopped unexpectedly (${error instanceof Error ? error.message : String(error)}).`,
    }),
  );
}
