/**
 * The guide's "DO NOT escalate" list, as data: when each guard holds, its evidence, and what the agent
 * should do instead. A guard blocks only the rules that name it (rules.ts).
 */
import type { Evidence } from './evidence';
import type { Facts } from './facts';

export const GUARD_IDS = [
  'troubleshooting_not_done',
  'only_wants_manager',
  'resolvable_with_own_tools',
  'needs_more_info',
  'known_issue_workaround',
  'port_in_info_unverified',
] as const;
export type GuardId = (typeof GUARD_IDS)[number];

export interface Guard {
  id: GuardId;
  /** The guide's words. */
  guideRow: string;
  reads: string[];
  /** Evidence when the guard holds, null when it does not. */
  holds: (f: Facts) => Evidence[] | null;
  /** What to do instead, specific to this ticket. */
  instead: (f: Facts) => string;
}

const STEPS: Record<string, string> = {
  esim: 'restart the device, update carrier settings, re-push the eSIM profile and check the EID',
  port_in: 'check the port request status and the rejection code with the customer',
  payment: 'look the charge up in the billing tool and explain or correct it',
  network:
    'restart, toggle airplane mode, reset network settings and check the coverage map for the location',
  account: 'check the account status and recent changes in the admin tool',
};

const INFO: Record<string, string> = {
  esim: 'device model, OS version, EID and a screenshot of the error',
  port_in: 'old carrier account number, transfer PIN, billing ZIP and account holder name',
  payment: 'the charge date, amount and the last 4 digits of the card',
  network: 'the address or ZIP where it happens, since when, and whether calls, texts or data fail',
  account: 'the account email and what changed',
};

const byCategory = (table: Record<string, string>, f: Facts, fallback: string) =>
  table[f.category.value ?? ''] ?? fallback;

const when = (cond: boolean, evidence: Evidence[]): Evidence[] | null => (cond ? evidence : null);

export const GUARDS: readonly Guard[] = [
  {
    id: 'troubleshooting_not_done',
    guideRow: "You haven't tried all applicable troubleshooting steps",
    reads: ['checklist troubleshooting_done', 'internal notes'],
    holds: (f) => when(f.troubleshooting.value === 'no', f.troubleshooting.evidence),
    instead: (f) =>
      `Finish the applicable troubleshooting first (${byCategory(STEPS, f, 'the standard steps for this issue')}) and note each result; then check again.`,
  },
  {
    id: 'only_wants_manager',
    guideRow: 'Customer just wants to speak to a manager (offer solution first)',
    reads: ['checklist only_wants_manager', 'customer and agent comments'],
    holds: (f) => when(f.onlyWantsManager.value, f.onlyWantsManager.evidence),
    instead: () =>
      'Offer your solution first and explain what you can do now; escalate only if an escalation rule applies, not for the request alone.',
  },
  {
    id: 'resolvable_with_own_tools',
    guideRow: 'Issue can be resolved with available tools',
    reads: ['refund amount field', 'internal notes'],
    holds: (f) => {
      const amount = f.refundAmount.value;
      const smallRefund = amount !== null && amount > 0 && amount <= f.settings.refundThreshold;
      return when(smallRefund || f.ownTools.value, [
        ...(smallRefund ? f.refundAmount.evidence : []),
        ...f.ownTools.evidence,
      ]);
    },
    instead: (f) => {
      const amount = f.refundAmount.value;
      return amount !== null && amount > 0 && amount <= f.settings.refundThreshold
        ? `Refund the $${amount.toFixed(2)} yourself from the billing tool (within the $${f.settings.refundThreshold} L1 limit) and confirm with the customer.`
        : 'Resolve it with your own tools as your note says, and confirm with the customer.';
    },
  },
  {
    id: 'needs_more_info',
    guideRow: 'You need more information from the customer (ask them first)',
    reads: ['checklist info_complete', 'internal notes'],
    holds: (f) => when(f.infoComplete.value === 'no', f.infoComplete.evidence),
    instead: (f) =>
      `Ask the customer for ${f.missingInfo.length ? f.missingInfo.join('; ') : byCategory(INFO, f, 'the details the next team will need')}, then check again.`,
  },
  {
    id: 'known_issue_workaround',
    guideRow: "It's a known issue with a documented workaround",
    reads: ['checklist known_issue_with_workaround', 'internal notes'],
    holds: (f) => when(f.knownIssue.value, f.knownIssue.evidence),
    instead: () =>
      'Send the documented workaround and ask the customer to confirm it worked; escalate only if it fails.',
  },
  {
    id: 'port_in_info_unverified',
    guideRow: 'Port-in rejected 3+ times with correct info (the info is not yet verified)',
    reads: ['checklist port_in_info_verified', 'internal notes'],
    holds: (f) =>
      when(
        f.portRejections.value > 0 && f.portVerified.value !== 'yes',
        f.portVerified.evidence.length
          ? f.portVerified.evidence
          : [
              {
                kind: 'ticket',
                detail: 'no note or checklist answer says the port-in details were verified',
              },
            ],
      ),
    instead: () =>
      `Verify the port-in details with the customer and the old carrier (${INFO.port_in ?? ''}) and resubmit; escalate to Carrier once it is rejected 3+ times with verified details.`,
  },
];

export const GUARD_BY_ID = new Map(GUARDS.map((g) => [g.id, g]));
