/**
 * The backtest: what the guide's rules would have done over a folder of exported tickets. A pure summary
 * of decisions (no files, no clock), so `npm run evaluate -- FOLDER --summary` and its tests read the same
 * numbers: how many would be escalated, to which teams, how urgently, which rules fired and which guards
 * held them back, and which files could not be read.
 */
import { GUARDS, RULES, TARGETS, type Decision, type Target, type Urgency } from '../engine';
import { URGENCIES } from '../engine/teams';

/** One file's result: its decision, or why it could not be read. */
export type FileOutcome =
  | { readonly file: string; readonly ok: true; readonly decision: Decision }
  | { readonly file: string; readonly ok: false; readonly error: string };

/** How often one rule fired over the folder. */
export interface RuleCount {
  readonly rule: string;
  /** Tickets on which it fired and counted (an escalation reason, or a reason a blocked ticket would go). */
  readonly fired: number;
  /** Tickets on which it fired but a "do not escalate" guard held it back. */
  readonly heldBack: number;
}

/** How often one guard held over the folder. */
export interface GuardCount {
  readonly guard: string;
  /** Tickets it kept from being escalated (a blocker of a ticket that is not escalated). */
  readonly blocked: number;
  /** Rules it held back, counted once per ticket and rule, whether or not the ticket went ahead. */
  readonly heldRules: number;
}

/** The backtest's figures. */
export interface BacktestSummary {
  readonly files: number;
  readonly decided: number;
  readonly escalated: number;
  /** Not escalated because a guard holds (the agent has something to do first). */
  readonly blocked: number;
  /** Not escalated because no rule of the guide applies. */
  readonly noRule: number;
  readonly urgentAlerts: number;
  /** Escalated tickets per team: as the owner (first team) and among any of its teams. */
  readonly teams: Readonly<Record<Target, { readonly primary: number; readonly any: number }>>;
  /** Escalated tickets per urgency. */
  readonly urgency: Readonly<Record<Urgency, number>>;
  /** Every rule of the guide, most fired first (rules that never fired are listed with 0). */
  readonly rules: readonly RuleCount[];
  /** Every guard, and the other blockers the engine reports (e.g. a missing customer email). */
  readonly guards: readonly GuardCount[];
  /** Files that could not be read, each with its error. */
  readonly invalid: readonly { readonly file: string; readonly error: string }[];
}

const increment = (map: Map<string, number>, key: string): void => {
  map.set(key, (map.get(key) ?? 0) + 1);
};

/** Sums up the decisions of a folder; the order of `outcomes` does not change the figures. */
export function summarize(outcomes: readonly FileOutcome[]): BacktestSummary {
  const teams = Object.fromEntries(TARGETS.map((t) => [t, { primary: 0, any: 0 }])) as Record<
    Target,
    { primary: number; any: number }
  >;
  const urgency = Object.fromEntries(URGENCIES.map((u) => [u, 0])) as Record<Urgency, number>;
  const fired = new Map<string, number>();
  const heldBack = new Map<string, number>();
  const blockedBy = new Map<string, number>();
  const heldRules = new Map<string, number>();
  const invalid: { file: string; error: string }[] = [];
  let escalated = 0;
  let blocked = 0;
  let noRule = 0;
  let urgentAlerts = 0;

  for (const outcome of outcomes) {
    if (!outcome.ok) {
      invalid.push({ file: outcome.file, error: outcome.error });
      continue;
    }
    const d = outcome.decision;
    for (const rule of new Set(d.reasons.map((r) => r.rule))) increment(fired, rule);
    const held = new Set<string>();
    for (const h of d.held_back) {
      if (!held.has(h.rule)) increment(heldBack, h.rule);
      held.add(h.rule);
      for (const guard of new Set(h.blocked_by)) increment(heldRules, guard);
    }
    if (d.escalate) {
      escalated += 1;
      urgency[d.urgency] += 1;
      if (d.urgent_alert) urgentAlerts += 1;
      const [primary] = d.targets;
      if (primary !== undefined) teams[primary].primary += 1;
      for (const t of new Set(d.targets)) teams[t].any += 1;
    } else if (d.blockers.some((b) => b.id !== 'no_escalation_rule')) {
      blocked += 1;
      for (const b of new Set(d.blockers.map((x) => x.id))) {
        if (b !== 'no_escalation_rule') increment(blockedBy, b);
      }
    } else {
      noRule += 1;
    }
  }

  const ruleIds = [...new Set([...RULES.map((r) => r.id), ...fired.keys(), ...heldBack.keys()])];
  const rules = ruleIds
    .map((rule) => ({ rule, fired: fired.get(rule) ?? 0, heldBack: heldBack.get(rule) ?? 0 }))
    .sort(
      (a, b) =>
        b.fired - a.fired || b.heldBack - a.heldBack || ruleIds.indexOf(a.rule) - ruleIds.indexOf(b.rule),
    );
  const guardIds = [
    ...new Set([...GUARDS.map((g) => g.id as string), ...blockedBy.keys(), ...heldRules.keys()]),
  ];
  const guards = guardIds.map((guard) => ({
    guard,
    blocked: blockedBy.get(guard) ?? 0,
    heldRules: heldRules.get(guard) ?? 0,
  }));
  invalid.sort((a, b) => a.file.localeCompare(b.file));

  return {
    files: outcomes.length,
    decided: outcomes.length - invalid.length,
    escalated,
    blocked,
    noRule,
    urgentAlerts,
    teams,
    urgency,
    rules,
    guards,
    invalid,
  };
}

const TEAM_NAMES: Readonly<Record<Target, string>> = {
  trust_safety: 'Trust & Safety',
  l2: 'L2',
  engineering: 'Engineering',
  carrier: 'Carrier',
  legal: 'Legal',
};

const percent = (part: number, whole: number): string =>
  whole === 0 ? '' : ` (${Math.round((part / whole) * 100)}%)`;

/** The summary as the text `--summary` prints: one figure a line, grouped, zero counts kept for rules. */
export function formatSummary(s: BacktestSummary): string {
  const lines = [
    `${s.files} file${s.files === 1 ? '' : 's'}: ${s.decided} decided, ${s.invalid.length} invalid`,
    '',
    `escalate now      ${s.escalated}${percent(s.escalated, s.decided)}`,
    `blocked by guard  ${s.blocked}${percent(s.blocked, s.decided)}`,
    `no rule applies   ${s.noRule}${percent(s.noRule, s.decided)}`,
    `urgent alerts     ${s.urgentAlerts}`,
    '',
    'team            primary  any',
    ...TARGETS.map(
      (t) =>
        `${TEAM_NAMES[t].padEnd(15)} ${String(s.teams[t].primary).padStart(7)}  ${String(s.teams[t].any).padStart(3)}`,
    ),
    '',
    `urgency  ${URGENCIES.map((u) => `${u} ${s.urgency[u]}`).join(' · ')}`,
    '',
    'rule                              fired  held back',
    ...s.rules.map(
      (r) => `${r.rule.padEnd(33)} ${String(r.fired).padStart(5)}  ${String(r.heldBack).padStart(9)}`,
    ),
    '',
    'guard                     blocked tickets  held rules',
    ...s.guards.map(
      (g) => `${g.guard.padEnd(25)} ${String(g.blocked).padStart(15)}  ${String(g.heldRules).padStart(10)}`,
    ),
  ];
  if (s.invalid.length) {
    lines.push('', 'invalid files', ...s.invalid.map((x) => `${x.file}: ${x.error}`));
  }
  return lines.join('\n');
}
