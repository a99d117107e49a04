import { describe, expect, it } from 'vitest';
import { parseSettings } from './settings';

describe('supervisor_group_ids', () => {
  it('reads comma-separated group ids, ignoring blanks and repeats', () => {
    const { settings, problems } = parseSettings({ supervisor_group_ids: ' 360001, 360002,,360001 ' });
    expect(settings.supervisorGroupIds).toEqual([360001, 360002]);
    expect(problems).toEqual([]);
  });

  it('is empty when not set: only admins are supervisors then', () => {
    expect(parseSettings({}).settings.supervisorGroupIds).toEqual([]);
    expect(parseSettings({ supervisor_group_ids: '  ' }).settings.supervisorGroupIds).toEqual([]);
  });

  it('names each part that is not a group id and keeps the others', () => {
    const { settings, problems } = parseSettings({ supervisor_group_ids: '360001, Team leads, 12.5' });
    expect(settings.supervisorGroupIds).toEqual([360001]);
    expect(problems).toEqual([
      'supervisor_group_ids: "Team leads" is not a Zendesk group id (a whole number such as 360001234567); it is ignored.',
      'supervisor_group_ids: "12.5" is not a Zendesk group id (a whole number such as 360001234567); it is ignored.',
    ]);
  });

  it('refuses a value that is not text', () => {
    const { settings, problems } = parseSettings({ supervisor_group_ids: [1, 2] });
    expect(settings.supervisorGroupIds).toEqual([]);
    expect(problems[0]).toMatch(/^supervisor_group_ids must be group ids separated by commas/u);
  });
});
