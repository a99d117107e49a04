/**
 * What a confirm will write, built from the decision and the agent's choices before anything is sent, so
 * the agent sees all of it. Pure: the same input always gives the same plan (and the same escalation
 * key, which is how a retried confirm recognises its own note).
 */
import {
  dateFieldValue,
  dueAfter,
  followUpHours,
  maskSensitive,
  route,
  TEAMS,
  type Bundle,
  type Decision,
  type Target,
} from '../engine';
import type { EscalationRecord } from './record';
import { chosenTeams, unfinishedEscalation } from './resume';
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
  /** The moment of the confirm (ISO-8601), from which the follow-up counts; default the bundle's `now`. */
  now?: string;
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

  // A confirm of the same teams right after one that stopped midway continues it under its key.
  const resumedKey = unfinishedEscalation(bundle, targets);
  const escalationKey = resumedKey ?? makeEscalationKey(ticketId, updatedStamp, targets);
  if (resumedKey !== null) {
    warnings.push(`Continues ${resumedKey}, already on the ticket: what landed is not written again.`);
  }
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

  const hours = followUpHours(targets) ?? TEAMS[primary].followUpHours;
  const now = input.now ?? bundle.now ?? new Date().toISOString();
  const dueAt = dueAfter(now, hours);
  const footer = [
    '---',
    `Escalation Guide: suggested ${describeSuggestion(decision)}; ${chosenTeams(targets)}`,
    ...(overridden ? [`Override reason: ${reason === '' ? '(none given)' : reason}`] : []),
    `Follow up with ${TEAMS[primary].label} by ${dueAt.slice(0, 16).replace('T', ' ')} UTC (${hours} h).`,
    `Confirmed by ${agent.name} (user ${agent.id}).`,
    `Escalation key: ${escalationKey}`,
  ].join('\n');

  const record: EscalationRecord = {
    v: 1,
    key: escalationKey,
    at: new Date(Date.parse(now)).toISOString(),
    by: { id: agent.id, name: agent.name },
    suggested,
    chosen: targets,
    override: overridden ? (reason === '' ? '(none given)' : reason) : null,
    urgency: decision.urgency,
    rules: decision.reasons.map((r) => r.rule),
    followUp: { dueAt, hours, sent: 0 },
  };

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
    ...(resumedKey === null ? {} : { resumes: true }),
    followUpHours: hours,
    warnings,
    followUpDueAt: dueAt,
    record: settings.recordFieldId === null ? null : { fieldId: settings.recordFieldId, value: record },
    followUpDate:
      settings.followUpFieldId === null
        ? null
        : { fieldId: settings.followUpFieldId, value: dateFieldValue(dueAt) },
    trackingOff: trackingOff(settings),
  };
}

/** Which unset settings would keep the follow-up on the ticket, in one sentence; null when both are set. */
function trackingOff(settings: AppSettings): string | null {
  if (settings.recordFieldId === null) {
    const also = settings.followUpFieldId === null ? ' (and follow_up_field_id for its date)' : '';
    return `The follow-up is only in the internal note. Set record_field_id${also} in the app settings to keep it on the ticket, so the sidebar shows it when the ticket is opened again.`;
  }
  if (settings.followUpFieldId === null) {
    return 'Set follow_up_field_id in the app settings to put the follow-up date on the ticket too, for views and search.';
  }
  return null;
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
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
