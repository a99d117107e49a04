/**
 * The decision for one ticket: which rules fire, which guards hold them back, where it goes, how urgent,
 * which tags and when to follow up. Pure and total: the same bundle always gives the same decision.
 */
import { reviewMessage, type WordingProblem } from './advice';
import type { Bundle, ChecklistKey } from './bundle';
import { compose } from './compose';
import { describeEvidence, uniqueEvidence, type Evidence } from './evidence';
import { extractFacts, issueType, type Facts, type Sentiment } from './facts';
import { followUpHours } from './followup';
import { GUARD_BY_ID, GUARDS, type GuardId } from './guards';
import { RULES, type Rule } from './rules';
import { TEAMS, byTeamOrder, higherUrgency, type Target, type Urgency } from './teams';

export interface Reason {
  rule: string;
  /** The team this rule sends to (its first, when it names two). */
  target: Target;
  targets: Target[];
  guide_row: string;
  /** The words, fields or tags that made it fire, one line each joined by " | ". */
  evidence: string;
  sources: Evidence[];
  /** Why a fired rule adds no team: L2 fallback when a specialist team takes the case. */
  covered_by?: Target[];
}

export interface Blocker {
  id: GuardId | 'customer_email_missing' | 'no_escalation_rule';
  message: string;
  evidence: string[];
}

export interface HeldBack {
  rule: string;
  targets: Target[];
  blocked_by: GuardId[];
}

export interface Decision {
  escalate: boolean;
  targets: Target[];
  urgency: Urgency;
  urgent_alert: boolean;
  tags: string[];
  follow_up_hours: number | null;
  blockers: Blocker[];
  reasons: Reason[];
  /** Rules that fired but a guard holds back; the escalation may still go ahead for other reasons. */
  held_back: HeldBack[];
  /** Checklist questions that matter for this ticket and are not answered yet. */
  open_questions: ChecklistKey[];
  /** The guide's four required parameters. */
  parameters: {
    issue_type: string;
    urgency: Urgency;
    escalation_target: string | null;
    customer_email: string | null;
  };
  sentiment: { label: Sentiment; evidence: string[] };
  customer_channel: 'chat' | 'email';
  note: string;
  customer_message: string;
  /** What in the customer message goes against the guide's advice ("What to Tell Customers", Path 3). */
  wording: WordingProblem[];
  /** The Path 5 alert text for the on-call channel, null off the urgent path. */
  urgent_alert_text: string | null;
}

export interface Fired {
  rule: Rule;
  evidence: Evidence[];
}

/** The routing part of a decision, before any text is written. */
export interface Routing {
  facts: Facts;
  escalate: boolean;
  targets: Target[];
  urgency: Urgency;
  urgent: boolean;
  active: Fired[];
  held: { fired: Fired; blockedBy: GuardId[] }[];
  blockers: Blocker[];
  openQuestions: ChecklistKey[];
}

const GUARD_QUESTION: Partial<Record<GuardId, ChecklistKey>> = {
  troubleshooting_not_done: 'troubleshooting_done',
  needs_more_info: 'info_complete',
  known_issue_workaround: 'known_issue_with_workaround',
  port_in_info_unverified: 'port_in_info_verified',
};

/** Decides for one ticket bundle and writes the note and the customer message. */
export function decide(bundle: Bundle): Decision {
  const routing = route(bundle);
  const f = routing.facts;
  const { note, message, alert, channel } = compose(bundle, routing);
  const specialist = routing.targets.filter((t) => t !== 'l2');
  const slo = (f.hoursStuck.value ?? 0) > f.settings.sloRiskHours;

  const tags = routing.escalate
    ? [
        ...routing.targets.map((t) => TEAMS[t].tag),
        ...(slo ? ['slo_at_risk'] : []),
        ...(routing.urgency === 'critical' ? ['priority_high'] : []),
      ]
    : [];

  return {
    escalate: routing.escalate,
    targets: routing.targets,
    urgency: routing.urgency,
    urgent_alert: routing.escalate && routing.urgent,
    tags,
    follow_up_hours: routing.escalate ? followUpHours(routing.targets) : null,
    blockers: routing.blockers,
    reasons: routing.active.map(({ rule, evidence }) => {
      const covered = rule.fallback && specialist.length > 0 && !routing.targets.includes('l2');
      return {
        rule: rule.id,
        target: rule.targets[0] ?? 'l2',
        targets: rule.targets,
        guide_row: rule.guideRow,
        evidence: evidence.map(describeEvidence).join(' | '),
        sources: evidence,
        ...(covered ? { covered_by: specialist } : {}),
      };
    }),
    held_back: routing.held.map(({ fired, blockedBy }) => ({
      rule: fired.rule.id,
      targets: fired.rule.targets,
      blocked_by: blockedBy,
    })),
    open_questions: routing.openQuestions,
    parameters: {
      issue_type: issueType(f),
      urgency: routing.urgency,
      escalation_target: routing.targets[0] ? TEAMS[routing.targets[0]].label : null,
      customer_email: f.requesterEmail.value,
    },
    sentiment: { label: f.sentiment.value, evidence: f.sentiment.evidence.map(describeEvidence) },
    customer_channel: channel,
    note,
    customer_message: message,
    wording: reviewMessage(message, {
      bundle,
      decision: { targets: routing.targets, customer_message: message },
    }),
    urgent_alert_text: alert,
  };
}

/** Which rules fire, which guards hold them back, and where the ticket goes. */
export function route(bundle: Bundle): Routing {
  const f = extractFacts(bundle);
  const fired: Fired[] = [];
  for (const rule of RULES) {
    if (rule.problem && f.resolved.value) continue;
    const evidence = rule.test(f);
    if (evidence) fired.push({ rule, evidence: uniqueEvidence(evidence) });
  }
  // A guard is checked when a rule that names it fires (or when the customer demands escalation).
  const checked = new Map<GuardId, Evidence[] | null>();
  const holds = (id: GuardId): Evidence[] | null => {
    if (!checked.has(id)) checked.set(id, GUARD_BY_ID.get(id)?.holds(f) ?? null);
    return checked.get(id) ?? null;
  };

  const active: Fired[] = [];
  const held: Routing['held'] = [];
  for (const x of fired) {
    const blockedBy = x.rule.guards.filter((g) => holds(g) !== null);
    if (blockedBy.length) held.push({ fired: x, blockedBy });
    else active.push(x);
  }

  const urgent = active.some((x) => x.rule.urgent);
  const targets = routeTargets(active);
  const blockers: Blocker[] = [];
  const blockerFor = (id: GuardId): Blocker => {
    const guard = GUARD_BY_ID.get(id);
    return {
      id,
      message: guard ? guard.instead(f) : id,
      evidence: (holds(id) ?? []).map(describeEvidence),
    };
  };

  let escalate = active.length > 0;
  let shownTargets = targets;
  if (escalate && !urgent && f.requesterEmail.value === null) {
    escalate = false;
    blockers.push({
      id: 'customer_email_missing',
      message: "Collect the customer's email address first: the escalation and the reply need it.",
      evidence: ['the requester has no email address'],
    });
  }
  if (!active.length) {
    const ids = new Set(held.flatMap((h) => h.blockedBy));
    if (held.length) {
      shownTargets = routeTargets(held.map((h) => h.fired));
    } else if (f.demand.value !== null) {
      // Nothing in the guide calls for escalation, but the customer asks for it: say why not.
      for (const guard of GUARDS) if (holds(guard.id)) ids.add(guard.id);
      shownTargets = [f.demand.value];
      if (!ids.size && f.managerRequested.value) ids.add('only_wants_manager');
      if (!ids.size) {
        blockers.push({
          id: 'no_escalation_rule',
          message: `The customer asks for ${f.demand.value === 'engineering' ? 'Engineering' : 'escalation'}, but no escalation rule applies yet. Troubleshoot and collect the details first; the guide escalates on the situation, not on the request.`,
          evidence: f.demand.evidence.map(describeEvidence),
        });
      }
    }
    for (const guard of GUARDS) if (ids.has(guard.id)) blockers.push(blockerFor(guard.id));
  }

  const considered = active.length ? active : held.map((h) => h.fired);
  let urgency: Urgency = 'low';
  for (const x of considered) urgency = higherUrgency(urgency, x.rule.urgency);
  if (escalate && urgent) urgency = 'critical';

  const openQuestions = new Set<ChecklistKey>();
  for (const x of fired)
    for (const g of x.rule.guards) {
      const q = GUARD_QUESTION[g];
      if (q && f.checklist[q] === undefined) openQuestions.add(q);
    }

  return {
    facts: f,
    escalate,
    targets: shownTargets,
    urgency,
    urgent,
    active,
    held,
    blockers,
    openQuestions: [...openQuestions],
  };
}

/** Teams of the rules that apply, in team order; L2 fallbacks drop out when a specialist team takes it. */
function routeTargets(list: readonly Fired[]): Target[] {
  const specialist = list.some((x) => !x.rule.fallback && x.rule.targets.some((t) => t !== 'l2'));
  const set = new Set<Target>();
  for (const x of list) if (!(x.rule.fallback && specialist)) for (const t of x.rule.targets) set.add(t);
  return [...set].sort(byTeamOrder);
}
