/**
 * Sending the follow-up on an escalated ticket: the guide's follow-up message to the customer and the
 * record re-armed for the next check (`followUp.dueAt` = now + the team's hours, `sent` + 1, and the
 * follow-up date field), in one safe update, exactly once. With `message_delivery` = `editor`, the update
 * carries only the re-arm and the message goes into the reply editor for the agent to send.
 */
import * as v from 'valibot';
import { dateFieldValue, dueAfter, FOLLOW_UP_DUE_TAG, followUpHours } from '../engine';
import { attempt, ok, putInEditor, runOnce, type StepOutcome } from './once';
import { formatRecord, parseRecord, type EscalationRecord } from './record';
import { rest, restAs, type RestOptions } from './rest';
import type { StepResult, ZafClient } from './types';

/** What a Send carries out. */
export interface FollowUpSend {
  ticketId: number;
  /** The ticket's `updated_at` as read: the `safe_update` stamp. */
  updatedStamp: string;
  /** The record as read from the ticket; the re-armed one is built from it. */
  record: EscalationRecord;
  /** The follow-up message as the agent left it; it must not be empty. */
  message: string;
  delivery: 'post' | 'editor';
  recordFieldId: number;
  followUpFieldId: number | null;
  /** The moment of the Send (ISO-8601), from which the next follow-up counts. */
  now: string;
}

/** How a Send ended. `done` carries the record as now stored. */
export type FollowUpOutcome =
  | { kind: 'done'; steps: StepResult[]; record: EscalationRecord }
  | { kind: 'conflict'; steps: StepResult[] }
  | { kind: 'failed'; steps: StepResult[]; error: string };

/**
 * The record after one more follow-up: due again the escalation's interval after `now` (the one rule,
 * src/engine/followup.ts, over the chosen teams; the stored hours when the record names no team).
 */
export function rearmRecord(record: EscalationRecord, now: string): EscalationRecord {
  const hours = followUpHours(record.chosen) ?? record.followUp.hours;
  return {
    ...record,
    followUp: { ...record.followUp, dueAt: dueAfter(now, hours), hours, sent: record.followUp.sent + 1 },
  };
}

/**
 * Sends the follow-up. A second call for the same follow-up while the first runs gets the first's
 * promise; a retry first looks whether the re-arm already landed. Never rejects.
 */
export function sendFollowUp(
  client: ZafClient,
  send: FollowUpSend,
  opts: RestOptions = {},
): Promise<FollowUpOutcome> {
  if (send.message.trim() === '') {
    return Promise.resolve({
      kind: 'failed',
      steps: [],
      error: 'The follow-up message is empty: write it, then send.',
    });
  }
  const key = `${send.record.key}:follow-up:${send.record.followUp.sent + 1}`;
  return runOnce(
    client,
    key,
    (priorRun) => run(client, send, opts, priorRun),
    (error): FollowUpOutcome => ({
      kind: 'failed',
      steps: [],
      error: `The follow-up stopped unexpectedly (${error instanceof Error ? error.message : String(error)}). Reload the ticket to see what landed.`,
    }),
  );
}

const ticketFields = v.looseObject({
  ticket: v.looseObject({
    custom_fields: v.nullish(v.array(v.looseObject({ id: v.number(), value: v.unknown() }))),
  }),
});

async function run(
  client: ZafClient,
  send: FollowUpSend,
  opts: RestOptions,
  priorRun: boolean,
): Promise<FollowUpOutcome> {
  const next = rearmRecord(send.record, send.now);
  const posted = send.delivery === 'post';
  const fields = [
    { id: send.recordFieldId, value: formatRecord(next) },
    ...(send.followUpFieldId === null
      ? []
      : [{ id: send.followUpFieldId, value: dateFieldValue(next.followUp.dueAt) }]),
  ];
  const describe = `${posted ? 'reply posted, ' : ''}next follow-up due ${next.followUp.dueAt} (follow-up ${next.followUp.sent})`;

  // Landed when the stored record is this escalation's and counts this follow-up (or a later one).
  const landed = async (): Promise<boolean> => {
    const answer = await restAs(
      client,
      { url: `/api/v2/tickets/${send.ticketId}.json` },
      ticketFields,
      'a ticket',
      opts,
    );
    const stored = parseRecord(answer.ticket.custom_fields?.find((f) => f.id === send.recordFieldId)?.value);
    return (
      stored !== null &&
      'record' in stored &&
      stored.record.key === send.record.key &&
      stored.record.followUp.sent >= next.followUp.sent
    );
  };
  const found = (): StepOutcome =>
    ok('follow_up', 'already_done', 'already on the ticket (an earlier attempt landed)');

  const update = await attempt(opts, {
    step: 'follow_up',
    what: posted ? 'the follow-up reply and the re-armed follow-up' : 'the re-armed follow-up',
    mayHaveLanded: priorRun,
    landed,
    write: () =>
      rest(
        client,
        {
          method: 'PUT',
          url: `/api/v2/tickets/${send.ticketId}.json`,
          body: {
            ticket: {
              safe_update: true,
              updated_stamp: send.updatedStamp,
              custom_fields: fields,
              remove_tags: [FOLLOW_UP_DUE_TAG],
              ...(posted ? { comment: { body: send.message.trim(), public: true } } : {}),
            },
          },
        },
        opts,
      ),
    onDone: () => ok('follow_up', 'done', describe),
    onFound: found,
    onConflict: async () =>
      (await landed())
        ? found()
        : {
            kind: 'conflict',
            step: {
              step: 'follow_up',
              status: 'failed',
              detail: 'someone changed the ticket since it was read (409); nothing was written.',
            },
          },
  });
  const steps: StepResult[] = [update.step];
  if (update.kind === 'conflict') return { kind: 'conflict', steps };
  if (update.kind === 'failed') return { kind: 'failed', steps, error: update.error };
  if (!posted) {
    const editor = await putInEditor(client, send.message.trim());
    steps.push(editor.step);
    if (editor.kind === 'failed') return { kind: 'failed', steps, error: editor.error };
  }
  return { kind: 'done', steps, record: next };
}
