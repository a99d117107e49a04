import { describe, expect, it } from 'vitest';
import { parseSettings } from '../settings';
import { HANDOFFS_OFF, parseHandoffSettings } from './settings';

function parse(raw: Record<string, unknown>) {
  const problems: string[] = [];
  return { settings: parseHandoffSettings(raw, problems), problems };
}

describe('parseHandoffSettings', () => {
  it('leaves every hand-off off until it is configured', () => {
    expect(parse({})).toEqual({ settings: HANDOFFS_OFF, problems: [] });
    expect(parseSettings({}).settings.handoffs).toBeUndefined();
  });

  it('reads the checkboxes, the schedule and the Jira site, project and issue type', () => {
    const { settings, problems } = parse({
      slack_enabled: true,
      pagerduty_enabled: 'true',
      business_hours_schedule_id: ' 360000123 ',
      jira_site: 'https://Acme.atlassian.net/',
      jira_project_key: 'ENG',
      carrier_webhook_enabled: false,
    });
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      slack: true,
      pagerduty: { scheduleId: 360000123 },
      jira: { site: 'acme.atlassian.net', projectKey: 'ENG', issueType: 'Bug' },
      carrier: false,
    });
    expect(parseSettings({ slack_enabled: true }).settings.handoffs?.slack).toBe(true);
  });

  it.each<[Record<string, unknown>, RegExp]>([
    [{ jira_site: 'jira.example.com', jira_project_key: 'ENG' }, /jira_site must be your Jira Cloud site/u],
    [{ jira_site: 'acme.atlassian.net' }, /jira_project_key must be a Jira project key such as ENG/u],
    [{ jira_site: 'acme.atlassian.net', jira_project_key: 'eng' }, /jira_project_key/u],
    [{ slack_enabled: 'yes' }, /slack_enabled must be checked or unchecked/u],
    [
      { pagerduty_enabled: true, business_hours_schedule_id: 'default' },
      /business_hours_schedule_id must be a Zendesk schedule id/u,
    ],
  ])('names a value it cannot use: %j', (raw, problem) => {
    const { settings, problems } = parse(raw);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(problem);
    expect(settings.jira).toBeNull();
    expect(settings.slack).toBe(false);
  });
});
