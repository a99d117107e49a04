/**
 * The on-call page as a PagerDuty Events API v2 trigger. The routing key is the secure setting, filled
 * in by Zendesk's proxy; the `dedup_key` is the escalation key, so a retried page joins the first alert
 * instead of paging again. Limits from PagerDuty's reference: summary 1024 characters, dedup_key 255.
 */
import type { ServiceCall } from './external';
import type { HandoffPlan } from './plan';
import { SECURE_SETTINGS } from './settings';

/** PagerDuty's Events API v2 endpoint. */
export const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';

const SUMMARY_LIMIT = 1024;
const DEDUP_LIMIT = 255;

/** The dedup key of an escalation's page. */
export function pagerDutyDedupKey(escalationKey: string): string {
  return `zendesk-${escalationKey}`.slice(0, DEDUP_LIMIT);
}

/** Why this page was sent, in the words on-call reads first. */
export function pageReason(plan: HandoffPlan, afterHours: boolean): string {
  const why = plan.pageAlways ? 'outage or security incident' : 'urgent escalation';
  return afterHours ? `${why}, outside business hours` : why;
}

/** The trigger event for the plan. */
export function pagerDutyCall(
  plan: HandoffPlan,
  options: {
    readonly ticketUrl: string | null;
    readonly source: string;
    readonly reason: string;
    readonly at: Date;
  },
): ServiceCall {
  const subject = plan.subject === '' ? 'no subject' : plan.subject;
  const summary = `Zendesk #${String(plan.ticketId)}: ${subject} (${options.reason})`.replace(/\s+/gu, ' ');
  return {
    method: 'POST',
    url: PAGERDUTY_EVENTS_URL,
    headers: { Accept: 'application/json' },
    body: {
      routing_key: `{{setting.${SECURE_SETTINGS.pagerduty}}}`,
      event_action: 'trigger',
      dedup_key: pagerDutyDedupKey(plan.escalationKey),
      client: 'Escalation Guide (Zendesk)',
      ...(options.ticketUrl === null ? {} : { client_url: options.ticketUrl }),
      payload: {
        summary: summary.length > SUMMARY_LIMIT ? `${summary.slice(0, SUMMARY_LIMIT - 1)}…` : summary,
        source: options.source,
        severity: plan.urgency === 'critical' ? 'critical' : 'error',
        timestamp: options.at.toISOString(),
        component: 'customer-support',
        group: plan.targets.join('+'),
        class: plan.rules.join(','),
        custom_details: {
          ticket_id: plan.ticketId,
          escalation_key: plan.escalationKey,
          customer_email: plan.customerEmail ?? 'missing',
          rules: plan.rules,
          ...(plan.alert === null ? {} : { alert: plan.alert }),
        },
      },
      ...(options.ticketUrl === null
        ? {}
        : { links: [{ href: options.ticketUrl, text: `Zendesk ticket #${String(plan.ticketId)}` }] }),
    },
  };
}
