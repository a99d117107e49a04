/**
 * The save guard in the sidebar: answers Zendesk's `ticket.save` hook from what the sidebar already
 * knows (the record, the current decision), keeps the last verdict for the panel, and runs "Solve
 * anyway". The hook is registered once the first load is done, so it costs the first suggestion nothing.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Decision } from '../engine';
import {
  guardSaves,
  recordSolveAnyway,
  type BlockReason,
  type GuardContext,
  type SaveVerdict,
  type SolveAnywayOutcome,
} from '../zendesk/guard';
import type { AppSettings, ZafClient } from '../zendesk/types';
import { formatTime, teamNames } from './format';
import { t } from './i18n';
import type { Escalation } from './useEscalation';

/** The guard's state for the panel. */
export interface SaveGuard {
  /** The last save's verdict when it blocked or warned; null otherwise. */
  verdict: Exclude<SaveVerdict, { kind: 'allow' }> | null;
  /** The block's reasons, in words. */
  explain: (reason: BlockReason) => string;
  recording: boolean;
  outcome: SolveAnywayOutcome | null;
  /** Records the reason and lets the next save of the blocked status through. */
  solveAnyway: (reason: string) => Promise<void>;
}

/** One line per reason of a blocked save. */
export function explainBlock(reason: BlockReason): string {
  if (reason.kind === 'open_escalation') {
    return t('guard.open_escalation', {
      team: teamNames([reason.team]),
      at: formatTime(reason.record.at),
      by: reason.record.by.name,
    });
  }
  return t('guard.critical_trust_safety', { rows: reason.rows.join('; ') });
}

/** Guards the open ticket's saves. */
export function useSaveGuard(client: ZafClient, settings: AppSettings, flow: Escalation): SaveGuard {
  const [verdict, setVerdict] = useState<SaveGuard['verdict']>(null);
  const [recording, setRecording] = useState(false);
  const [outcome, setOutcome] = useState<SolveAnywayOutcome | null>(null);
  const allowed = useRef(new Set<string>());

  // What the handler reads at save time: the latest record (the one just written, after a confirm) and
  // the decision with the agent's checklist answers.
  const context = useRef<GuardContext | null>(null);
  const { phase, loaded } = flow;
  const decision: Decision | null = flow.choices.decision;
  const read = loaded?.record ?? null;
  const written = phase.kind === 'done' ? (phase.plan.record?.value ?? null) : null;
  const record = written ?? (read !== null && 'record' in read ? read.record : null);
  useEffect(() => {
    context.current = loaded ? { record, decision, settings, allowed: allowed.current } : null;
  });

  const ready = loaded !== null;
  useEffect(() => {
    if (!ready) return;
    return guardSaves(client, {
      context: () => context.current,
      blockMessage: (v) => t('guard.block_message', { status: v.status }),
      warnMessage: (v) => t('guard.warn_notify', { teams: teamNames(v.teams) }),
      onVerdict: (v) => {
        if (v.kind === 'allow') return;
        setVerdict(v);
        setOutcome(null);
      },
    });
  }, [client, ready]);

  const busy = useRef(false);
  const agent = loaded?.agent ?? null;
  const ticketId = loaded ? Number(loaded.bundle.ticket.id) : null;
  const solveAnyway = useCallback(
    async (reason: string) => {
      if (busy.current || verdict?.kind !== 'block' || agent === null || ticketId === null) return;
      busy.current = true;
      setRecording(true);
      try {
        const result = await recordSolveAnyway(client, {
          ticketId,
          agent,
          status: verdict.status,
          reason,
          blockedBecause: verdict.reasons.map(explainBlock),
        });
        if (result.kind === 'done') allowed.current.add(verdict.status);
        setOutcome(result);
      } finally {
        busy.current = false;
        setRecording(false);
      }
    },
    [client, verdict, agent, ticketId],
  );

  return { verdict, explain: explainBlock, recording, outcome, solveAnyway };
}
