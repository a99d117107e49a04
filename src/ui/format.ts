/** Small text helpers the components share: team names and list comparison. */
import type { Target } from '../engine';
import { t } from './i18n';

/** "L2 (Senior CS) + Legal": the teams' display names in the given order. */
export function teamNames(targets: readonly Target[]): string {
  return targets.map((target) => t(`teams.${target}`)).join(t('teams.join'));
}

/** Whether two lists hold the same items, order aside. */
export function sameSet<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** A timestamp as the agent's browser writes dates and times. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}
