/**
 * The sidebar's state machine: loading → suggestion → confirming → writing → done | failed, back to
 * suggestion with a notice on a conflict, and error when the ticket cannot be read. The engine decides
 * (through useChoices); src/zendesk reads and writes; this hook only sequences them.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { decide, type Bundle, type Decision, type Target } from '../engine';
import { applyPlan, buildPlan, loadTicket, watchTicket } from '../zendesk';
import type { AppSettings, WriteOutcome, WritePlan, ZafClient } from '../zendesk/types';
import type { Agent, LoadResult, LoadStats } from '../zendesk/loader';
import { describeChanges } from './changes';
import { SUGGESTION_SHOWN } from './marks';
import { withAnswers } from './Checklist';
import { useChoices, type Choices } from './useChoices';

/** Where the flow is. */
export type Phase =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'suggestion' }
  | { kind: 'confirming'; plan: WritePlan }
  | { kind: 'writing'; plan: WritePlan }
  | { kind: 'done'; plan: WritePlan; targets: Target[]; outcome: Extract<WriteOutcome, { kind: 'done' }> }
  | {
      kind: 'failed';
      plan: WritePlan;
      targets: Target[];
      outcome: Extract<WriteOutcome, { kind: 'failed' }>;
    };

/** A message above the suggestion: the ticket changed, or a write met someone else's change. */
export interface Notice {
  kind: 'changed' | 'conflict';
  changes: string[];
}

/** Everything the sidebar renders and every action it can take. */
export interface Escalation {
  phase: Phase;
  notice: Notice | null;
  /** Parts of the ticket that could not be read; the engine treats them as unknown. */
  loadWarnings: string[];
  choices: Choices;
  review: () => void;
  back: () => void;
  confirm: () => Promise<void>;
  retry: () => Promise<void>;
  reload: () => Promise<void>;
  /** What the last load read, for the follow-up panel and the save guard; null while loading. */
  loaded: LoadedTicket | null;
  /** Reads the ticket again in place after another write: `conflict` shows what changed. */
  resync: (kind: Notice['kind']) => Promise<void>;
}

/** The ticket as the last load read it. */
export interface LoadedTicket {
  bundle: Bundle;
  agent: Agent;
  /** The escalation record on the ticket (null: none, or no record field set). */
  record: LoadResult['record'];
  /** The settings the ticket was read with: the installation's, with the field ids found at run time. */
  settings: AppSettings;
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Runs the escalation flow for the open ticket. */
export function useEscalation(client: ZafClient, settings: AppSettings): Escalation {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [loaded, setLoaded] = useState<{
    bundle: Bundle;
    warnings: string[];
    agent: Agent;
    stats: LoadStats;
    record: LoadResult['record'];
    /** The settings with the field ids found at run time. */
    settings: AppSettings;
  } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const choices = useChoices(loaded?.bundle ?? null);

  // The latest values for the async paths, without re-creating their callbacks.
  const latest = useRef({
    phase,
    decision: null as Decision | null,
    answers: choices.answers,
    stamp: null as string | null | undefined,
  });
  useLayoutEffect(() => {
    latest.current = {
      phase,
      decision: choices.decision,
      answers: choices.answers,
      stamp: loaded?.bundle.ticket.updated_at,
    };
  });
  const loadSeq = useRef(0);
  const writing = useRef(false);

  /** Reads the ticket (and who is signed in); null when a newer read overtook this one. */
  const read = useCallback(async () => {
    const seq = ++loadSeq.current;
    // The app's ticket fields the settings leave empty are found in the same load (src/zendesk/resources.ts).
    const result = await loadTicket(client, settings, latest.current.answers, { discover: true });
    const agent = result.agent;
    if (!agent)
      throw new Error('Zendesk did not say who is signed in (currentUser). Reload the page and try again.');
    return seq === loadSeq.current
      ? {
          bundle: result.bundle,
          warnings: result.warnings,
          agent,
          stats: result.stats,
          record: result.record,
          settings: result.settings,
        }
      : null;
  }, [client, settings]);

  const load = useCallback(
    () =>
      read().then(
        (fresh) => {
          if (!fresh) return;
          setLoaded(fresh);
          setPhase({ kind: 'suggestion' });
        },
        (e: unknown) => {
          setPhase({ kind: 'error', message: errorText(e) });
        },
      ),
    [read],
  );

  // The first suggestion on screen, as a User Timing mark: `npm run bench` reads it (time from the
  // iframe's start) and its detail (the load's round trips) in the local host.
  const marked = useRef(false);
  useEffect(() => {
    if (marked.current || phase.kind !== 'suggestion' || !loaded) return;
    marked.current = true;
    performance.mark(SUGGESTION_SHOWN, { detail: loaded.stats });
  }, [phase.kind, loaded]);

  const reload = useCallback(async () => {
    setPhase({ kind: 'loading' });
    await load();
  }, [load]);

  /** Reads again after a change elsewhere and says what that changed in the suggestion. */
  const refresh = useCallback(
    async (kind: Notice['kind']) => {
      const before = latest.current.decision;
      const stampBefore = latest.current.stamp;
      const fresh = await read();
      if (!fresh) return;
      const after = decide(withAnswers(fresh.bundle, latest.current.answers));
      const changes = before ? describeChanges(before, after) : [];
      // An event about what was already read (it can arrive late, after a reload) changes nothing:
      // the agent stays where they are.
      const stampChanged = fresh.bundle.ticket.updated_at !== stampBefore;
      if (kind !== 'conflict' && !stampChanged && !changes.length) return;
      setLoaded(fresh);
      // A plan under review was built from the old ticket: send the agent back to review it again.
      const reviewing = latest.current.phase.kind === 'confirming';
      if (kind === 'conflict' || reviewing || changes.length) setNotice({ kind, changes });
      setPhase((p) => (p.kind === 'confirming' || p.kind === 'writing' ? { kind: 'suggestion' } : p));
    },
    [read],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const { categoryFieldId, refundFieldId, recordFieldId } = loaded?.settings ?? settings;
  useEffect(
    () =>
      watchTicket(
        client,
        () => {
          const kind = latest.current.phase.kind;
          if (kind !== 'suggestion' && kind !== 'confirming') return;
          refresh('changed').catch((e: unknown) => {
            setPhase({ kind: 'error', message: errorText(e) });
          });
        },
        { customFieldIds: [categoryFieldId, refundFieldId, recordFieldId] },
      ),
    [client, refresh, categoryFieldId, refundFieldId, recordFieldId],
  );

  const write = async (plan: WritePlan, targets: Target[]) => {
    if (writing.current) return;
    writing.current = true;
    setPhase({ kind: 'writing', plan });
    try {
      const outcome = await applyPlan(client, plan);
      if (outcome.kind === 'done') {
        setNotice(null);
        setPhase({ kind: 'done', plan, targets, outcome });
      } else if (outcome.kind === 'failed') {
        setPhase({ kind: 'failed', plan, targets, outcome });
      } else {
        await refresh('conflict');
      }
    } catch (e) {
      setPhase({
        kind: 'failed',
        plan,
        targets,
        outcome: { kind: 'failed', steps: [], error: errorText(e) },
      });
    } finally {
      writing.current = false;
    }
  };

  const { decision } = choices;
  return {
    phase,
    notice,
    loadWarnings: loaded?.warnings ?? [],
    choices,
    review: () => {
      if (!loaded || !decision?.escalate || choices.problems.length) return;
      try {
        const plan = buildPlan({
          bundle: withAnswers(loaded.bundle, choices.answers),
          decision,
          choice: {
            targets: choices.targets,
            overrideReason: choices.override ? choices.overrideReason.trim() : null,
            note: choices.note,
            message: choices.message,
          },
          settings: loaded.settings,
          agent: loaded.agent,
          now: new Date().toISOString(),
        });
        setNotice(null);
        setPhase({ kind: 'confirming', plan });
      } catch (e) {
        setPhase({ kind: 'error', message: errorText(e) });
      }
    },
    back: () => {
      setPhase({ kind: 'suggestion' });
    },
    confirm: async () => {
      const p = latest.current.phase;
      if (p.kind === 'confirming') await write(p.plan, choices.targets);
    },
    retry: async () => {
      const p = latest.current.phase;
      if (p.kind === 'failed') await write(p.plan, p.targets);
    },
    reload,
    loaded: loaded && {
      bundle: loaded.bundle,
      agent: loaded.agent,
      record: loaded.record,
      settings: loaded.settings,
    },
    resync: (kind) =>
      refresh(kind).catch((e: unknown) => {
        setPhase({ kind: 'error', message: errorText(e) });
      }),
  };
}
