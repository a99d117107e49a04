import { getColor } from './color';
import styled from 'styled-components';
import { TARGETS, type Target } from '../engine';
import type { AppSettings, WritePlan } from '../zendesk/types';
import { t } from './i18n';
import { Facts, PlainList, PreText, Section, SubHeading } from './Section';
import { TagChip } from './TagChip';

const Block = styled(PreText)`
  border: 1px solid ${(p) => getColor({ theme: p.theme, variable: 'border.default' })};
  border-radius: ${(p) => p.theme.borderRadii.md};
  padding: ${(p) => p.theme.space.xs};
  font-size: ${(p) => p.theme.fontSizes.sm};
`;

const Tags = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: ${(p) => p.theme.space.xxs};
`;

/** Props of {@link Preview}. */
export interface PreviewProps {
  plan: WritePlan;
  groups: AppSettings['groups'];
  /** The team that owns the ticket, to name it when it has no group set up. */
  primary: Target | undefined;
}

/** The team whose group a group id is, by the settings. */
function teamOfGroup(groups: AppSettings['groups'], id: number): Target | undefined {
  return TARGETS.find((target) => groups[target] === id);
}

function statusText(plan: WritePlan): string {
  const status = t(`status.${plan.status}`);
  return plan.customStatusId === null
    ? status
    : t('preview.status_custom', { id: plan.customStatusId, status });
}

function groupText(plan: WritePlan, groups: AppSettings['groups'], primary: Target | undefined): string {
  if (plan.groupId === null) {
    return t('preview.group_unchanged', { team: primary ? t(`teams.${primary}`) : t('preview.none') });
  }
  const team = teamOfGroup(groups, plan.groupId);
  return t('preview.group_team', { team: team ? t(`teams.${team}`) : '', id: plan.groupId }).trim();
}

function assigneeText(plan: WritePlan): string {
  if (plan.assigneeId === 'keep') return t('preview.assignee_keep');
  if (plan.assigneeId === null) return t('preview.assignee_unassign');
  return t('preview.assignee_user', { id: plan.assigneeId });
}

/**
 * Exactly what a confirm writes, read from the write plan itself: status, group, tags, assignee, the
 * internal note, the customer message and how it is delivered, and the linked tickets for other teams.
 */
export function Preview({ plan, groups, primary }: PreviewProps) {
  return (
    <Section title={t('preview.heading')}>
      <p>{t('preview.ticket', { id: plan.ticketId })}</p>
      <Facts>
        <dt>{t('preview.status')}</dt>
        <dd>{statusText(plan)}</dd>
        <dt>{t('preview.group')}</dt>
        <dd>{groupText(plan, groups, primary)}</dd>
        <dt>{t('preview.assignee')}</dt>
        <dd>{assigneeText(plan)}</dd>
        <dt>{t('preview.tags')}</dt>
        <dd>
          {plan.additionalTags.length ? (
            <Tags>
              {plan.additionalTags.map((tag) => (
                <TagChip>{tag}</TagChip>
              ))}
            </Tags>
          ) : (
            t('preview.none')
          )}
        </dd>
        <dt>{t('preview.follow_up')}</dt>
        <dd>
          {plan.followUpHours === null
            ? t('preview.none')
            : t('suggestion.follow_up_hours', { hours: plan.followUpHours })}
        </dd>
      </Facts>
      <SubHeading>{t('preview.note')}</SubHeading>
      <Block>{plan.internalNote}</Block>
      <SubHeading>
        {t('preview.message')}:{' '}
        {plan.messageDelivery === 'post' ? t('preview.delivery_post') : t('preview.delivery_editor')}
      </SubHeading>
      <Block>{plan.customerMessage}</Block>
      {plan.handoffs.length > 0 && (
        <>
          <SubHeading>{t('preview.handoffs')}</SubHeading>
          <PlainList>
            {plan.handoffs.map((h) => (
              <li key={h.target}>
                <SubHeading as="h4">
                  {t('preview.handoff', {
                    team: t(`teams.${h.target}`),
                    group:
                      h.groupId === null
                        ? t('preview.handoff_no_group')
                        : t('preview.handoff_group', { id: h.groupId }),
                    subject: h.subject,
                  })}
                </SubHeading>
                <Block>{h.body}</Block>
              </li>
            ))}
          </PlainList>
        </>
      )}
    </Section>
  );
}
