/**
 * What the escalation writes: the internal note (the guide's general template plus each path's own note),
 * the customer message in the channel's variant, and the Path 5 alert. Everything unknown stays a visible
 * [placeholder]; ticket text is quoted masked; the Trust & Safety message says nothing about the flag.
 */
import type { Bundle } from './bundle';
import type { Routing } from './decide';
import { clean, extractDetails, type Details } from './details';
import { checklistLabel, describeEvidence } from './evidence';
import { formatHours, issueType, type Facts } from './facts';
import { TEAMS, URGENCIES, URGENCY_LABEL, type Target } from './teams';

const CHAT_CHANNELS = new Set(['chat', 'native_messaging', 'messaging']);

const or = (value: string | null | undefined, placeholder: string): string =>
  value ? value : `[${placeholder}]`;
const day = (iso: string | null | undefined): string | null => (iso ? iso.slice(0, 10) : null);
const stamp = (iso: string | null | undefined): string =>
  iso ? iso.slice(0, 16).replace('T', ' ') : '[time]';

export function compose(bundle: Bundle, routing: Routing) {
  const f = routing.facts;
  const channel: 'chat' | 'email' = CHAT_CHANNELS.has(f.channel) ? 'chat' : 'email';
  if (!routing.escalate) {
    return { note: holdNote(routing), message: holdMessage(f, routing, channel), alert: null, channel };
  }
  const d = extractDetails(bundle, f);
  const sections = [generalNote(bundle, routing, d)];
  for (const t of routing.targets) {
    if (t === 'engineering') sections.push(engineeringNote(f, routing, d));
    if (t === 'trust_safety') sections.push(trustSafetyNote(f, routing, d));
    if (t === 'carrier') sections.push(carrierNote(f, routing, d));
  }
  const alert = routing.urgent ? urgentAlert(bundle, routing) : null;
  if (alert) sections.push(`## Urgent Alert (sent to #cs-urgent)\n\n\`\`\`\n${alert}\n\`\`\``);
  return { note: sections.join('\n\n'), message: customerMessage(f, routing, channel, d), alert, channel };
}

// --- The general note ------------------------------------------------------------------------------------

function teamsLabel(targets: readonly Target[]): string {
  return targets.map((t) => TEAMS[t].label).join(' + ') || '[team]';
}

function reasonLines(routing: Routing): string[] {
  return routing.active.map(
    ({ rule, evidence }) =>
      `- **${rule.guideRow}** (\`${rule.id}\`): ${evidence.map(describeEvidence).join('; ') || '[evidence]'}`,
  );
}

function summary(bundle: Bundle, routing: Routing): string {
  const f = routing.facts;
  const who = f.requesterName ?? 'The customer';
  const subject = bundle.ticket.subject ? clean(bundle.ticket.subject, 160) : null;
  const opening = f.passages
    .find((p) => p.speaker === 'customer' && p.evidenceBase.kind === 'comment')
    ?.sentences.find((s) => s.plain.split(/\s+/).length >= 5);
  const first = subject ? `${who} wrote about "${subject}".` : `${who} opened this ticket.`;
  const second = opening ? `In their words: "${clean(opening.text, 200)}"` : '';
  const third = `Escalating to ${teamsLabel(routing.targets)} because: ${routing.active.map((x) => x.rule.guideRow).join('; ')}.`;
  return [first, second, third].filter(Boolean).join(' ');
}

function generalNote(bundle: Bundle, routing: Routing, d: Details): string {
  const f = routing.facts;
  const hours = f.hoursStuck.value;
  const related = f.relatedTickets.value.map((t) => `#${t.id}`).join(', ');
  const checklist = Object.entries(f.checklist).map(
    ([k, v]) => `Checklist: ${checklistLabel(k as keyof typeof f.checklist)} → ${v ? 'yes' : 'no'}`,
  );
  const tried = [
    ...(d.earlierNotes ? [`(${d.earlierNotes} earlier internal notes not repeated here)`] : []),
    ...d.tried.map((t) => `${stamp(t.at)} (internal note): ${t.text}`),
    ...checklist,
  ];
  const urgencyBoxes = URGENCIES.map((u) => `- [${u === routing.urgency ? 'x' : ' '}] ${URGENCY_LABEL[u]}`);
  const sentimentWords = f.sentiment.evidence.slice(0, 2).map(describeEvidence).join('; ');
  return [
    '## ESCALATION NOTE',
    '',
    `Escalate to **${teamsLabel(routing.targets)}** · urgency **${routing.urgency}**${routing.urgent ? ' · URGENT (Path 5)' : ''}`,
    `Parameters: issue_type ${issueType(f)} · urgency ${routing.urgency} · escalation_target ${routing.targets[0] ? TEAMS[routing.targets[0]].label : '[team]'} · customer_email ${or(f.requesterEmail.value, 'customer email missing - collect it')}`,
    '',
    '### Summary',
    summary(bundle, routing),
    '',
    '### Customer',
    `- Email: ${or(f.requesterEmail.value, 'customer email missing - collect it')}`,
    `- Account ID: ${or(accountId(bundle), 'account id')}`,
    `- Customer since: ${or(day(f.requesterSince), 'customer since')}`,
    `- Account status: ${or(d.accountStatus, 'account status')}`,
    '',
    '### Issue Details',
    `- Category: ${issueType(f)}`,
    `- First reported: ${or(day(d.firstReported), 'first reported')}`,
    `- Issue duration: ${hours === null ? '[duration]' : `${Math.floor(hours / 24)} day${Math.floor(hours / 24) === 1 ? '' : 's'} (${formatHours(hours)})`}`,
    `- Related tickets: ${related || 'none found'}`,
    `- Ticket: #${or(f.ticketId, 'ticket id')}`,
    '',
    '### What Customer Wants',
    or(d.customerWants, "what the customer wants: ask them if it isn't clear"),
    '',
    '### What Was Tried',
    ...(tried.length ? tried.map((t, i) => `${i + 1}. ${t}`) : ['1. [Step] → [Result]']),
    '',
    '### Why Escalating',
    ...reasonLines(routing),
    ...(routing.held.length
      ? [
          '',
          'Held back by a "do not escalate" guard:',
          ...routing.held.map((h) => `- ${h.fired.rule.guideRow}: ${h.blockedBy.join(', ')}`),
        ]
      : []),
    '',
    '### Recommended Resolution',
    recommendation(routing, d),
    '',
    '### Urgency',
    ...urgencyBoxes,
    '',
    '### Customer Sentiment',
    `${f.sentiment.value}${sentimentWords ? ` — ${sentimentWords}` : ''}`,
  ].join('\n');
}

function accountId(bundle: Bundle): string | null {
  const requester = (bundle.users ?? []).find((u) => String(u.id) === String(bundle.ticket.requester_id));
  const fields = requester?.user_fields ?? {};
  for (const key of ['account_id', 'account_number', 'customer_id', 'subscriber_id']) {
    const v = fields[key];
    if (typeof v === 'string' || typeof v === 'number') return clean(String(v), 40);
  }
  return null;
}

const RECOMMEND: Record<string, (r: Routing, d: Details) => string> = {
  refund_over_threshold: (r) => `Approve the refund of $${(r.facts.refundAmount.value ?? 0).toFixed(2)}.`,
  port_in_rejected_3_plus: (_r, d) =>
    `Carrier team to ask ${or(d.carrier, 'the old carrier')} why port request ${or(d.portRequestId, 'port request id')} is rejected (code ${or(d.rejectionCode, 'code')}) although the details are verified.`,
  legal_threat: () =>
    'Legal to review the threat; L2 to resolve the underlying complaint and own the customer.',
  legal_request: () =>
    'Legal to handle the request and confirm receipt to the requester; do not release any records from support.',
  suspension_appeal: () =>
    "T&S to review the appeal with the customer's statement; no promise about the outcome was made.",
  network_outage: () =>
    'Engineering and Carrier to confirm the outage, its area and an ETA; reply to all affected tickets together.',
  stuck_over_72h: () => 'L2 to take over with priority: the customer has waited more than the SLO.',
  vip_customer: () => 'L2 special handling for a VIP customer.',
};

function recommendation(routing: Routing, d: Details): string {
  const lines = routing.active
    .map((x) => RECOMMEND[x.rule.id]?.(routing, d))
    .filter((s): s is string => Boolean(s));
  return lines.length
    ? [...new Set(lines)].join(' ')
    : `[recommended resolution for ${teamsLabel(routing.targets)}]`;
}

// --- Path notes ------------------------------------------------------------------------------------------

function engineeringNote(f: Facts, routing: Routing, d: Details): string {
  const p =
    routing.urgency === 'critical' || routing.urgency === 'high'
      ? 'P1'
      : routing.urgency === 'medium'
        ? 'P2'
        : 'P3';
  const repro = d.tried.filter((t) => /repro|steps|tried|test/i.test(t.text));
  return [
    '## Engineering Escalation',
    '',
    `**Issue:** ${or(f.passages[0]?.evidenceBase.kind === 'subject' ? clean(f.passages[0].own, 160) : null, 'one-line summary')}`,
    `**Customer Impact:** ${or(d.customerImpact ? clean(d.customerImpact, 200) : null, 'what the customer cannot do')}`,
    `**Urgency:** ${p}`,
    '',
    '### Environment',
    `- Customer ID: ${or(f.requesterEmail.value, 'customer id')} (Zendesk ticket #${or(f.ticketId, 'ticket id')})`,
    `- Device: ${or(d.device, 'model')}`,
    `- App Version: ${or(d.appVersion, 'version')}`,
    `- OS Version: ${or(d.osVersion, 'iOS/Android version')}`,
    '',
    '### Repro Steps',
    ...(repro.length
      ? repro.map((t, i) => `${i + 1}. ${t.text}`)
      : ['1. [Step 1]', '2. [Step 2]', '3. [Step 3]']),
    'Expected: [what should happen]',
    `Actual: ${or(d.errorMessages[0], 'what happens')}`,
    '',
    '### Error Details',
    `- Error message: ${or(d.errorMessages.join(' / '), 'exact text')}`,
    `- Error code: ${or(d.errorCodes.join(', '), 'if any')}`,
    `- Timestamp: ${or(d.firstErrorAt, 'when it occurred')}`,
    '',
    '### What Was Tried',
    ...(d.tried.length ? d.tried.map((t) => `- ${stamp(t.at)}: ${t.text}`) : ['- [Step 1] → [Result]']),
  ].join('\n');
}

const TS_CASE: Record<string, string> = {
  suspension_appeal: 'Suspension Appeal',
  fraud_suspected: 'Fraud Review',
  identity_theft: 'Fraud Review',
  account_takeover: 'Security Incident',
  security_incident: 'Security Incident',
  emergency_safety_risk: 'Security Incident',
  harassment: 'AUP Review',
  aup_violation_review: 'AUP Review',
};

function trustSafetyNote(f: Facts, routing: Routing, d: Details): string {
  const types = [...new Set(routing.active.map((x) => TS_CASE[x.rule.id]).filter(Boolean))];
  const ts = routing.active.filter((x) => x.rule.targets.includes('trust_safety'));
  const redFlags = d.tried.map((t) => `- ${stamp(t.at)}: ${t.text}`);
  return [
    '## Trust & Safety Escalation',
    '',
    `**Case Type:** ${types.join(' / ') || 'Suspension Appeal / Fraud Review / Security Incident / AUP Review'}`,
    `**Customer:** ${or(f.requesterEmail.value, 'email')}`,
    `**Account Status:** ${or(d.accountStatus, 'current status')}`,
    '',
    '### Reason for Escalation',
    ...ts.map(({ rule, evidence }) => `- ${rule.guideRow}: ${evidence.map(describeEvidence).join('; ')}`),
    '',
    "### Customer's Statement",
    `"${or(d.customerStatement, "customer's explanation in their own words")}"`,
    '',
    '### Agent Observations',
    ...(redFlags.length ? redFlags : ['- [Relevant context]']),
    `- Conversation tone: ${f.sentiment.value}`,
    '',
    '### Verification Completed',
    d.identityVerified
      ? `- Identity verified via: ${clean(d.identityVerified, 120)}`
      : '- Unable to verify because: [reason] (or Identity verified via: [method])',
  ].join('\n');
}

function carrierNote(f: Facts, routing: Routing, d: Details): string {
  const kind = routing.active.some(
    (x) => x.rule.id === 'port_in_rejected_3_plus' || x.rule.id === 'number_not_releasing',
  )
    ? 'Port-In Stuck'
    : routing.active.some((x) => x.rule.id === 'carrier_activation_rejected')
      ? 'Activation Failure'
      : 'Network Issue';
  return [
    '## Carrier Escalation',
    '',
    `**Issue:** ${kind}`,
    `**Carrier:** ${or(d.carrier, 'AT&T / T-Mobile / original carrier')}`,
    `**Customer:** ${or(f.requesterEmail.value, 'email')}`,
    '',
    '### Details',
    `- Phone Number: ${or(d.phone, 'number')}`,
    `- Account Number (old carrier): ${or(d.oldAccountNumber, 'masked')}`,
    `- Port Request ID: ${or(d.portRequestId, 'if applicable')}`,
    '',
    '### Timeline',
    ...(d.attempts.length
      ? d.attempts.map((a) => `- ${stamp(a.at)}: ${a.text}`)
      : ['- [Date]: Initial attempt - [result]']),
    `- ${stamp(routing.facts.now === null ? null : new Date(routing.facts.now).toISOString())}: Current status - escalated to Carrier`,
    '',
    '### Error from Carrier',
    `- Rejection Code: ${or(d.rejectionCode, 'code')}`,
    `- Rejection Reason: ${or(d.rejectionReason ? clean(d.rejectionReason, 200) : null, 'full text')}`,
    '',
    '### Request',
    kind === 'Port-In Stuck'
      ? `Ask ${or(d.carrier, 'the old carrier')} to release the number or state exactly which detail does not match, so the port can complete.`
      : kind === 'Activation Failure'
        ? 'Ask the carrier why the activation is rejected and to clear it.'
        : 'Confirm the outage, its area and an ETA for restoration.',
  ].join('\n');
}

function urgentAlert(bundle: Bundle, routing: Routing): string {
  const f = routing.facts;
  const urgent = routing.active.filter((x) => x.rule.urgent);
  const risk: Record<string, string> = {
    emergency_safety_risk: "the customer's safety",
    widespread_outage: `service for ${f.customersAffected.value}+ customers stays down`,
    security_incident: 'more customer data is exposed',
    legal_deadline: 'a legal or regulatory deadline is missed',
    media_inquiry: 'the story runs without our comment',
    executive_complaint: 'an executive relationship and possible legal exposure',
  };
  return [
    '@channel URGENT ESCALATION',
    '',
    `Customer: ${or(f.requesterEmail.value, 'customer email missing')}`,
    `Issue: ${or(bundle.ticket.subject ? clean(bundle.ticket.subject, 120) : null, 'one line')} (ticket #${or(f.ticketId, 'id')})`,
    `Why urgent: ${urgent.map((x) => x.rule.guideRow).join('; ')}`,
    `Immediate risk: ${urgent.map((x) => risk[x.rule.id] ?? 'harm from delay').join('; ')}`,
    '',
    'Need triage NOW.',
  ].join('\n');
}

// --- When not escalating ---------------------------------------------------------------------------------

function holdNote(routing: Routing): string {
  const lines = ['## Escalation check: do not escalate yet', ''];
  if (!routing.blockers.length) {
    lines.push('No escalation rule of the guide applies to this ticket. Keep working it at L1.');
  } else {
    if (routing.targets.length)
      lines.push(`Would go to: ${teamsLabel(routing.targets)}, once these are cleared:`, '');
    for (const b of routing.blockers)
      lines.push(`- **${b.id}**: ${b.message}`, ...b.evidence.map((e) => `  - ${e}`));
  }
  return lines.join('\n');
}

function holdMessage(f: Facts, routing: Routing, channel: 'chat' | 'email'): string {
  const ask = routing.blockers.find((b) => b.id === 'needs_more_info' || b.id === 'customer_email_missing');
  if (!ask) return '';
  const what =
    ask.id === 'customer_email_missing'
      ? 'the best email address to reach you at'
      : ask.message.replace(/^Ask the customer for /, '').replace(/, then check again\.$/, '');
  const body = `So I can get this to the right place, could you send me ${what}? As soon as I have it, I'll take the next step right away.`;
  return wrap(f, channel, body);
}

// --- Customer messages -----------------------------------------------------------------------------------

function firstName(f: Facts): string | null {
  return f.requesterName?.split(/\s+/)[0] ?? null;
}

function wrap(f: Facts, channel: 'chat' | 'email', body: string): string {
  const name = or(firstName(f), 'Name');
  if (channel === 'chat')
    return `Hi ${name},\n\n${body}\n\nYour reference number is #${or(f.ticketId, 'Ticket ID')}.`;
  return [
    `Hi ${name},`,
    '',
    body,
    '',
    `Your reference number is: ${or(f.ticketId, 'Ticket ID')}`,
    '',
    'Best,',
    or(f.agentName, 'Agent Name'),
    'Meow Mobile Support',
  ].join('\n');
}

const TYPE_OF_ISSUE: Record<string, string> = {
  esim: 'eSIM activation issues',
  port_in: 'number transfers',
  payment: 'billing and payment issues',
  network: 'network issues',
  account: 'account issues',
};

function customerMessage(f: Facts, routing: Routing, channel: 'chat' | 'email', d: Details): string {
  const primary = routing.targets[0] ?? 'l2';
  const email = or(f.requesterEmail.value, 'email');
  const ruleIds = new Set(routing.active.map((x) => x.rule.id));

  if (ruleIds.has('media_inquiry')) {
    return wrap(
      f,
      channel,
      `Thank you for reaching out. I've passed your inquiry to the team that handles media requests, and they will get back to you at ${email} as soon as possible.`,
    );
  }
  switch (primary) {
    case 'l2': {
      if (channel === 'chat') {
        return [
          `Hi ${or(firstName(f), 'Name')},`,
          '',
          "I'm bringing in a senior specialist to help with this. They'll review everything we've discussed and follow up within 24 hours.",
          '',
          "You don't need to explain again - I've documented everything so they can pick up right where we left off.",
          '',
          `Your reference number is #${or(f.ticketId, 'Ticket ID')}. Is there anything else you'd like me to note before I hand this over?`,
        ].join('\n');
      }
      const type = TYPE_OF_ISSUE[f.category.value ?? ''] ?? 'cases like yours';
      return [
        `Hi ${or(firstName(f), 'Name')},`,
        '',
        'Thank you for your patience on this issue.',
        '',
        `I've escalated your case to a senior specialist on our team who handles ${type}. They have more tools and authority to resolve this properly.`,
        '',
        "Here's what to expect:",
        "- You'll hear back within 24 hours at this email address",
        "- You won't need to re-explain anything - I've documented our entire conversation",
        `- Your reference number is: ${or(f.ticketId, 'Ticket ID')}`,
        '',
        'If anything urgent comes up in the meantime, just reply to this email.',
        '',
        'Best,',
        or(f.agentName, 'Agent Name'),
        'Meow Mobile Support',
      ].join('\n');
    }
    case 'engineering':
      return wrap(
        f,
        channel,
        "I've identified this as a technical issue that needs our engineering team to investigate.\n\nI've created a priority ticket for them with all the details. They typically respond within 48 hours, but I'll personally follow up to make sure this moves along.\n\nIn the meantime, is there anything else I can help with?",
      );
    case 'trust_safety':
      // Fixed wording on purpose: nothing from the ticket but the name, email and reference goes in.
      return wrap(
        f,
        channel,
        `I've submitted your case to our specialized review team. They handle these situations with extra care.\n\nYou'll hear back at ${email} within 24-48 hours. Please check your inbox and spam folder.\n\nI've included everything you've shared with me in the review request.`,
      );
    case 'carrier':
      return wrap(
        f,
        channel,
        `This issue requires coordination with ${or(d.carrier, 'carrier name')}. I've filed a request with our carrier team who will work directly with them.\n\nCarrier issues typically take 2-3 business days to resolve. I'll check in daily and update you as soon as there's movement.\n\nYour current service will continue normally in the meantime.`,
      );
    case 'legal':
      return wrap(
        f,
        channel,
        `Thank you for your message. I've forwarded it to our legal team, who handle requests like this. They will reply to you at ${email} within 1 business day.`,
      );
  }
}
