/**
 * What a confirm will write, built from the decision and the agent's choices before anything is sent, so
 * the agent sees all of it. Pure: the same input always gives the same plan (and the same escalation
 * key, which is how a retried confirm recognises its own note).
 */
import { maskSensitive, route, TEAMS, type Bundle, type Decision, type Target } from '../engine';
import { GROUP_SETTINGS } from './settings';
import type { AppSettings, WritePlan } from './types';

/** What the agent settled on in the sidebar. */
export interface PlanChoice {
  /** Teams, primary (the new owner) first. */
  targets: Target[];
  /** Why the agent chose other teams than suggested (or escalated when the guide said not to). */
  overrideReason: string | null;
  /** The internal note as the agent edited it. */
  note: string;
  /** The customer message as the agent edited it; empty sends none. */
  message: string;
}

/** Input of `buildPlan`. */
export interface PlanInput {
  bundle: Bundle;
  decision: Decision;
  choice: PlanChoice;
  settings: AppSettings;
  /** The agent confirming; named in the note's footer. */
  agent: { id: number; name: string };
}

/**
 * Builds the write plan. Throws a RangeError when no team is chosen or the bundle lacks the ticket id or
 * `updated_at` (without them no safe update is possible); everything else that needs the agent's
 * attention is in `warnings`.
 */
export function buildPlan(input: PlanInput): WritePlan {
  const { bundle, decision, choice, settings, agent } = input;
  const ticketId = Number(bundle.ticket.id);
  const updatedStamp = bundle.ticket.updated_at;
  if (!Number.isSafeInteger(ticketId) || ticketId <= 0) {
    throw new RangeError('The ticket has no id: reload the ticket before confirming.');
  }
  if (updatedStamp === null || updatedStamp === undefined) {
    throw new RangeError(
      `Ticket ${ticketId} has no updated_at, so a safe update is impossible: reload the ticket.`,
    );
  }
  const targets = [...new Set(choice.targets)];
  const primary = targets[0];
  if (primary === undefined) throw new RangeError('Choose at least one team to escalate to.');

  const warnings: string[] = [];
  const suggested = decision.escalate ? decision.targets : [];
  const overridden = !sameList(suggested, targets);
  const reason = choice.overrideReason?.trim() ?? '';
  if (overridden && reason === '') {
    warnings.push('The chosen teams differ from the suggestion: give a reason, so supervisors can see why.');
  }

  const groupId = settings.groups[primary] ?? null;
  if (groupId === null) {
    warnings.push(
      `No group is set for ${TEAMS[primary].label} (setting ${GROUP_SETTINGS[primary]}), so the ticket stays in its current group: set it in the app settings or assign the group by hand.`,
    );
  }

  const escalationKey = makeEscalationKey(ticketId, updatedStamp, targets);
  const existing = new Set(bundle.ticket.tags ?? []);
  const additionalTags = [...new Set(wantedTags(bundle, decision, targets))].filter(
    (tag) => !existing.has(tag),
  );

  // A linked ticket's subject is the app's text built from the customer's words: an account or card number
  // in them goes masked, as in every text the app drafts. (The note is already masked where it quotes the
  // ticket, and masking it again would also mask the 14-digit comment ids its evidence points at.)
  const subject = maskSensitive(bundle.ticket.subject?.trim() ?? '');
  const note = choice.note.trim();
  const handoffs = targets.slice(1).map((target) => {
    const handoffGroup = settings.groups[target] ?? null;
    if (handoffGroup === null) {
      warnings.push(
        `No group is set for ${TEAMS[target].label} (setting ${GROUP_SETTINGS[target]}), so no linked ticket can be created for it: set it in the app settings or hand it over by hand.`,
      );
    }
    return {
      target,
      groupId: handoffGroup,
      subject: `Escalation handoff to ${TEAMS[target].label}: ticket #${ticketId}${subject === '' ? '' : ` (${subject})`}`,
      body: [
        `Ticket #${ticketId} was escalated to ${TEAMS[primary].label}, who own it, and needs ${TEAMS[target].label} as well.`,
        `Original ticket: #${ticketId}. Escalation key: ${escalationKey}.`,
        '',
        note,
      ].join('\n'),
    };
  });

  const footer = [
    '---',
    `Escalation Guide: suggested ${describeSuggestion(decision)}; chosen ${targets.map((t) => TEAMS[t].label).join(', ')}.`,
    ...(overridden ? [`Override reason: ${reason === '' ? '(none given)' : reason}`] : []),
    `Confirmed by ${agent.name} (user ${agent.id}).`,
    `Escalation key: ${escalationKey}`,
  ].join('\n');

  return {
    ticketId,
    updatedStamp,
    status: 'open',
    customStatusId: settings.escalatedStatusId,
    groupId,
    assigneeId: settings.keepAssignee ? 'keep' : null,
    additionalTags,
    internalNote: note === '' ? footer : `${note}\n\n${footer}`,
    customerMessage: choice.message.trim(),
    messageDelivery: settings.messageDelivery,
    handoffs,
    escalationKey,
    followUpHours: Math.min(...targets.map((t) => TEAMS[t].followUpHours)),
    warnings,
  };
}

/**
 * The marker a confirm writes into its note: `eg-<ticket>-<hash>` of the ticket, the `updated_at` it was
 * decided from and the teams. The same confirm retried gives the same key; a decision on a newer
 * version of the ticket gives another.
 */
export function makeEscalationKey(
  ticketId: number,
  updatedStamp: string,
  targets: readonly Target[],
): string {
  const stamp = Number.isNaN(Date.parse(updatedStamp)) ? updatedStamp : new Date(updatedStamp).toISOString();
  return `eg-${ticketId}-${fnv1a(`${ticketId}|${stamp}|${targets.join(',')}`)}`;
}

/** The decision's tags, recomputed for the teams the agent chose (the guide's tags follow the teams). */
function wantedTags(bundle: Bundle, decision: Decision, targets: readonly Target[]): string[] {
  const slo = decision.escalate ? decision.tags.includes('slo_at_risk') : sloAtRisk(bundle);
  return [
    ...targets.map((t) => TEAMS[t].tag),
    ...(slo ? ['slo_at_risk'] : []),
    ...(decision.urgency === 'critical' ? ['priority_high'] : []),
  ];
}

/** When the guide did not escalate, the decision carries no tags; the engine's own facts say whether the SLO is at risk. */
function sloAtRisk(bundle: Bundle): boolean {
  const facts = route(bundle).facts;
  return (facts.hoursStuck.value ?? 0) > facts.settings.sloRiskHours;
}

function describeSuggestion(decision: Decision): string {
  const teams = decision.targets.map((t) => TEAMS[t].label).join(', ');
  if (decision.escalate) return teams;
  const held = decision.blockers.map((b) => b.id).join(', ');
  return `no escalation${held === '' ? '' : ` (held back: ${held})`}${teams === '' ? '' : `, would go to ${teams}`}`;
}

function sameList(a: readonly Target[], b: readonly Target[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** FNV-1a, 32 bits, as 8 hex digits: short, stable across runs and platforms, no crypto needed. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
