/** The teams an escalation goes to, and what the guide says about each: tag, follow-up, timeframe. */

export const TARGETS = ['trust_safety', 'l2', 'engineering', 'carrier', 'legal'] as const;
/** A team, in the order a multi-team escalation lists them: the first one owns the ticket. */
export type Target = (typeof TARGETS)[number];

export const URGENCIES = ['low', 'medium', 'high', 'critical'] as const;
export type Urgency = (typeof URGENCIES)[number];

export interface Team {
  label: string;
  tag: string;
  /** Hours until the agent checks back ("After Escalation"; T&S and Legal: see README). */
  followUpHours: number;
  /** What the customer is told to expect. */
  timeframe: string;
}

export const TEAMS: Record<Target, Team> = {
  l2: { label: 'L2 (Senior CS)', tag: 'escalated_l2', followUpHours: 24, timeframe: 'within 24 hours' },
  engineering: {
    label: 'Engineering',
    tag: 'escalated_engineering',
    followUpHours: 48,
    timeframe: 'within 48 hours',
  },
  // The guide promises the customer 24-48 hours; the follow-up falls at the end of that window.
  trust_safety: {
    label: 'Trust & Safety',
    tag: 'escalated_ts',
    followUpHours: 48,
    timeframe: 'within 24-48 hours',
  },
  carrier: {
    label: 'Carrier',
    tag: 'escalated_carrier',
    followUpHours: 72,
    timeframe: 'within 2-3 business days',
  },
  // The guide sets no follow-up for Legal; legal matters carry dates, so check back daily.
  legal: { label: 'Legal', tag: 'escalated_legal', followUpHours: 24, timeframe: 'within 1 business day' },
};

export const URGENCY_LABEL: Record<Urgency, string> = {
  low: 'Low (standard queue)',
  medium: 'Medium (within 24h)',
  high: 'High (within 4h)',
  critical: 'Critical (immediate)',
};

export const higherUrgency = (a: Urgency, b: Urgency): Urgency =>
  URGENCIES.indexOf(a) >= URGENCIES.indexOf(b) ? a : b;

export const byTeamOrder = (a: Target, b: Target): number => TARGETS.indexOf(a) - TARGETS.indexOf(b);
