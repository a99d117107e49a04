/** What changed between two decisions, as the conflict notice lists it. */
import { describe, expect, it } from 'vitest';
import { decide } from '../engine';
import { describeChanges } from './changes';
import { t } from './i18n';
import { caseBundle } from './testing';

describe('describeChanges', () => {
  it('is empty for the same decision', () => {
    const d = decide(caseBundle('01-port-in-rejected-four-times.json'));
    expect(describeChanges(d, d)).toEqual([]);
  });

  it('names the verdict, teams, urgency, reasons and blockers that moved', () => {
    const bundle = caseBundle('13-esim-error-no-troubleshooting-no-info.json');
    const before = decide(bundle);
    const after = decide({ ...bundle, agent_checklist: { troubleshooting_done: true, info_complete: true } });
    const lines = describeChanges(before, after);
    expect(lines).toContain(t('conflict.escalate', { before: t('conflict.no'), after: t('conflict.yes') }));
    for (const r of after.reasons) expect(lines).toContain(t('conflict.reason_added', { row: r.guide_row }));
    for (const b of before.blockers)
      expect(lines).toContain(t('conflict.blocker_removed', { message: b.message }));
  });
});
