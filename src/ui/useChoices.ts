/**
 * The agent's side of the suggestion, without any I/O: checklist answers (each re-decides at once), the
 * chosen teams with an override reason, and the edited note and message. What the agent did not touch
 * follows the latest decision.
 */
import { useMemo, useState } from 'react';
import {
  decide,
  reviewMessage,
  type Bundle,
  type Decision,
  type Target,
  type WordingProblem,
} from '../engine';
import type { ChecklistKey } from '../engine/bundle';
import { CHECKLIST_KEYS, withAnswers, type ChecklistAnswers } from './Checklist';
import { isOverride } from './TargetPicker';

/** What stops the escalation from being reviewed: no team, or other teams than suggested without a reason. */
export type ChoiceProblem = 'targets' | 'reason';

/** What the agent chose; null follows the suggestion, so a re-decision updates what was not touched. */
interface Chosen {
  targets: Target[] | null;
  overrideReason: string;
  note: string | null;
  message: string | null;
}

const NOTHING_CHOSEN: Chosen = { targets: null, overrideReason: '', note: null, message: null };

/** The decision for the current answers and the agent's choices, with the actions that change them. */
export interface Choices {
  /** The ticket as read; null while loading. */
  bundle: Bundle | null;
  decision: Decision | null;
  answers: ChecklistAnswers;
  targets: Target[];
  /** The teams differ from the suggestion. */
  override: boolean;
  overrideReason: string;
  note: string;
  message: string;
  /** Either text differs from the engine's. */
  edited: boolean;
  problems: ChoiceProblem[];
  /** What in a text to the customer goes against the guide's advice, for the chosen teams. */
  review: (text: string) => WordingProblem[];
  answer: (key: ChecklistKey, value: boolean | undefined) => void;
  chooseTargets: (targets: Target[]) => void;
  setReason: (reason: string) => void;
  setNote: (note: string) => void;
  setMessage: (message: string) => void;
  resetTexts: () => void;
}

/**
 * Decides `bundle` with the agent's answers and keeps the agent's choices. `initialAnswers` starts the
 * checklist (a case file's `agent_checklist` in tests); the sidebar starts with nothing answered.
 */
export function useChoices(bundle: Bundle | null, initialAnswers: ChecklistAnswers = {}): Choices {
  const [answers, setAnswers] = useState<ChecklistAnswers>(initialAnswers);
  const [chosen, setChosen] = useState<Chosen>(NOTHING_CHOSEN);
  const decision = useMemo(() => (bundle ? decide(withAnswers(bundle, answers)) : null), [bundle, answers]);

  const suggested = decision?.targets ?? [];
  const targets = chosen.targets ?? suggested;
  const override = chosen.targets !== null && isOverride(suggested, chosen.targets);
  const problems: ChoiceProblem[] = [];
  if (targets.length === 0) problems.push('targets');
  if (override && chosen.overrideReason.trim() === '') problems.push('reason');
  // Keyed by the teams' names: `targets` is a fresh array on each render. The engine's own message is
  // the guide's wording: its words are never an internal reason.
  const teamKey = targets.join();
  const suggestedMessage = decision?.customer_message ?? '';
  const review = useMemo(() => {
    const teams = (teamKey ? teamKey.split(',') : []) as Target[];
    const context = { targets: teams, customer_message: suggestedMessage };
    return (text: string) => (bundle ? reviewMessage(text, { bundle, decision: context }) : []);
  }, [bundle, teamKey, suggestedMessage]);

  return {
    bundle,
    decision,
    answers,
    targets,
    override,
    overrideReason: chosen.overrideReason,
    note: chosen.note ?? decision?.note ?? '',
    message: chosen.message ?? decision?.customer_message ?? '',
    edited: chosen.note !== null || chosen.message !== null,
    problems,
    review,
    answer: (key, value) => {
      setAnswers((a) => {
        const next: ChecklistAnswers = {};
        for (const k of CHECKLIST_KEYS) {
          const v = k === key ? value : a[k];
          if (v !== undefined) next[k] = v;
        }
        return next;
      });
    },
    chooseTargets: (next) => {
      setChosen((c) => ({ ...c, targets: next }));
    },
    setReason: (overrideReason) => {
      setChosen((c) => ({ ...c, overrideReason }));
    },
    setNote: (note) => {
      setChosen((c) => ({ ...c, note }));
    },
    setMessage: (message) => {
      setChosen((c) => ({ ...c, message }));
    },
    resetTexts: () => {
      setChosen((c) => ({ ...c, note: null, message: null }));
    },
  };
}
