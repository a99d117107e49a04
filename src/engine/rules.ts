/**
 * The guide's escalation rules as data: one record per table row or path bullet, with the team it sends
 * the ticket to, the urgency, the guards that can hold it back, and the facts it reads. `npm run rules`
 * prints this table, and the README shows that print, so the docs cannot drift from the code.
 */
import { PHRASES } from './phrases';
import type { Evidence, Fact } from './evidence';
import { moneyIn, type Facts } from './facts';
import type { GuardId } from './guards';
import type { Target, Urgency } from './teams';
import { find } from './text';

export interface Rule {
  id: string;
  /** Where in the guide: "DO escalate", "Path 1" ... "Path 5". */
  section: string;
  /** The guide's words for the situation. */
  guideRow: string;
  targets: Target[];
  urgency: Urgency;
  /** Path 5: alert on-call now; urgency critical, tag priority_high. */
  urgent?: true;
  /** Sends to L2 only when no specialist team (Engineering, Carrier, T&S, Legal) takes the case. */
  fallback?: true;
  /** About a problem: does not fire once the latest words say it is solved. */
  problem?: true;
  /** The "do not escalate" guards that hold this rule back. */
  guards: GuardId[];
  reads: string[];
  /** The evidence when the rule fires, null when it does not. */
  test: (f: Facts) => Evidence[] | null;
}

const yes = (...facts: Fact<boolean>[]): Evidence[] | null =>
  facts.every((x) => x.value) ? facts.flatMap((x) => x.evidence) : null;
const any = (...facts: Fact<boolean>[]): Evidence[] | null => {
  const on = facts.filter((x) => x.value);
  return on.length ? on.flatMap((x) => x.evidence) : null;
};
const when = (cond: boolean, evidence: () => Evidence[]): Evidence[] | null => (cond ? evidence() : null);

const ENGINEERING_GUARDS: GuardId[] = [
  'troubleshooting_not_done',
  'needs_more_info',
  'known_issue_workaround',
];
const CARRIER_GUARDS: GuardId[] = ['needs_more_info', 'known_issue_workaround'];

/** "Failing repeatedly": the evidence says so ("again", "3 times"), or it was reported more than once. */
function repeatedly(x: Fact<boolean>): boolean {
  const quotes = x.evidence.flatMap((e) => (e.kind === 'comment' || e.kind === 'subject' ? [e.quote] : []));
  return (
    quotes.length > 1 || quotes.some((q) => PHRASES.repeated.some((re) => ((re.lastIndex = 0), re.test(q))))
  );
}

/** The crash keeps the customer from doing something, in the words of the comments that report it. */
function crashBlocks(f: Facts): boolean {
  const ids = new Set(f.said.appCrash.evidence.map((e) => (e.kind === 'comment' ? e.id : 'subject')));
  const reporting = f.passages.filter((p) =>
    ids.has(p.evidenceBase.kind === 'comment' ? p.evidenceBase.id : 'subject'),
  );
  return find(reporting, PHRASES.blocking, { keepNegated: true }).length > 0;
}

const outageSeen = (f: Facts): boolean =>
  f.said.outage.value &&
  (f.said.multipleUsers.value || (f.customersAffected.value > 1 && f.category.value === 'network'));

const DAY = 86_400_000;

export const RULES: readonly Rule[] = [
  // --- DO escalate (with the Path 2-4 situations under their row) ----------------------------------------
  {
    id: 'persists_after_troubleshooting',
    section: 'DO escalate',
    guideRow: 'Issue persists after all troubleshooting steps',
    targets: ['l2'],
    urgency: 'medium',
    problem: true,
    fallback: true,
    guards: ['needs_more_info', 'known_issue_workaround', 'resolvable_with_own_tools', 'only_wants_manager'],
    reads: ['troubleshooting done (checklist or notes)', 'ticket unsolved'],
    test: (f) =>
      when(f.troubleshooting.value === 'yes' && f.persists.value, () => [
        ...f.troubleshooting.evidence,
        ...f.persists.evidence,
      ]),
  },
  {
    id: 'stuck_over_72h',
    section: 'DO escalate',
    guideRow: 'Customer stuck >72 hours',
    targets: ['l2'],
    urgency: 'high',
    problem: true,
    fallback: true,
    guards: ['known_issue_workaround', 'resolvable_with_own_tools'],
    reads: ['ticket created_at', 'now', 'status', 'setting stuck_hours'],
    test: (f) => when((f.hoursStuck.value ?? 0) > f.settings.stuckHours, () => f.hoursStuck.evidence),
  },
  {
    id: 'system_bug_identified',
    section: 'DO escalate',
    guideRow: 'System error/bug identified',
    targets: ['engineering'],
    urgency: 'medium',
    problem: true,
    guards: ENGINEERING_GUARDS,
    reads: ['internal notes'],
    test: (f) => yes(f.said.bugIdentified),
  },
  {
    id: 'esim_provisioning_stuck',
    section: 'Path 2',
    guideRow: 'eSIM provisioning stuck in backend',
    targets: ['engineering'],
    urgency: 'medium',
    problem: true,
    guards: ENGINEERING_GUARDS,
    reads: ['comments'],
    test: (f) =>
      when(
        f.said.esimStuck.value && !f.said.carrierActivationRejected.value,
        () => f.said.esimStuck.evidence,
      ),
  },
  {
    id: 'sim_swap_failing',
    section: 'Path 2',
    guideRow: 'SIM swap failing repeatedly',
    targets: ['engineering'],
    urgency: 'medium',
    problem: true,
    guards: ENGINEERING_GUARDS,
    reads: ['comments'],
    test: (f) =>
      when(
        f.said.simSwapFailing.value && repeatedly(f.said.simSwapFailing),
        () => f.said.simSwapFailing.evidence,
      ),
  },
  {
    id: 'api_error',
    section: 'Path 2',
    guideRow: 'API errors in customer tools',
    targets: ['engineering'],
    urgency: 'medium',
    problem: true,
    guards: ENGINEERING_GUARDS,
    reads: ['comments'],
    test: (f) => yes(f.said.apiError),
  },
  {
    id: 'system_wide_issue',
    section: 'Path 2',
    guideRow: 'System-wide issue affecting multiple customers',
    targets: ['engineering'],
    urgency: 'high',
    problem: true,
    guards: ['known_issue_workaround'],
    reads: ['similar_recent_tickets', 'comments'],
    test: (f) => {
      const failure = any(f.said.bugIdentified, f.said.apiError, f.said.esimStuck, f.said.appCrash);
      return when(failure !== null && !f.said.outage.value && f.customersAffected.value >= 3, () => [
        ...f.customersAffected.evidence,
        ...(failure ?? []),
      ]);
    },
  },
  {
    id: 'data_inconsistency',
    section: 'Path 2',
    guideRow: 'Data inconsistency between systems',
    targets: ['engineering'],
    urgency: 'medium',
    problem: true,
    guards: ENGINEERING_GUARDS,
    reads: ['comments'],
    test: (f) => yes(f.said.dataInconsistency),
  },
  {
    id: 'app_crash_blocking',
    section: 'Path 2',
    guideRow: 'App crashes preventing customer action',
    targets: ['engineering'],
    urgency: 'medium',
    problem: true,
    guards: ENGINEERING_GUARDS,
    reads: ['comments'],
    test: (f) => when(f.said.appCrash.value && crashBlocks(f), () => f.said.appCrash.evidence),
  },
  {
    id: 'refund_over_threshold',
    section: 'DO escalate',
    guideRow: 'Payment refund >$100 (approval required)',
    targets: ['l2'],
    urgency: 'medium',
    guards: [],
    reads: ['refund amount field', 'internal notes', 'setting refund_threshold'],
    test: (f) =>
      when((f.refundAmount.value ?? 0) > f.settings.refundThreshold, () => f.refundAmount.evidence),
  },
  {
    id: 'suspension_appeal',
    section: 'DO escalate',
    guideRow: 'Account suspension appeal',
    targets: ['trust_safety'],
    urgency: 'medium',
    guards: [],
    reads: ['tags', 'comments'],
    test: (f) => {
      const tag = f.tags.filter((t) => /suspend|deactivat/.test(t.tag));
      const suspended = f.said.suspended.value || tag.length > 0;
      const appeal = suspended && (f.said.appeal.value || f.said.appealNoted.value);
      // A line suspended for non-payment comes back with a payment, not a T&S review.
      return when(appeal && !f.said.nonPayment.value, () => [
        ...tag,
        ...f.said.suspended.evidence,
        ...f.said.appeal.evidence,
        ...f.said.appealNoted.evidence,
      ]);
    },
  },
  {
    id: 'fraud_suspected',
    section: 'DO escalate',
    guideRow: 'Fraud suspected',
    targets: ['trust_safety'],
    urgency: 'high',
    guards: [],
    reads: ['comments'],
    test: (f) => yes(f.said.fraud),
  },
  {
    id: 'account_takeover',
    section: 'Path 3',
    guideRow: 'Account takeover/security breach',
    targets: ['trust_safety'],
    urgency: 'high',
    guards: [],
    reads: ['comments'],
    test: (f) => yes(f.said.accountTakeover),
  },
  {
    id: 'harassment',
    section: 'Path 3',
    guideRow: 'Harassment or abuse',
    targets: ['trust_safety'],
    urgency: 'high',
    guards: [],
    reads: ['comments'],
    test: (f) => yes(f.said.harassment),
  },
  {
    id: 'identity_theft',
    section: 'Path 3',
    guideRow: 'Identity theft claim',
    targets: ['trust_safety'],
    urgency: 'high',
    guards: [],
    reads: ['comments'],
    test: (f) => yes(f.said.identityTheft),
  },
  {
    id: 'aup_violation_review',
    section: 'Path 3',
    guideRow: 'AUP violation review',
    targets: ['trust_safety'],
    urgency: 'medium',
    guards: [],
    reads: ['agent comments'],
    test: (f) => yes(f.said.aupViolation),
  },
  {
    id: 'network_outage',
    section: 'DO escalate',
    guideRow: 'Network outage affecting multiple users',
    targets: ['engineering', 'carrier'],
    urgency: 'high',
    problem: true,
    guards: [],
    reads: ['comments', 'similar_recent_tickets', 'issue category'],
    test: (f) =>
      when(outageSeen(f), () => [
        ...f.said.outage.evidence,
        ...f.said.multipleUsers.evidence,
        ...f.customersAffected.evidence,
      ]),
  },
  {
    id: 'port_in_rejected_3_plus',
    section: 'DO escalate',
    guideRow: 'Port-in rejected 3+ times (with correct info)',
    targets: ['carrier'],
    urgency: 'medium',
    problem: true,
    guards: ['port_in_info_unverified', 'needs_more_info'],
    reads: ['comments', 'checklist port_in_info_verified'],
    test: (f) =>
      when(f.portRejections.value >= 3, () => [...f.portRejections.evidence, ...f.portVerified.evidence]),
  },
  {
    id: 'number_not_releasing',
    section: 'Path 4',
    guideRow: 'Number not releasing from old carrier',
    targets: ['carrier'],
    urgency: 'medium',
    problem: true,
    guards: CARRIER_GUARDS,
    reads: ['comments'],
    test: (f) => yes(f.said.numberNotReleasing),
  },
  {
    id: 'carrier_activation_rejected',
    section: 'Path 4',
    guideRow: 'SIM activation rejected by carrier',
    targets: ['carrier'],
    urgency: 'medium',
    problem: true,
    guards: CARRIER_GUARDS,
    reads: ['comments'],
    test: (f) => yes(f.said.carrierActivationRejected),
  },
  {
    id: 'carrier_provisioning_failure',
    section: 'Path 4',
    guideRow: 'Network provisioning failure on carrier side',
    targets: ['carrier'],
    urgency: 'medium',
    problem: true,
    guards: CARRIER_GUARDS,
    reads: ['agent comments'],
    test: (f) => yes(f.said.carrierProvisioning),
  },
  {
    id: 'legal_request',
    section: 'DO escalate',
    guideRow: 'Legal/compliance request',
    targets: ['legal'],
    urgency: 'high',
    guards: [],
    reads: ['comments'],
    test: (f) => yes(f.said.legalRequest),
  },
  {
    id: 'vip_customer',
    section: 'DO escalate',
    guideRow: 'VIP/influencer customer (special handling)',
    targets: ['l2'],
    urgency: 'medium',
    problem: true,
    guards: ['known_issue_workaround', 'resolvable_with_own_tools'],
    reads: ['ticket, requester and organization tags', 'setting vip_tags'],
    test: (f) => when(f.vip.value, () => f.vip.evidence),
  },
  {
    id: 'legal_threat',
    section: 'DO escalate',
    guideRow: 'Customer threatening legal action',
    targets: ['l2', 'legal'],
    urgency: 'high',
    guards: [],
    reads: ['customer comments'],
    test: (f) => yes(f.said.legalThreat),
  },
  {
    id: 'security_incident',
    section: 'Path 5',
    guideRow: 'Data breach or security incident / security breach or data leak',
    targets: ['trust_safety'],
    urgency: 'critical',
    urgent: true,
    guards: [],
    reads: ['comments'],
    test: (f) => yes(f.said.securityIncident),
  },
  // --- Path 1: the rest of L2's list ---------------------------------------------------------------------
  {
    id: 'complex_billing_dispute',
    section: 'Path 1',
    guideRow: 'Complex billing disputes',
    targets: ['l2'],
    urgency: 'medium',
    problem: true,
    guards: ['resolvable_with_own_tools', 'needs_more_info'],
    reads: ['comments', 'organization', 'setting refund_threshold'],
    test: (f) => {
      if (!f.said.billingDispute.value) return null;
      const amounts = f.said.billingDispute.evidence.flatMap((e) =>
        e.kind === 'comment' ? moneyIn(e.quote) : [],
      );
      const large = amounts.some((n) => n > f.settings.refundThreshold);
      return when(large || f.said.multipleCycles.value || f.businessAccount, () => [
        ...f.said.billingDispute.evidence,
        ...f.said.multipleCycles.evidence,
      ]);
    },
  },
  {
    id: 'account_exception',
    section: 'Path 1',
    guideRow: 'Account exceptions needed',
    targets: ['l2'],
    urgency: 'medium',
    guards: ['resolvable_with_own_tools'],
    reads: ['agent comments'],
    test: (f) => yes(f.said.accountException),
  },
  {
    id: 'multi_ticket_weeks',
    section: 'Path 1',
    guideRow: 'Multi-ticket issues spanning weeks',
    targets: ['l2'],
    urgency: 'medium',
    problem: true,
    guards: ['known_issue_workaround'],
    reads: ['requester tickets', 'tags'],
    test: (f) => {
      const now = f.now;
      const earliest = Math.min(
        ...f.relatedTickets.value.map((t) => Date.parse(t.createdAt)).filter((t) => !Number.isNaN(t)),
      );
      const span = now === null ? 0 : now - earliest;
      // Two weeks or more, and recent enough to be the same episode rather than history (90 days).
      return when(span >= 14 * DAY && span <= 90 * DAY, () => f.relatedTickets.evidence);
    },
  },
  {
    id: 'retention_offer',
    section: 'Path 1',
    guideRow: 'Retention offers needed',
    targets: ['l2'],
    urgency: 'medium',
    guards: [],
    reads: ['customer comments', 'internal notes'],
    test: (f) => any(f.said.retention, f.said.retentionNoted),
  },
  // --- Path 5: urgent, alert on-call now ------------------------------------------------------------------
  {
    id: 'emergency_safety_risk',
    section: 'Path 5',
    guideRow: 'Customer reports emergency/safety risk',
    targets: ['trust_safety'],
    urgency: 'critical',
    urgent: true,
    guards: [],
    reads: ['comments'],
    test: (f) => yes(f.said.safetyRisk),
  },
  {
    id: 'widespread_outage',
    section: 'Path 5',
    guideRow: 'Widespread service outage (>10 customers)',
    targets: ['engineering', 'carrier'],
    urgency: 'critical',
    problem: true,
    urgent: true,
    guards: [],
    reads: ['similar_recent_tickets', 'comments', 'setting outage_threshold'],
    test: (f) =>
      when(f.said.outage.value && f.customersAffected.value > f.settings.outageThreshold, () => [
        ...f.customersAffected.evidence,
        ...f.said.outage.evidence,
      ]),
  },
  {
    id: 'legal_deadline',
    section: 'Path 5',
    guideRow: 'Legal/regulatory deadline',
    targets: ['legal'],
    urgency: 'critical',
    urgent: true,
    guards: [],
    reads: ['comments', 'subject'],
    test: (f) => (f.said.legalRequest.value ? yes(f.said.deadline, f.said.legalRequest) : null),
  },
  {
    id: 'media_inquiry',
    section: 'Path 5',
    guideRow: 'Media/press inquiry',
    targets: ['l2'],
    urgency: 'critical',
    urgent: true,
    guards: [],
    reads: ['comments', 'subject'],
    test: (f) => yes(f.said.media),
  },
  {
    id: 'executive_complaint',
    section: 'Path 5',
    guideRow: 'Executive customer complaint',
    targets: ['l2'],
    urgency: 'critical',
    urgent: true,
    guards: [],
    reads: ['requester title and tags', 'ticket tags', 'comments'],
    test: (f) => (f.executive.value ? yes(f.executive, f.complaint) : null),
  },
];
