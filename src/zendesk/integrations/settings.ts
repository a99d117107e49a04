/**
 * Which hand-offs beyond Zendesk are switched on. Each is off until an admin configures it: a non-secure
 * setting the app can read (a checkbox, or the Jira site) says it is on, and its secret (webhook URL,
 * routing key, credentials) is a secure setting that only Zendesk's proxy ever sees. `metadata().settings`
 * never holds secure values, so the app cannot tell whether a secret was filled in: a missing one shows
 * as that hand-off's failure, naming the setting to fill.
 */

/** The hand-offs, in the order they run: the urgent ones first. */
export const HANDOFF_KINDS = ['slack', 'pagerduty', 'jira', 'carrier'] as const;
/** One hand-off. */
export type HandoffKind = (typeof HANDOFF_KINDS)[number];

/** The configured hand-offs; null (or false) is off. */
export interface HandoffSettings {
  /** Post the Path 5 urgent alert to a Slack incoming webhook. */
  readonly slack: boolean;
  /** Page on-call through PagerDuty; `scheduleId` picks the business-hours schedule (null: the account's first). */
  readonly pagerduty: { readonly scheduleId: number | null } | null;
  /** Create the engineering issue in Jira Cloud. */
  readonly jira: { readonly site: string; readonly projectKey: string; readonly issueType: string } | null;
  /** Post the carrier escalation to the carrier team's webhook. */
  readonly carrier: boolean;
}

/** Every hand-off off: what an installation without these settings gets. */
export const HANDOFFS_OFF: HandoffSettings = { slack: false, pagerduty: null, jira: null, carrier: false };

/** The secure settings each hand-off's requests name as `{{setting.NAME}}`. */
export const SECURE_SETTINGS: Readonly<Record<HandoffKind, string>> = {
  slack: 'slack_webhook_url',
  pagerduty: 'pagerduty_routing_key',
  jira: 'jira_credentials',
  carrier: 'carrier_webhook_url',
};

const isBlank = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

function checked(raw: Readonly<Record<string, unknown>>, name: string, problems: string[]): boolean {
  const value = raw[name];
  if (isBlank(value)) return false;
  if (typeof value === 'boolean') return value;
  const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  problems.push(
    `${name} must be checked or unchecked (true or false); got ${JSON.stringify(value)}. It is off.`,
  );
  return false;
}

/**
 * Reads the hand-off settings from `metadata().settings`; a value that cannot be used is named in
 * `problems` and leaves that hand-off off.
 */
export function parseHandoffSettings(
  raw: Readonly<Record<string, unknown>>,
  problems: string[],
): HandoffSettings {
  let scheduleId: number | null = null;
  const schedule = raw.business_hours_schedule_id;
  if (!isBlank(schedule)) {
    const n = Number(typeof schedule === 'string' ? schedule.trim() : schedule);
    if (Number.isSafeInteger(n) && n > 0) scheduleId = n;
    else
      problems.push(
        `business_hours_schedule_id must be a Zendesk schedule id (a whole number); got ${JSON.stringify(schedule)}. Using the account's first schedule.`,
      );
  }
  return {
    slack: checked(raw, 'slack_enabled', problems),
    pagerduty: checked(raw, 'pagerduty_enabled', problems) ? { scheduleId } : null,
    jira: jiraSettings(raw, problems),
    carrier: checked(raw, 'carrier_webhook_enabled', problems),
  };
}

/** A Jira Cloud site host, from `acme.atlassian.net` or `https://acme.atlassian.net/`. */
const SITE = /^(?:https:\/\/)?([a-z0-9][a-z0-9-]*\.atlassian\.net)\/?$/iu;
/** Jira project keys: a capital letter, then capitals, digits or underscores. */
const PROJECT_KEY = /^[A-Z][A-Z0-9_]{0,9}$/u;

function jiraSettings(raw: Readonly<Record<string, unknown>>, problems: string[]): HandoffSettings['jira'] {
  if (isBlank(raw.jira_site)) return null;
  const site = SITE.exec(String(raw.jira_site).trim())?.[1]?.toLowerCase();
  if (site === undefined) {
    problems.push(
      `jira_site must be your Jira Cloud site, such as acme.atlassian.net (the app may only call hosts in its domainWhitelist); got ${JSON.stringify(raw.jira_site)}. Jira issues are off.`,
    );
    return null;
  }
  const projectKey = typeof raw.jira_project_key === 'string' ? raw.jira_project_key.trim() : '';
  if (!PROJECT_KEY.test(projectKey)) {
    problems.push(
      `jira_project_key must be a Jira project key such as ENG; got ${JSON.stringify(raw.jira_project_key ?? '')}. Jira issues are off.`,
    );
    return null;
  }
  const issueType = typeof raw.jira_issue_type === 'string' ? raw.jira_issue_type.trim() : '';
  return { site, projectKey, issueType: issueType === '' ? 'Bug' : issueType };
}
