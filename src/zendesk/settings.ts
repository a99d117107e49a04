/**
 * The app's installation settings: manifest parameters arrive from `client.metadata().settings` as text
 * (a checkbox as a boolean), typed in by an admin. Each is checked here once; a bad value becomes a
 * problem the sidebar shows, and the guide's default is used, so one typo never stops the app.
 */
import type { Bundle, Target } from '../engine';
import { parseHandoffSettings } from './integrations/settings';
import type { AppSettings } from './types';

/** The guide's defaults, used for any setting that is absent or malformed. */
export const DEFAULT_SETTINGS: AppSettings = {
  groups: {},
  escalatedStatusId: null,
  categoryFieldId: null,
  refundFieldId: null,
  followUpFieldId: null,
  recordFieldId: null,
  refundThreshold: 100,
  stuckHours: 72,
  sloRiskHours: 48,
  outageThreshold: 10,
  vipTags: ['vip', 'influencer'],
  keepAssignee: false,
  messageDelivery: 'post',
  supervisorGroupIds: [],
};

/** Manifest parameter names of the team groups. */
export const GROUP_SETTINGS: Readonly<Record<Target, string>> = {
  l2: 'l2_group_id',
  engineering: 'engineering_group_id',
  trust_safety: 'trust_safety_group_id',
  carrier: 'carrier_group_id',
  legal: 'legal_group_id',
};

/** The parsed settings and, in words an admin can act on, every value that was not usable. */
export interface ParsedSettings {
  settings: AppSettings;
  problems: string[];
}

const isBlank = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

const shown = (value: unknown): string => {
  const text = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
};

/** Parses `client.metadata().settings`; see the module header. Never throws. */
export function parseSettings(raw: Record<string, unknown>): ParsedSettings {
  const problems: string[] = [];

  // A Zendesk id: a whole number above 0. Blank means "not configured", which is not a problem.
  const id = (name: string): number | null => {
    const value = raw[name];
    if (isBlank(value)) return null;
    const n =
      typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
    if (Number.isSafeInteger(n) && n > 0) return n;
    problems.push(
      `${name} must be a Zendesk id (a whole number such as 360001234567); got ${shown(value)}. It is ignored.`,
    );
    return null;
  };

  const amount = (name: string, fallback: number, unit: string): number => {
    const value = raw[name];
    if (isBlank(value)) return fallback;
    const n =
      typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
    if (Number.isFinite(n) && n >= 0) return n;
    problems.push(`${name} must be a number of ${unit}, 0 or more; got ${shown(value)}. Using ${fallback}.`);
    return fallback;
  };

  const groups: Partial<Record<Target, number>> = {};
  for (const [target, name] of Object.entries(GROUP_SETTINGS) as [Target, string][]) {
    const group = id(name);
    if (group !== null) groups[target] = group;
  }

  return {
    settings: {
      groups,
      escalatedStatusId: id('escalated_status_id'),
      categoryFieldId: id('category_field_id'),
      refundFieldId: id('refund_amount_field_id'),
      followUpFieldId: id('follow_up_field_id'),
      recordFieldId: id('record_field_id'),
      refundThreshold: amount('refund_threshold', DEFAULT_SETTINGS.refundThreshold, 'dollars'),
      stuckHours: amount('stuck_hours', DEFAULT_SETTINGS.stuckHours, 'hours'),
      sloRiskHours: amount('slo_risk_hours', DEFAULT_SETTINGS.sloRiskHours, 'hours'),
      outageThreshold: wholeNumber(raw, 'outage_threshold', DEFAULT_SETTINGS.outageThreshold, problems),
      vipTags: tags(raw, 'vip_tags', DEFAULT_SETTINGS.vipTags, problems),
      keepAssignee: checkbox(raw, 'keep_assignee', DEFAULT_SETTINGS.keepAssignee, problems),
      messageDelivery: delivery(raw, problems),
      supervisorGroupIds: idList(raw, 'supervisor_group_ids', problems),
      ...handoffs(raw, problems),
    },
    problems,
  };
}

/** The hand-off settings, present only when at least one hand-off is switched on. */
function handoffs(raw: Record<string, unknown>, problems: string[]): Pick<AppSettings, 'handoffs'> {
  const parsed = parseHandoffSettings(raw, problems);
  const on = parsed.slack || parsed.pagerduty !== null || parsed.jira !== null || parsed.carrier;
  return on ? { handoffs: parsed } : {};
}

function wholeNumber(
  raw: Record<string, unknown>,
  name: string,
  fallback: number,
  problems: string[],
): number {
  const value = raw[name];
  if (isBlank(value)) return fallback;
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
  if (Number.isSafeInteger(n) && n >= 0) return n;
  problems.push(
    `${name} must be a whole number of customers, 0 or more; got ${shown(value)}. Using ${fallback}.`,
  );
  return fallback;
}

/** Comma-separated text (the manifest's form) or a list; tags are lower case and contain no spaces. */
function tags(raw: Record<string, unknown>, name: string, fallback: string[], problems: string[]): string[] {
  const value = raw[name];
  if (isBlank(value)) return [...fallback];
  const items = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : null;
  if (items === null || items.some((item) => typeof item !== 'string')) {
    problems.push(
      `${name} must be tags separated by commas, e.g. "vip, influencer"; got ${shown(value)}. Using "${fallback.join(', ')}".`,
    );
    return [...fallback];
  }
  const words = (items as string[]).map((item) => item.trim().toLowerCase()).filter((item) => item !== '');
  const spaced = words.filter((word) => /\s/u.test(word));
  if (spaced.length > 0) {
    problems.push(
      `${name}: a Zendesk tag has no spaces, so ${spaced.map(shown).join(', ')} is read as separate tags; separate tags with commas.`,
    );
  }
  return [...new Set(words.flatMap((word) => word.split(/\s+/u)))];
}

function checkbox(
  raw: Record<string, unknown>,
  name: string,
  fallback: boolean,
  problems: string[],
): boolean {
  const value = raw[name];
  if (isBlank(value)) return fallback;
  if (typeof value === 'boolean') return value;
  const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  problems.push(
    `${name} must be checked or unchecked (true or false); got ${shown(value)}. Using ${String(fallback)}.`,
  );
  return fallback;
}

function delivery(raw: Record<string, unknown>, problems: string[]): AppSettings['messageDelivery'] {
  const value = raw.message_delivery;
  if (isBlank(value)) return DEFAULT_SETTINGS.messageDelivery;
  const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (text === 'post' || text === 'editor') return text;
  problems.push(
    `message_delivery must be "post" (send the customer message as a public reply) or "editor" (put it in the reply editor); got ${shown(value)}. Using "post".`,
  );
  return DEFAULT_SETTINGS.messageDelivery;
}

/**
 * Comma-separated Zendesk ids (`supervisor_group_ids`). A part that is not an id is named and left out;
 * the others still count, so one typo does not lock every supervisor out.
 */
function idList(raw: Record<string, unknown>, name: string, problems: string[]): number[] {
  const value = raw[name];
  if (isBlank(value)) return [];
  const parts =
    typeof value === 'number' ? [String(value)] : typeof value === 'string' ? value.split(',') : null;
  if (parts === null) {
    problems.push(
      `${name} must be group ids separated by commas, e.g. "360001, 360002"; got ${shown(value)}.`,
    );
    return [];
  }
  const ids: number[] = [];
  for (const part of parts.map((item) => item.trim()).filter((item) => item !== '')) {
    const n = Number(part);
    if (/^\d+$/u.test(part) && Number.isSafeInteger(n) && n > 0) ids.push(n);
    else
      problems.push(
        `${name}: ${shown(part)} is not a Zendesk group id (a whole number such as 360001234567); it is ignored.`,
      );
  }
  return [...new Set(ids)];
}

/** The bundle's `settings` object (shared/cases/FORMAT.md): what the engine reads, by manifest names. */
export function bundleSettings(s: AppSettings): NonNullable<Bundle['settings']> {
  return {
    ...(s.categoryFieldId === null ? {} : { category_field_id: s.categoryFieldId }),
    ...(s.refundFieldId === null ? {} : { refund_amount_field_id: s.refundFieldId }),
    vip_tags: [...s.vipTags],
    refund_threshold: s.refundThreshold,
    stuck_hours: s.stuckHours,
    slo_risk_hours: s.sloRiskHours,
    outage_threshold: s.outageThreshold,
  };
}
