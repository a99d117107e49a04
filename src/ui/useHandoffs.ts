/**
 * The hand-offs beyond Zendesk, beside the escalation flow: planned when the agent reviews (so the
 * preview lists them), run once the Zendesk writes are done, retried one by one. They never hold up or
 * undo the escalation; their outcome is shown under it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  needsRetry,
  planHandoffs,
  runHandoffs,
  type HandoffPlan,
  type HandoffResult,
} from '../zendesk/integrations';
import type { AppSettings, ZafClient } from '../zendesk/types';
import type { Escalation } from './useEscalation';

/** What the sidebar shows about the hand-offs. */
export interface Handoffs {
  /** The hand-offs of the escalation under review or done; null when none applies. */
  plan: HandoffPlan | null;
  /** Each hand-off's outcome once run. */
  results: HandoffResult[] | null;
  running: boolean;
  /** Runs again the hand-offs that failed or are not recorded yet. */
  retry: () => void;
  /** Sends one unconfirmed hand-off again, once the agent found it did not arrive. */
  resend: (kind: HandoffResult['kind']) => void;
}

/** Plans and runs the hand-offs of the escalation `flow` confirms. */
export function useHandoffs(client: ZafClient, settings: AppSettings, flow: Escalation): Handoffs {
  const { phase } = flow;
  const [results, setResults] = useState<{ key: string; list: HandoffResult[] } | null>(null);
  const [running, setRunning] = useState(false);

  // The plan is fixed when the write plan appears (review) and kept while it stays the same escalation.
  const writePlan = 'plan' in phase ? phase.plan : null;
  const key = writePlan?.escalationKey ?? null;
  const [planned, setPlanned] = useState<{ key: string | null; plan: HandoffPlan | null }>({
    key: null,
    plan: null,
  });
  let plan = planned.plan;
  if (planned.key !== key) {
    const decision = flow.choices.decision;
    plan =
      writePlan === null || settings.handoffs === undefined || decision === null
        ? null
        : planHandoffs({
            plan: writePlan,
            decision,
            targets: 'targets' in phase ? phase.targets : flow.choices.targets,
            settings: settings.handoffs,
          });
    setPlanned({ key, plan });
  }

  const start = useCallback(
    (target: HandoffPlan, only?: HandoffResult['kind'][]) => {
      setRunning(true);
      void runHandoffs(client, target, only === undefined ? {} : { only })
        .then((list) => {
          setResults((before) => {
            const kept = before?.key === target.escalationKey ? before.list : [];
            const merged = target.kinds.flatMap(
              (kind) => list.find((r) => r.kind === kind) ?? kept.filter((r) => r.kind === kind),
            );
            return { key: target.escalationKey, list: merged };
          });
        })
        .finally(() => {
          setRunning(false);
        });
    },
    [client],
  );

  const done = phase.kind === 'done';
  const started = useRef<string | null>(null);
  useEffect(() => {
    if (!done || plan === null || started.current === plan.escalationKey) return;
    started.current = plan.escalationKey;
    start(plan);
  }, [done, plan, start]);

  const current = plan !== null && results?.key === plan.escalationKey ? results.list : null;
  return {
    plan,
    results: current,
    running,
    retry: () => {
      if (plan === null || current === null || running) return;
      const again = current.filter(needsRetry).map((r) => r.kind);
      if (again.length > 0) start(plan, again);
    },
    resend: (kind) => {
      if (plan !== null && !running) start(plan, [kind]);
    },
  };
}
