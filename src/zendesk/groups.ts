/**
 * Whether the team groups in the settings are groups of this Zendesk account. A well-formed id that names
 * no group (a typo, a group since deleted, an id copied from another account) passes `parseSettings` and
 * only fails at confirm, when Zendesk refuses the ticket update. One listing of the account's groups
 * (`GET /api/v2/groups`, cursor pages of 100: one request for most accounts), which the sidebar never
 * waits for, names each such setting in the sidebar's settings warning instead.
 */
import * as v from 'valibot';
import type { Target } from '../engine';
import { allPages, type RestOptions } from './rest';
import { GROUP_SETTINGS } from './settings';
import type { AppSettings, ZafClient } from './types';

const groupItem = v.looseObject({ id: v.number(), deleted: v.nullish(v.boolean()) });

/**
 * The settings problems of the configured team groups: one line per id that is not a live group of the
 * account, naming the setting and the id (the warning's introduction says who fixes settings, and
 * where). A failed listing gives no problems: it proves nothing about the settings, and a confirm still
 * reports a refused group by itself.
 */
export function groupProblems(
  client: ZafClient,
  groups: AppSettings['groups'],
  options: RestOptions = {},
): Promise<string[]> {
  // No team group set: nothing to check, so no listing on the sidebar's start.
  if (Object.keys(groups).length === 0) return Promise.resolve([]);
  return allPages(client, '/api/v2/groups.json', 'groups', groupItem, options).then(
    (listed) => {
      const live = new Set(listed.filter((group) => !group.deleted).map((group) => group.id));
      return (Object.entries(groups) as [Target, number][])
        .filter(([, id]) => !live.has(id))
        .map(([target, id]) => `${GROUP_SETTINGS[target]}: ${id} is not a group of this Zendesk account.`);
    },
    () => [],
  );
}
