/**
 * The follow-up on an escalated ticket, for the panel above the suggestion: where the follow-up stands
 * (from the record and the clock), the guide's message prefilled and editable, its wording review, and a
 * Send that writes once and then reads the ticket again.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  followUpMessage,
  followUpMessageInput,
  followUpState,
  GUIDE_FOLLOW_UP,
  reviewMessage,
  type FollowUpState,
  type WordingProblem,
} from '../engine';
import { sendFollowUp, type FollowUpOutcome } from '../zendesk/followup';
import type { EscalationRecord } from '../zendesk/record';
import type { AppSettings, ZafClient } from '../zendesk/types';
import type { Escalation } from './useEscalation';

const MINUTE_MS = 60_000;

/** What the follow-up panel shows and does; null when the ticket has no record to follow up. */
export type FollowUp =
  | { kind: 'broken'; problem: string }
  | {
      kind: 'tracked';
      record: EscalationRecord;
      state: FollowUpState;
      channel: 'chat' | 'email';
      message: string;
      setMessage: (message: string) => void;
      review: (message: string) => WordingProblem[];
      sending: boolean;
      outcome: FollowUpOutcome | null;
      send: () => Promise<void>;
    };

/** Follows up the escalation the loaded ticket records. */
export function useFollowUp(client: ZafClient, settings: AppSettings, flow: Escalation): FollowUp | null {
  const loaded = flow.loaded;
  const read = loaded?.record ?? null;
  const record = read !== null && 'record' in read ? read.record : null;
  const bundle = loaded?.bundle ?? null;
  const agentName = loaded?.agent.name ?? null;

  // The clock moves on while the ticket stays open: "due in 3 h" must become "overdue" without a reload.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (record === null) return;
    const timer = setInterval(() => {
      setNow(Date.now());
    }, MINUTE_MS);
    return () => {
      clearInterval(timer);
    };
  }, [record]);

  const team = record?.chosen[0] ?? null;
  const input = useMemo(
    () => (bundle && team ? followUpMessageInput(bundle, team, agentName) : null),
    [bundle, team, agentName],
  );
  const suggested = useMemo(() => (input ? followUpMessage(input) : ''), [input]);
  const [edited, setEdited] = useState<{ for: string; text: string } | null>(null);
  const message = edited?.for === suggested ? edited.text : suggested;
  const setMessage = useCallback(
    (text: string) => {
      setEdited({ for: suggested, text });
    },
    [suggested],
  );
  const review = useCallback(
    (text: string) =>
      bundle && team
        ? reviewMessage(text, { bundle, decision: { targets: [team], customer_message: GUIDE_FOLLOW_UP } })
        : [],
    [bundle, team],
  );

  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<FollowUpOutcome | null>(null);
  const busy = useRef(false);
  const { resync } = flow;

  const send = useCallback(async () => {
    if (busy.current || !record || !bundle || settings.recordFieldId === null) return;
    const stamp = bundle.ticket.updated_at;
    const ticketId = Number(bundle.ticket.id);
    if (!stamp || !Number.isSafeInteger(ticketId)) return;
    busy.current = true;
    setSending(true);
    try {
      const result = await sendFollowUp(client, {
        ticketId,
        updatedStamp: stamp,
        record,
        message,
        delivery: settings.messageDelivery,
        recordFieldId: settings.recordFieldId,
        followUpFieldId: settings.followUpFieldId,
        now: new Date().toISOString(),
      });
      setOutcome(result);
      if (result.kind === 'done') await resync('changed');
      if (result.kind === 'conflict') await resync('conflict');
    } finally {
      busy.current = false;
      setSending(false);
    }
  }, [client, settings, record, bundle, message, resync]);

  if (read === null) return null;
  if ('problem' in read) return { kind: 'broken', problem: read.problem };
  return {
    kind: 'tracked',
    record: read.record,
    state: followUpState(read.record.followUp.dueAt, now),
    channel: input?.channel ?? 'email',
    message,
    setMessage,
    review,
    sending,
    outcome,
    send,
  };
}
