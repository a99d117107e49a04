import { Alert } from './Alert';
import type { Target } from '../engine';
import type { StepResult } from '../zendesk/types';
import { formatTime, teamNames } from './format';
import { t } from './i18n';
import { Facts, SubHeading } from './Section';
import { StepList } from './StepList';

/** Props of {@link Result}. */
export interface ResultProps {
  targets: readonly Target[];
  /** When the escalation was written (ISO-8601). */
  at: string;
  followUpHours: number | null;
  steps: readonly StepResult[];
}

/** When `hours` after `iso` falls, as ISO-8601. */
export function followUpDue(iso: string, hours: number): string {
  return new Date(Date.parse(iso) + hours * 3_600_000).toISOString();
}

/** After a confirm: which team has it, when it was escalated, when to follow up, and each step's outcome. */
export function Result({ targets, at, followUpHours, steps }: ResultProps) {
  return (
    <Alert type="success" role="status">
      <Alert.Title>{t('result.heading')}</Alert.Title>
      <Facts>
        <dt>{t('result.teams')}</dt>
        <dd>{teamNames(targets)}</dd>
        <dt>{t('result.time')}</dt>
        <dd>{formatTime(at)}</dd>
        <dt>{t('result.follow_up')}</dt>
        <dd>
          {followUpHours === null ? t('result.no_follow_up') : formatTime(followUpDue(at, followUpHours))}
        </dd>
      </Facts>
      <SubHeading as="h2">{t('result.steps')}</SubHeading>
      <StepList steps={steps} />
    </Alert>
  );
}
