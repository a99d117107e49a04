/**
 * The local Zendesk account the host plays: one group per escalation team, an "Escalated" custom status,
 * the signed-in agent, and the app's installation settings as `metadata().settings` delivers them.
 * The setting names are the manifest's parameters; keep TEAM_GROUPS' `setting` in step with the manifest.
 */
import { DEFAULT_CUSTOM_STATUSES } from '../../fake/zendesk';
import type { CustomStatus } from '../../fake/types';

/** A team's group in the local account. */
export interface TeamGroup {
  readonly team: 'trust_safety' | 'l2' | 'engineering' | 'carrier' | 'legal';
  readonly id: number;
  readonly name: string;
  /** The installation setting that names this group. */
  readonly setting: string;
}

/** The escalation teams' groups. Ids are made up, in Zendesk's range, and differ from the cases' groups. */
export const TEAM_GROUPS: readonly TeamGroup[] = [
  { team: 'trust_safety', id: 24000000000101, name: 'Trust & Safety', setting: 'trust_safety_group_id' },
  { team: 'l2', id: 24000000000102, name: 'Tier 2 Support', setting: 'l2_group_id' },
  { team: 'engineering', id: 24000000000103, name: 'Engineering', setting: 'engineering_group_id' },
  { team: 'carrier', id: 24000000000104, name: 'Carrier Relations', setting: 'carrier_group_id' },
  { team: 'legal', id: 24000000000105, name: 'Legal', setting: 'legal_group_id' },
];

/** The account's own "Escalated" status, an open-category custom status. */
export const ESCALATED_STATUS: CustomStatus = {
  id: 24000000000201,
  status_category: 'open',
  agent_label: 'Escalated',
  end_user_label: 'Open',
  description: 'Handed to a specialist team',
  end_user_description: 'Staff is working on the ticket',
  active: true,
  default: false,
  created_at: '2024-01-01T00:00:00Z',
  updated_at: '2024-01-01T00:00:00Z',
};

/** Zendesk's system statuses plus Escalated. */
export const CUSTOM_STATUSES: readonly CustomStatus[] = [...DEFAULT_CUSTOM_STATUSES, ESCALATED_STATUS];

/** The agent the host signs in when a ticket has no assignee. */
export const DEFAULT_AGENT = {
  id: 1,
  name: 'Local Agent',
  email: 'agent@local.invalid',
  role: 'agent',
} as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A manifest parameter, as far as the settings Zendesk delivers depend on it. */
export interface ManifestParameter {
  readonly name: string;
  readonly type: string;
  readonly secure?: boolean;
  readonly default?: unknown;
}

/** Reads the `parameters` of a parsed manifest.json; anything unusable is left out. */
export function manifestParameters(manifest: unknown): ManifestParameter[] {
  if (!isRecord(manifest) || !Array.isArray(manifest.parameters)) return [];
  return (manifest.parameters as unknown[]).flatMap((parameter) =>
    isRecord(parameter) && typeof parameter.name === 'string' && typeof parameter.type === 'string'
      ? [
          {
            name: parameter.name,
            type: parameter.type,
            secure: parameter.secure === true,
            ...('default' in parameter ? { default: parameter.default } : {}),
          },
        ]
      : [],
  );
}

/** A value as a manifest parameter of `type` holds it: a checkbox a boolean, anything else text. */
function asParameter(type: string, value: unknown): unknown {
  if (type === 'checkbox') return value === true || value === 'true';
  if (Array.isArray(value)) return value.map(String).join(', ');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The installation settings for a case, as `metadata().settings` would deliver them: the case's
 * `settings`, the team groups and the Escalated status, over the manifest's defaults. With the app's
 * manifest, only its parameters come through, typed as Zendesk stores them (text parameters as text, a
 * checkbox as a boolean) and secure ones never; without one (a test app), everything does.
 */
export function defaultSettings(
  bundle: unknown,
  parameters: readonly ManifestParameter[] | null,
): Record<string, unknown> {
  const values: Record<string, unknown> = {
    ...(isRecord(bundle) && isRecord(bundle.settings) ? bundle.settings : {}),
    ...Object.fromEntries(TEAM_GROUPS.map((group) => [group.setting, group.id])),
    escalated_status_id: ESCALATED_STATUS.id,
  };
  if (parameters === null) {
    return Object.fromEntries(
      Object.entries(values).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value]),
    );
  }
  const settings: Record<string, unknown> = {};
  for (const parameter of parameters) {
    if (parameter.secure === true) continue;
    const value = values[parameter.name] ?? parameter.default;
    if (value !== undefined && value !== null) settings[parameter.name] = asParameter(parameter.type, value);
  }
  return settings;
}

/** The signed-in agent for a case: the ticket's assignee when the bundle knows them, else a local agent. */
export function agentFor(bundle: unknown): { id: number; name: string; email: string; role: string } {
  if (!isRecord(bundle) || !isRecord(bundle.ticket)) return { ...DEFAULT_AGENT };
  const assigneeId = bundle.ticket.assignee_id;
  if (typeof assigneeId !== 'number') return { ...DEFAULT_AGENT };
  const users = Array.isArray(bundle.users) ? (bundle.users as unknown[]) : [];
  const user = users.find((candidate) => isRecord(candidate) && candidate.id === assigneeId);
  const text = (value: unknown, fallback: string): string => (typeof value === 'string' ? value : fallback);
  return isRecord(user)
    ? {
        id: assigneeId,
        name: text(user.name, `Agent ${assigneeId}`),
        email: text(user.email, `agent.${assigneeId}@local.invalid`),
        role: text(user.role, 'agent'),
      }
    : {
        id: assigneeId,
        name: `Agent ${assigneeId}`,
        email: `agent.${assigneeId}@local.invalid`,
        role: 'agent',
      };
}

/** The bundle's organization as ZAF shows it, or null. */
export function organizationOf(bundle: unknown): { id: number; name: string; tags: string[] } | null {
  if (!isRecord(bundle) || !isRecord(bundle.organization)) return null;
  const { id, name, tags } = bundle.organization;
  if (typeof id !== 'number') return null;
  return {
    id,
    name: typeof name === 'string' ? name : '',
    tags: Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : [],
  };
}

/** Group ids the bundle mentions (the ticket's and the requester's other tickets'): the fake seeds them. */
export function bundleGroupIds(bundle: unknown): number[] {
  if (!isRecord(bundle)) return [];
  const tickets = [
    bundle.ticket,
    ...(Array.isArray(bundle.requester_tickets) ? (bundle.requester_tickets as unknown[]) : []),
  ];
  const ids = tickets.flatMap((ticket) =>
    isRecord(ticket) && typeof ticket.group_id === 'number' ? [ticket.group_id] : [],
  );
  return [...new Set(ids)];
}
