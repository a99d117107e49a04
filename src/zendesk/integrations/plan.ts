/**
 * What a confirmed escalation hands to other tools, decided before anything is sent so the agent sees it
 * in the preview: the Path 5 alert to Slack, an on-call page, a Jira issue for Engineering, a request to
 * the carrier team. Pure: built from the decision, the write plan and the chosen teams.
 */
import type { Decision, Target, Urgency } from '../../engine';
import type { WritePlan } from '../types';
import type { HandoffKind, HandoffSettings } from './settings';

/**
 * Rules that page on-call at any hour: outages and security incidents (the guide's "page on-call if
 * after hours (security/outage)", and always for these two). Other urgent cases page after hours only.
 */
export const PAGE_ALWAYS_RULES: readonly string[] = [
  'widespread_outage',
  'network_outage',
  'security_incident',
];

/** Everything the hand-offs need, fixed at review time. */
export interface HandoffPlan {
  readonly escalationKey: string;
  readonly ticketId: number;
  readonly subject: string;
  readonly urgency: Urgency;
  /** The teams the agent chose, primary first. */
  readonly targets: readonly Target[];
  /** Ids of the rules that fired. */
  readonly rules: readonly string[];
  /** The guide's urgent alert text; null off the urgent path. */
  readonly alert: string | null;
  /** The internal note as the agent confirmed it: the Jira issue and the carrier request quote it. */
  readonly note: string;
  readonly customerEmail: string | null;
  /** Page whatever the hour (an outage or security incident); otherwise only outside business hours. */
  readonly pageAlways: boolean;
  /** The hand-offs to run, in order. */
  readonly kinds: readonly HandoffKind[];
  readonly settings: HandoffSettings;
}

/** Input of `planHandoffs`. */
export interface HandoffPlanInput {
  readonly plan: WritePlan;
  readonly decision: Decision;
  readonly targets: readonly Target[];
  /** The ticket's subject; empty lets `runHandoffs` read it from the ticket. */
  readonly subject?: string;
  readonly settings: HandoffSettings;
}

/** The hand-offs for a confirm; null when none is configured or none applies. */
export function planHandoffs(input: HandoffPlanInput): HandoffPlan | null {
  const { plan, decision, targets, settings } = input;
  const rules = decision.reasons.map((reason) => reason.rule);
  const urgent = decision.escalate && decision.urgent_alert && decision.urgent_alert_text !== null;
  const pageAlways = rules.some((rule) => PAGE_ALWAYS_RULES.includes(rule));
  const kinds: HandoffKind[] = [];
  if (settings.slack && urgent) kinds.push('slack');
  if (settings.pagerduty !== null && (urgent || pageAlways)) kinds.push('pagerduty');
  if (settings.jira !== null && targets.includes('engineering')) kinds.push('jira');
  if (settings.carrier && targets.includes('carrier')) kinds.push('carrier');
  if (kinds.length === 0) return null;
  return {
    escalationKey: plan.escalationKey,
    ticketId: plan.ticketId,
    subject: input.subject?.trim() ?? '',
    urgency: decision.urgency,
    targets: [...targets],
    rules,
    alert: urgent ? decision.urgent_alert_text : null,
    note: plan.internalNote,
    customerEmail: decision.parameters.customer_email,
    pageAlways,
    kinds,
    settings,
  };
}

/**
 * One `## Heading` section of the note (up to the next `## ` heading or the footer), without its
 * heading line; null when the note has no such section.
 */
export function noteSection(note: string, heading: string): string | null {
  const lines = note.split('\n');
  const start = lines.findIndex((line) => line.trim() === `## ${heading}`);
  if (start === -1) return null;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => line.startsWith('## ') || line.trim() === '---');
  return (end === -1 ? rest : rest.slice(0, end)).join('\n').trim();
}

/** The value after `**Label:**` in a section, or null when absent or still a `[placeholder]`. */
export function labelled(section: string, label: string): string | null {
  const line = section.split('\n').find((candidate) => candidate.startsWith(`**${label}:**`));
  const value = line?.slice(label.length + 5).trim() ?? '';
  return value === '' || /^\[[^\]]*\]$/u.test(value) ? null : value;
}
