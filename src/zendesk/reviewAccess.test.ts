import { describe, expect, it } from 'vitest';
import { createFakeClient } from '../../fake/client';
import { createFakeZendesk } from '../../fake/zendesk';
import { accessFor, checkAccess } from './reviewAccess';

const viewer = (role: string, groups: number[]) => ({
  id: 9,
  name: 'Sam',
  role,
  groups: groups.map((id) => ({ id, name: `Group ${id}` })),
});

describe('accessFor', () => {
  it('lets admins in, and members of a supervisor group', () => {
    expect(accessFor(viewer('admin', []), { supervisorGroupIds: [] })).toMatchObject({
      allowed: true,
      as: 'admin',
    });
    expect(accessFor(viewer('agent', [7, 8]), { supervisorGroupIds: [8] })).toMatchObject({
      allowed: true,
      as: 'group',
    });
  });

  it('refuses everyone else, saying why', () => {
    const refused = accessFor(viewer('agent', [7]), { supervisorGroupIds: [8] });
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.reason).toMatch(/you are in none of them/u);
    const noGroups = accessFor(viewer('agent', [7]), { supervisorGroupIds: [] });
    if (noGroups.allowed) throw new Error('an agent without a supervisor group was let in');
    expect(noGroups.reason).toMatch(/supervisor_group_ids/u);
  });
});

describe('checkAccess', () => {
  it('reads currentUser with its groups from ZAF', async () => {
    const fake = createFakeZendesk({ currentUser: { id: 9, name: 'Sam', role: 'agent' } });
    const member = createFakeClient(fake, {
      currentUserId: 9,
      agentGroups: [{ id: 8, name: 'Supervisors' }],
    });
    expect(await checkAccess(member, { supervisorGroupIds: [8] })).toMatchObject({ allowed: true });
    const other = createFakeClient(fake, { currentUserId: 9, agentGroups: [{ id: 7, name: 'Tier 1' }] });
    expect(await checkAccess(other, { supervisorGroupIds: [8] })).toMatchObject({ allowed: false });
  });
});
