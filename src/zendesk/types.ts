/**
 * The contract between the Zendesk adapters (src/zendesk), the sidebar (src/ui) and the local host:
 * the slice of the ZAF client the app uses, its settings, and the write plan a confirm carries out.
 */
import type { Target } from '../engine';
import type { EscalationRecord } from './record';
import type { HandoffSettings } from './integrations/settings';

/** The part of ZAF's `client` the app uses. The real SDK client and the test client both fit it. */
export interface ZafClient {
  get(paths: string | string[]): Promise<Record<string, unknown> & { errors?: Record<string, unknown> }>;
  set(path: string, value: unknown): Promise<Record<string, unknown>>;
  invoke(name: string, ...args: unknown[]): Promise<unknown>;
  request<T = unknown>(options: ZafRequest): Promise<T>;
  metadata(): Promise<{ settings: Record<string, unknown>; appId?: number; installationId?: number }>;
  context(): Promise<{ location: string; ticketId?: number; account?: { subdomain?: string } }>;
  on(event: string, handler: (...args: unknown[]) => unknown): void;
  off(event: string, handler: (...args: unknown[]) => unknown): void;
}

/** ZAF `client.request` options (a subset of jQuery.ajax's). */
export interface ZafRequest {
  url: string;
  type?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  data?: string | Record<string, unknown>;
  contentType?: string;
  headers?: Record<string, string>;
  /** Proxy substitution of `{{setting.NAME}}` for secure settings. */
  secure?: boolean;
  cors?: boolean;
  /** Resolve with `{responseJSON, status, headers...}` instead of the body, so headers are readable. */
  httpCompleteResponse?: boolean;
  /**
   * ZAF retries a rate-limited (429) request by itself unless this is false. src/zendesk/rest.ts sends
   * false so that waiting is bounded and visible to the agent.
   */
  autoRetry?: boolean;
  /** Milliseconds before the host gives up on the request (jQuery.ajax's `timeout`). */
  timeout?: number;
  /** How the host should read the answer; Zendesk API calls answer JSON. */
  dataType?: 'json' | 'text';
}

/** The app's installation settings, parsed and checked (manifest parameters, see translations/en.json). */
export interface AppSettings {
  /** Zendesk group id per team; a team without a group cannot be the ticket's owner. */
  groups: Partial<Record<Target, number>>;
  /** Custom ticket status "Escalated", when the account has one; else status stays open. */
  escalatedStatusId: number | null;
  categoryFieldId: number | null;
  refundFieldId: number | null;
  /** The date field holding when to follow up with the escalated team (requirements.json `follow_up_due`). */
  followUpFieldId: number | null;
  /** The text field holding the escalation record (src/zendesk/record.ts; requirements.json `escalation_record`). */
  recordFieldId: number | null;
  refundThreshold: number;
  stuckHours: number;
  sloRiskHours: number;
  outageThreshold: number;
  vipTags: string[];
  /** Unassign the agent so the team's queue owns the ticket (default), or keep the assignee. */
  keepAssignee: boolean;
  /** Post the customer message as a public reply, or put it in the reply editor for the agent to send. */
  messageDelivery: 'post' | 'editor';
  /** Groups whose members may open the supervisors' review page (admins always may). */
  supervisorGroupIds: number[];
  /** Hand-offs beyond Zendesk (Slack, PagerDuty, Jira, carrier webhook); absent means all off. */
  handoffs?: HandoffSettings;
}

/** What a confirm writes, shown to the agent in full before it happens. */
export interface WritePlan {
  ticketId: number;
  /** The ticket's `updated_at` as read: the `safe_update` stamp. */
  updatedStamp: string;
  status: 'open' | 'pending' | 'hold';
  customStatusId: number | null;
  groupId: number | null;
  /** null unassigns (the team's queue owns the ticket), 'keep' leaves the assignee as it is. */
  assigneeId: number | null | 'keep';
  additionalTags: string[];
  internalNote: string;
  customerMessage: string;
  messageDelivery: 'post' | 'editor';
  /** The other teams of a multi-team escalation, each handed a linked ticket in its group. */
  handoffs: { target: Target; groupId: number | null; subject: string; body: string }[];
  /** A marker written into the note, so a retried confirm can tell it already happened. */
  escalationKey: string;
  followUpHours: number | null;
  /** What the agent should know before confirming, e.g. a chosen team without a configured group. */
  warnings?: string[];
  /** When the follow-up falls due (ISO-8601); it is in the note whether or not the fields below are set. */
  followUpDueAt?: string | null;
  /** The escalation record for the record field (`record_field_id`); null when that setting is empty. */
  record?: { fieldId: number; value: EscalationRecord } | null;
  /** The follow-up date field's value, `YYYY-MM-DD` (`follow_up_field_id`); null when that setting is empty. */
  followUpDate?: { fieldId: number; value: string } | null;
  /** Which settings would keep the follow-up on the ticket, when they are not set; said once, after the confirm. */
  trackingOff?: string | null;
  /**
   * True when the plan continues an escalation whose note is already on the ticket (resume.ts): every
   * step then looks for its marker before writing, as a retry does.
   */
  resumes?: boolean;
}

/** How a confirm ended: every step's outcome, so nothing half-done goes unexplained. */
export type WriteOutcome =
  | { kind: 'done'; steps: StepResult[]; at: string }
  | { kind: 'conflict'; steps: StepResult[] }
  | { kind: 'failed'; steps: StepResult[]; error: string };

export interface StepResult {
  /** `follow_up`: a follow-up's re-arm (and its reply); `solve_anyway`: the note that lets a blocked solve through. */
  step: 'ticket_update' | 'customer_message' | 'handoff' | 'follow_up' | 'solve_anyway';
  /** The team a handoff step is for. */
  target?: Target;
  status: 'done' | 'already_done' | 'failed' | 'skipped';
  detail: string;
}
