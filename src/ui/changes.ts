/** What changed between two decisions for the same ticket, one line each, for the conflict notice. */
import type { Decision } from '../engine';
import { sameSet, teamNames } from './format';
import { t } from './i18n';

const yesNo = (b: boolean): string => (b ? t('conflict.yes') : t('conflict.no'));
const teamsOrNone = (d: Decision): string => (d.targets.length ? teamNames(d.targets) : t('conflict.nobody'));

/** Lines saying how `after` differs from `before`; empty when the suggestion is the same. */
export function describeChanges(before: Decision, after: Decision): string[] {
  const out: string[] = [];
  if (before.escalate !== after.escalate) {
    out.push(t('conflict.escalate', { before: yesNo(before.escalate), after: yesNo(after.escalate) }));
  }
  if (!sameSet(before.targets, after.targets)) {
    out.push(t('conflict.targets', { before: teamsOrNone(before), after: teamsOrNone(after) }));
  }
  if (before.urgency !== after.urgency) {
    out.push(
      t('conflict.urgency', { before: t(`urgency.${before.urgency}`), after: t(`urgency.${after.urgency}`) }),
    );
  }
  const rules = (d: Decision) => new Map(d.reasons.map((r) => [r.rule, r.guide_row]));
  const [was, now] = [rules(before), rules(after)];
  for (const [rule, row] of now) if (!was.has(rule)) out.push(t('conflict.reason_added', { row }));
  for (const [rule, row] of was) if (!now.has(rule)) out.push(t('conflict.reason_removed', { row }));
  const blockers = (d: Decision) => new Map(d.blockers.map((b) => [b.id, b.message]));
  const [heldBefore, heldAfter] = [blockers(before), blockers(after)];
  for (const [id, message] of heldAfter)
    if (!heldBefore.has(id)) out.push(t('conflict.blocker_added', { message }));
  for (const [id, message] of heldBefore)
    if (!heldAfter.has(id)) out.push(t('conflict.blocker_removed', { message }));
  return out;
}
