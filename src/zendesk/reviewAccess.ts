/**
 * Who may open the supervisors' review: an admin, or a member of a group named in the
 * `supervisor_group_ids` setting. Read from ZAF's `currentUser` (role and groups) in one round trip,
 * before any ticket data is asked for, so everyone else sees a refusal and nothing is loaded.
 */
import * as v from 'valibot';
import type { AppSettings, ZafClient } from './types';

const currentUserSchema = v.looseObject({
  id: v.number(),
  name: v.string(),
  // A custom role arrives as its id (a number) on Enterprise accounts.
  role: v.union([v.string(), v.number()]),
  groups: v.optional(v.array(v.looseObject({ id: v.number(), name: v.optional(v.string(), '') })), []),
});

/** The signed-in user as the review needs them. */
export interface Viewer {
  id: number;
  name: string;
  role: string;
  groups: { id: number; name: string }[];
}

/** The answer: allowed (and why), or refused with the reason in words. */
export type Access =
  | { allowed: true; viewer: Viewer; as: 'admin' | 'group' }
  | { allowed: false; viewer: Viewer | null; reason: string };

/** Decides access from the viewer and the settings; pure, so the rule is tested on its own. */
export function accessFor(viewer: Viewer, settings: Pick<AppSettings, 'supervisorGroupIds'>): Access {
  if (viewer.role === 'admin') return { allowed: true, viewer, as: 'admin' };
  const wanted = new Set(settings.supervisorGroupIds);
  if (viewer.groups.some((group) => wanted.has(group.id))) return { allowed: true, viewer, as: 'group' };
  return {
    allowed: false,
    viewer,
    reason:
      settings.supervisorGroupIds.length === 0
        ? 'The review is for admins; no supervisor group is set in the app settings (supervisor_group_ids).'
        : 'The review is for admins and members of the supervisor groups set in the app settings; you are in none of them.',
  };
}

/** Reads `currentUser` and decides. A host that cannot say who is signed in gets a refusal, not access. */
export async function checkAccess(
  client: ZafClient,
  settings: Pick<AppSettings, 'supervisorGroupIds'>,
): Promise<Access> {
  const answer = await client.get('currentUser');
  const parsed = v.safeParse(currentUserSchema, answer.currentUser);
  if (!parsed.success) {
    return {
      allowed: false,
      viewer: null,
      reason: 'Zendesk did not say who is signed in, so the review stays closed. Reload the page.',
    };
  }
  const user = parsed.output;
  return accessFor(
    {
      id: user.id,
      name: user.name,
      role: String(user.role),
      groups: user.groups.map((group) => ({ id: group.id, name: group.name })),
    },
    settings,
  );
}
