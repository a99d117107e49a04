/** The local account's app settings: what `metadata().settings` carries for a case. */
import { describe, expect, it } from 'vitest';
import { agentFor, defaultSettings, manifestParameters, TEAM_GROUPS } from './account';

const bundle = {
  ticket: { id: 1, assignee_id: 7 },
  users: [{ id: 7, name: 'Priya Raman', email: 'priya@example.com', role: 'agent' }],
  settings: { category_field_id: 27493018462210, vip_tags: ['vip', 'influencer'], stuck_hours: 72 },
};

const manifest = {
  parameters: [
    { name: 'l2_group_id', type: 'text' },
    { name: 'category_field_id', type: 'text' },
    { name: 'vip_tags', type: 'text', default: 'vip' },
    { name: 'stuck_hours', type: 'text', default: '72' },
    { name: 'refund_threshold', type: 'text', default: '100' },
    { name: 'keep_assignee', type: 'checkbox', default: false },
    { name: 'api_token', type: 'text', secure: true, default: 'secret' },
    { name: 'broken' },
  ],
};

describe('defaultSettings', () => {
  it("delivers the manifest's parameters as Zendesk stores them: text as text, a checkbox as a boolean", () => {
    const l2 = TEAM_GROUPS.find((group) => group.team === 'l2')?.id;
    expect(defaultSettings(bundle, manifestParameters(manifest))).toEqual({
      l2_group_id: String(l2),
      category_field_id: '27493018462210',
      vip_tags: 'vip, influencer',
      stuck_hours: '72',
      refund_threshold: '100',
      keep_assignee: false,
    });
  });

  it('never delivers a secure parameter, and nothing the manifest does not declare', () => {
    const settings = defaultSettings(bundle, manifestParameters(manifest));
    expect(settings).not.toHaveProperty('api_token');
    expect(settings).not.toHaveProperty('escalated_status_id');
  });

  it('without a manifest (a test app) delivers the case settings and the account ids as they are', () => {
    const settings = defaultSettings(bundle, null);
    expect(settings).toMatchObject({ category_field_id: 27493018462210, vip_tags: 'vip, influencer' });
    expect(Object.keys(settings)).toEqual(expect.arrayContaining(TEAM_GROUPS.map((group) => group.setting)));
  });
});

describe('agentFor', () => {
  it('signs in the assignee when the bundle knows them, else a local agent', () => {
    expect(agentFor(bundle)).toEqual({
      id: 7,
      name: 'Priya Raman',
      email: 'priya@example.com',
      role: 'agent',
    });
    expect(agentFor({ ticket: { id: 1, assignee_id: null } })).toMatchObject({ id: 1, name: 'Local Agent' });
  });
});
