/** The preview shows exactly the write plan src/zendesk built from a real decision, field by field. */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { decide } from '../engine';
import { buildPlan } from '../zendesk';
import type { AppSettings, WritePlan } from '../zendesk/types';
import { t } from './i18n';
import { Preview } from './Preview';
import { caseBundle, renderUi, SETTINGS } from './testing';

const AGENT = { id: 7, name: 'Tomasz Nowak' };

function planFor(file: string, targets: WritePlan['handoffs'][number]['target'][], settings: AppSettings) {
  const bundle = caseBundle(file);
  const decision = decide(bundle);
  return buildPlan({
    bundle,
    decision,
    choice: {
      targets,
      overrideReason: 'Regulator mentioned',
      note: decision.note,
      message: decision.customer_message,
    },
    settings,
    agent: AGENT,
  });
}

const definition = (term: string): string => {
  const dt = screen.getByText(term, { selector: 'dt' });
  return dt.nextElementSibling?.textContent ?? '';
};

describe('Preview', () => {
  it('shows status, group, assignee, tags, note, message and handoffs as the plan has them', () => {
    const plan = planFor('01-port-in-rejected-four-times.json', ['carrier', 'legal'], SETTINGS);
    const { container } = renderUi(<Preview plan={plan} groups={SETTINGS.groups} primary="carrier" />);

    expect(screen.getByText(t('preview.ticket', { id: plan.ticketId }))).toBeTruthy();
    expect(definition(t('preview.status'))).toBe(
      t('preview.status_custom', { id: 9001, status: t(`status.${plan.status}`) }),
    );
    expect(plan.groupId).toBe(SETTINGS.groups.carrier);
    expect(definition(t('preview.group'))).toBe(
      t('preview.group_team', { team: t('teams.carrier'), id: plan.groupId ?? '' }),
    );
    expect(definition(t('preview.assignee'))).toBe(t('preview.assignee_unassign'));
    expect(plan.additionalTags.length).toBeGreaterThan(0);
    const tags = screen.getByText(t('preview.tags'), { selector: 'dt' }).nextElementSibling as HTMLElement;
    for (const tag of plan.additionalTags) expect(within(tags).getByText(tag)).toBeTruthy();
    expect(definition(t('preview.follow_up'))).toBe(
      t('suggestion.follow_up_hours', { hours: plan.followUpHours ?? 0 }),
    );

    const blocks = [...container.querySelectorAll('h3 + div')].map((b) => b.textContent);
    expect(blocks[0]).toBe(plan.internalNote);
    expect(blocks[1]).toBe(plan.customerMessage);
    expect(screen.getByText(`${t('preview.message')}: ${t('preview.delivery_post')}`)).toBeTruthy();

    expect(plan.handoffs.map((h) => h.target)).toEqual(['legal']);
    const handoff = plan.handoffs[0];
    expect(
      screen.getByText(
        t('preview.handoff', {
          team: t('teams.legal'),
          group: t('preview.handoff_group', { id: handoff?.groupId ?? '' }),
          subject: handoff?.subject ?? '',
        }),
      ),
    ).toBeTruthy();
    expect(container.textContent).toContain(handoff?.body ?? '(no body)');
  });

  it('says when the group stays, the assignee is kept and the message goes to the editor', () => {
    const settings: AppSettings = {
      ...SETTINGS,
      groups: {},
      keepAssignee: true,
      messageDelivery: 'editor',
      escalatedStatusId: null,
    };
    const plan = planFor('05-duplicate-charge-refund-149.json', ['l2'], settings);
    renderUi(<Preview plan={plan} groups={settings.groups} primary="l2" />);
    expect(plan.groupId).toBeNull();
    expect(definition(t('preview.status'))).toBe(t(`status.${plan.status}`));
    expect(definition(t('preview.group'))).toBe(t('preview.group_unchanged', { team: t('teams.l2') }));
    expect(definition(t('preview.assignee'))).toBe(t('preview.assignee_keep'));
    expect(screen.getByText(`${t('preview.message')}: ${t('preview.delivery_editor')}`)).toBeTruthy();
    expect(screen.queryByText(t('preview.handoffs'))).toBeNull();
  });
});
