/**
 * The carrier escalation as a request to the carrier team's webhook. The contract is this app's own
 * (README, "Carrier request"): JSON with the escalation key, the ticket, the carrier, the issue and the
 * note's carrier section, and an `Idempotency-Key` header equal to the escalation key, so the team's
 * tool files one request however often it is delivered. The webhook URL is the secure setting.
 */
import type { ServiceCall } from './external';
import { labelled, noteSection, type HandoffPlan } from './plan';
import { SECURE_SETTINGS } from './settings';

/** The webhook call for the plan. */
export function carrierCall(plan: HandoffPlan, ticketUrl: string | null): ServiceCall {
  const section = noteSection(plan.note, 'Carrier Escalation');
  const note = section ?? plan.note;
  return {
    method: 'POST',
    url: `{{setting.${SECURE_SETTINGS.carrier}}}`,
    headers: { 'Idempotency-Key': plan.escalationKey },
    body: {
      type: 'carrier_escalation',
      escalation_key: plan.escalationKey,
      ticket: { id: plan.ticketId, url: ticketUrl, subject: plan.subject },
      customer_email: plan.customerEmail,
      carrier: (section === null ? null : labelled(section, 'Carrier')) ?? 'unknown',
      issue:
        (section === null ? null : labelled(section, 'Issue')) ??
        (plan.subject === '' ? 'Carrier escalation' : plan.subject),
      note,
    },
  };
}
